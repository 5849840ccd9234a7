// Reading and checking a unit's rule settings.
#include "matching/rules/rule_settings.hpp"

namespace jobcenter::matching {
namespace json = boost::json;
namespace {

constexpr std::string_view action_names[] = {"exclude", "warn", "off"};

bool enforced_by_host(Rule r) {
    return r == Rule::consent_y100 || r == Rule::approved || r == Rule::commission_unemployment_benefit ||
           r == Rule::early_education_extract;
}

std::string allowed_text(Rule r) {
    std::string out;
    for (auto a : allowed_actions(r)) out += (out.empty() ? "'" : " or '") + std::string(action_name(a)) + "'";
    return out;
}

RuleAction checked_action(Rule rule, const json::value& v, const ScriptSite& site) {
    ScriptSite entry = site;
    entry.entry = "rules[\"" + std::string(rule_name(rule)) + "\"]";
    const std::string where = entry.describe();
    if (!v.is_string()) throw ScriptError("must be " + allowed_text(rule), where);
    for (auto a : allowed_actions(rule))
        if (action_name(a) == v.as_string()) return a;
    if (enforced_by_host(rule))
        throw ScriptError("'" + std::string(v.as_string()) + "' is refused: " + std::string(rule_name(rule)) +
                              " is enforced by Jobcenter and no unit's script may switch it off",
                          where);
    throw ScriptError("'" + std::string(v.as_string()) + "' is not allowed for " + std::string(rule_name(rule)) +
                          ": use " + allowed_text(rule),
                      where);
}

void apply_rule_table(RuleSettings* settings, const ScriptValue& rules) {
    if (rules.value.is_null()) return;
    const auto* table = rules.value.if_object();
    if (!table) {
        if (rules.value.is_array() && rules.value.as_array().empty()) return;  // {} arrives as an empty array
        throw ScriptError("rules must be a table of rule name = \"exclude\" | \"warn\" | \"off\"", rules.site.describe());
    }
    for (const auto& [key, value] : *table) {
        auto rule = parse_rule(key);
        if (!rule)
            throw ScriptError("unknown rule '" + std::string(key) + "' (the rules are: " + rule_names() + ")",
                              rules.site.describe());
        RuleAction action = checked_action(*rule, value, rules.site);
        if (settings) settings->action[static_cast<std::size_t>(*rule)] = action;
    }
}

}  // namespace

std::string_view action_name(RuleAction action) { return action_names[static_cast<int>(action)]; }

std::vector<RuleAction> allowed_actions(Rule r) {
    switch (r) {
        case Rule::skills_recognition:
        case Rule::weekly_hours:
        case Rule::benefit_limit: return {RuleAction::exclude, RuleAction::warn};
        case Rule::same_as_work_activity_task: return {RuleAction::warn, RuleAction::exclude, RuleAction::off};
        case Rule::vatti_work_activity_day:
        case Rule::first_gig_support:
        case Rule::benefit_adjustment:
        case Rule::yel_threshold: return {RuleAction::warn, RuleAction::off};
        default: return {RuleAction::exclude};
    }
}

void check_rule_table(const ScriptValue& rules) { apply_rule_table(nullptr, rules); }

namespace {

// Each limit's reader: the checked value written into the settings.
struct LimitReader {
    const char* name;
    const char* summary;
    void (*apply)(const ScriptValue& v, RuleSettings& settings);
};

constexpr LimitReader limit_readers[] = {
    {"first_gigs_with_support", "gigs done before first-gig-support stops warning: a whole number 0-100",
     [](const ScriptValue& v, RuleSettings& s) {
         s.first_gigs_with_support = static_cast<int>(script_integer(v, "first_gigs_with_support", 0, 100));
     }},
    {"yel_warning_share", "share of the YEL minimum that warns: a number 0-1",
     [](const ScriptValue& v, RuleSettings& s) { s.yel_warning_share = script_number(v, "yel_warning_share", 0.0, 1.0); }},
    {"fairness_weeks", "the fairness window in weeks: a whole number 1-104",
     [](const ScriptValue& v, RuleSettings& s) {
         s.fairness_weeks = static_cast<int>(script_integer(v, "fairness_weeks", 1, 104));
     }},
};

}  // namespace

const std::vector<RuleLimitEntry>& rule_limit_entries() {
    static const std::vector<RuleLimitEntry> entries = [] {
        std::vector<RuleLimitEntry> out;
        for (const auto& reader : limit_readers) {
            auto apply = reader.apply;
            out.push_back({reader.name, reader.summary, [apply](const ScriptValue& v) {
                               RuleSettings ignored;
                               apply(v, ignored);
                           }});
        }
        return out;
    }();
    return entries;
}

RuleSettings read_rule_settings(Scripts& scripts) {
    RuleSettings settings;
    for (int i = 0; i < rule_count; ++i) settings.action[static_cast<std::size_t>(i)] = allowed_actions(static_cast<Rule>(i)).front();
    if (scripts.has("matching", "rules")) apply_rule_table(&settings, scripts.get("matching", "rules"));
    for (const auto& reader : limit_readers)
        if (scripts.has("matching", reader.name)) reader.apply(scripts.get("matching", reader.name), settings);
    return settings;
}

}  // namespace jobcenter::matching
