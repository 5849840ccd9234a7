// How each rule acts for a unit: exclude the client, warn and keep them, or (for a few cautions) say
// nothing. A unit's matching.lua sets them in M.rules; the host refuses a setting no script may make
// (consent, approval, the commission rule and the early-education extract always exclude).
#pragma once

#include <array>
#include <functional>
#include <string>
#include <vector>

#include "jobcenter/scripts.hpp"
#include "matching/rules/rule_names.hpp"

namespace jobcenter::matching {

enum class RuleAction { exclude, warn, off };
std::string_view action_name(RuleAction action);

struct RuleSettings {
    std::array<RuleAction, rule_count> action{};
    int first_gigs_with_support = 3;  // gigs done before a client goes without a support person
    double yel_warning_share = 0.8;   // warn when yearly commission income reaches this share of the YEL minimum
    int fairness_weeks = 8;           // the window of the fairness term

    RuleAction of(Rule r) const { return action[static_cast<std::size_t>(r)]; }
};

// The actions a rule may be given, the first being the built-in one.
std::vector<RuleAction> allowed_actions(Rule rule);

// Reads M.rules and the limits beside it from the calling unit's matching.lua; throws ScriptError naming the
// file and the rule when a setting is unknown or refused.
RuleSettings read_rule_settings(Scripts& scripts);

// The same check for `script check`: validates a M.rules table value.
void check_rule_table(const ScriptValue& rules);

// The limits beside M.rules a unit may set, each with the check read_rule_settings applies.
struct RuleLimitEntry {
    std::string name;
    std::string summary;
    std::function<void(const ScriptValue&)> check;
};
const std::vector<RuleLimitEntry>& rule_limit_entries();

}  // namespace jobcenter::matching
