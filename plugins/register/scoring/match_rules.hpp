// Reading the matching rules from the calling unit's register.lua, checked field by field.
#pragma once

#include <string>

#include "jobcenter/context.hpp"
#include "jobcenter/scripts.hpp"
#include "register/scoring/pair_scoring.hpp"

namespace jobcenter::register_plugin {

// The unit's rules: every field of M.match, each a finite number in its allowed range, and M.blocking.
MatchRules load_match_rules(Context& ctx);

// Raise when a change to scoring or clustering code changes what a dedupe run gives: the next run then
// goes over the whole register instead of only the new records.
constexpr int scoring_revision = 4;

// Every rule's value, as text: a run whose rules differ from the last run's must go over everything.
std::string rules_fingerprint(const MatchRules& rules);

// The rules a M.match table gives (fields it leaves out keep their defaults); throws ScriptError naming
// the field when one is unknown, not a number or out of its range.
MatchRules match_rules_from(const ScriptValue& match);

// The blocking keys a M.blocking table gives (keys it leaves out keep their defaults); throws ScriptError
// naming the key when one is unknown, of the wrong type or out of its range, or when every key is off.
BlockingRules blocking_rules_from(const ScriptValue& blocking);

// The entry points of register.lua, for `jobcenter script check`.
std::vector<ScriptEntry> register_script_entries();

}  // namespace jobcenter::register_plugin
