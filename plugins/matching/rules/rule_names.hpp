// The matching rules by their stable names (used in explanations, exports, scripts and reports), and what
// a finding of one says.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jobcenter::matching {

enum class Rule {
    wants_paid_work,
    approved,
    consent_y100,
    skills_recognition,
    skill,
    unavailable,
    time_clash,
    weekly_hours,
    kuty_outside_hours,
    commission_unemployment_benefit,
    early_education_extract,
    benefit_limit,
    vatti_work_activity_day,
    first_gig_support,
    same_as_work_activity_task,
    benefit_adjustment,
    yel_threshold,
};
inline constexpr int rule_count = 17;

std::string_view rule_name(Rule rule);  // "consent-y100"
std::optional<Rule> parse_rule(std::string_view name);
std::string rule_names();  // every name, comma-separated

// One rule that failed (an exclusion) or holds a caution (a warning), with what was found.
struct Finding {
    Rule rule;
    std::string detail;
};

}  // namespace jobcenter::matching
