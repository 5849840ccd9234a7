// Matching rules from Lua: known fields only, each range-checked; unknown fields are refused.
#include "register/scoring/match_rules.hpp"

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
    {"site_equal", &MatchRules::site_equal, 0, 50},
    {"site_different", &MatchRules::site_different, -50, 0},
    {"namesakes_apart", &MatchRules::namesakes_apart, -50, 0},
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
        if (field.key() == "max_block")
            throw ScriptError("match.max_block has moved: set blocking.max_block instead", match.site.describe());
        if (field.key() == "review_per_orderer") {
            rules.review_per_orderer = static_cast<std::size_t>(script_integer(v, "review_per_orderer", 1, 1000));
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

struct BlockingSwitch {
    const char* name;
    bool BlockingRules::*member;
};

const BlockingSwitch blocking_switches[] = {
    {"business_id", &BlockingRules::business_id}, {"phone", &BlockingRules::phone}, {"email", &BlockingRules::email},
    {"street", &BlockingRules::street},           {"name", &BlockingRules::name},
};

struct BlockingCount {
    const char* name;
    std::size_t BlockingRules::*member;
    std::int64_t min, max;
};

const BlockingCount blocking_counts[] = {
    {"name_words", &BlockingRules::name_words, 0, 4},
    {"name_word_prefix", &BlockingRules::name_word_prefix, 0, 20},
    {"pair_whole", &BlockingRules::pair_whole, 2, 100000},
    {"window", &BlockingRules::window, 1, 1000},
    {"max_block", &BlockingRules::max_block, 2, 100000},
};

void apply_blocking(BlockingRules& keys, const ScriptValue& blocking) {
    if (!blocking.value.is_object())
        throw ScriptError("blocking must be a table of switches and counts", blocking.site.describe());
    for (const auto& field : blocking.value.get_object()) {
        ScriptValue v = script_field(blocking, field.key());
        bool known = false;
        for (const auto& s : blocking_switches)
            if (field.key() == s.name) keys.*s.member = script_boolean(v, s.name), known = true;
        for (const auto& c : blocking_counts)
            if (field.key() == c.name)
                keys.*c.member = static_cast<std::size_t>(script_integer(v, c.name, c.min, c.max)), known = true;
        if (!known)
            throw ScriptError("blocking has no key named '" + std::string(field.key()) + "'", blocking.site.describe());
    }
    if (keys.name_word_prefix != 0 && keys.name_word_prefix < 3)
        throw ScriptError("blocking.name_word_prefix must be 0 (off) or at least 3 letters", blocking.site.describe());
    if (keys.name_word_prefix != 0 && keys.name_words == 0)
        throw ScriptError("blocking.name_word_prefix needs blocking.name_words above 0", blocking.site.describe());
    const bool any = keys.business_id || keys.phone || keys.email || keys.street || keys.name || keys.name_words > 0;
    if (!any) throw ScriptError("blocking turns every key off: no pair would ever be compared", blocking.site.describe());
}

}  // namespace

std::string rules_fingerprint(const MatchRules& rules) {
    char head[64];
    std::snprintf(head, sizeof head, "scoring %d; review_per_orderer %zu", scoring_revision, rules.review_per_orderer);
    std::string out = head;
    for (const auto& f : rule_fields) {
        char value[64];
        std::snprintf(value, sizeof value, "; %s %.17g", f.name, rules.*f.member);
        out += value;
    }
    for (const auto& s : blocking_switches) out += std::string("; blocking.") + s.name + (rules.blocking.*s.member ? " on" : " off");
    for (const auto& c : blocking_counts) out += std::string("; blocking.") + c.name + " " + std::to_string(rules.blocking.*c.member);
    return out;
}

MatchRules load_match_rules(Context& ctx) {
    MatchRules rules;
    if (ctx.scripts().has("register", "match")) apply(rules, ctx.scripts().get("register", "match"));
    if (ctx.scripts().has("register", "blocking")) apply_blocking(rules.blocking, ctx.scripts().get("register", "blocking"));
    return rules;
}

MatchRules match_rules_from(const ScriptValue& match) {
    MatchRules rules;
    apply(rules, match);
    return rules;
}

BlockingRules blocking_rules_from(const ScriptValue& blocking) {
    BlockingRules keys;
    apply_blocking(keys, blocking);
    return keys;
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
    ScriptEntry blocking;
    blocking.module = "register";
    blocking.name = "blocking";
    blocking.kind = ScriptEntry::Kind::table;
    blocking.required = false;  // a unit's own script without it blocks on the built-in keys
    blocking.summary = "which keys two records must share to be compared at all";
    blocking.validate = [](const ScriptValue& v) {
        BlockingRules keys;
        apply_blocking(keys, v);
    };
    ScriptEntry days;
    days.module = "register";
    days.name = "recent_contact_days";
    days.kind = ScriptEntry::Kind::number;
    days.summary = "days within which another unit's contact is warned about";
    days.validate = [](const ScriptValue& v) { script_integer(v, "recent_contact_days", 0, 3650); };
    return {match, blocking, days};
}

}  // namespace jobcenter::register_plugin
