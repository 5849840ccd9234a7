// Matching rules from Lua: known fields only, each range-checked; unknown fields are refused.
#include "match_rules.hpp"

#include <cstdio>

namespace jobcenter::register_plugin {
namespace {

struct RuleField {
    const char* name;
    double MatchRules::*member;
    double min, max;
};

const RuleField rule_fields[] = {
    {"link_score", &MatchRules::link_score, -50, 50},
    {"review_score", &MatchRules::review_score, -50, 50},
    {"business_id_equal", &MatchRules::business_id_equal, 0, 50},
    {"business_id_different", &MatchRules::business_id_different, -50, 0},
    {"department_equal", &MatchRules::department_equal, 0, 50},
    {"department_different", &MatchRules::department_different, -50, 0},
    {"name_weight", &MatchRules::name_weight, 0, 50},
    {"name_offset", &MatchRules::name_offset, 0, 50},
    {"phone_equal", &MatchRules::phone_equal, 0, 50},
    {"phone_different", &MatchRules::phone_different, -50, 0},
    {"email_equal", &MatchRules::email_equal, 0, 50},
    {"email_generic_equal", &MatchRules::email_generic_equal, 0, 50},
    {"email_domain_equal", &MatchRules::email_domain_equal, 0, 50},
    {"address_equal", &MatchRules::address_equal, 0, 50},
    {"address_similar", &MatchRules::address_similar, 0, 50},
    {"address_different", &MatchRules::address_different, -50, 0},
    {"address_unclear", &MatchRules::address_unclear, -50, 0},
    {"contact_at_other_building", &MatchRules::contact_at_other_building, 0, 1},
    {"postcode_different", &MatchRules::postcode_different, -50, 0},
    {"legal_form_different", &MatchRules::legal_form_different, -50, 0},
    {"sharing_penalty", &MatchRules::sharing_penalty, 0, 20},
};

void apply(MatchRules& rules, const ScriptValue& match) {
    if (!match.value.is_object()) throw ScriptError("match must be a table of numbers", match.site.describe());
    for (const auto& field : match.value.get_object()) {
        ScriptValue v = script_field(match, field.key());
        if (field.key() == "max_block") {
            rules.max_block = static_cast<std::size_t>(script_integer(v, "max_block", 2, 100000));
            continue;
        }
        bool known = false;
        for (const auto& f : rule_fields)
            if (field.key() == f.name) {
                rules.*f.member = script_number(v, f.name, f.min, f.max);
                known = true;
            }
        if (!known) throw ScriptError("match has no rule named '" + std::string(field.key()) + "'", match.site.describe());
    }
    if (rules.review_score > rules.link_score)
        throw ScriptError("match.review_score must not be above match.link_score", match.site.describe());
}

}  // namespace

std::string rules_fingerprint(const MatchRules& rules) {
    char head[64];
    std::snprintf(head, sizeof head, "scoring %d; max_block %zu", scoring_revision, rules.max_block);
    std::string out = head;
    for (const auto& f : rule_fields) {
        char value[64];
        std::snprintf(value, sizeof value, "; %s %.17g", f.name, rules.*f.member);
        out += value;
    }
    return out;
}

MatchRules load_match_rules(Context& ctx) {
    MatchRules rules;
    if (ctx.scripts().has("register", "match")) apply(rules, ctx.scripts().get("register", "match"));
    return rules;
}

MatchRules match_rules_from(const ScriptValue& match) {
    MatchRules rules;
    apply(rules, match);
    return rules;
}

std::vector<ScriptEntry> register_script_entries() {
    ScriptEntry match;
    match.module = "register";
    match.name = "match";
    match.kind = ScriptEntry::Kind::table;
    match.summary = "weights and thresholds of duplicate finding (log2 odds)";
    match.validate = [](const ScriptValue& v) {
        MatchRules rules;
        apply(rules, v);
    };
    ScriptEntry days;
    days.module = "register";
    days.name = "recent_contact_days";
    days.kind = ScriptEntry::Kind::number;
    days.summary = "days within which another unit's contact is warned about";
    days.validate = [](const ScriptValue& v) { script_integer(v, "recent_contact_days", 0, 3650); };
    return {match, days};
}

}  // namespace jobcenter::register_plugin
