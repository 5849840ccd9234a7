// Spelling of the rule names.
#include "matching/rules/rule_names.hpp"

#include <array>
#include <cstddef>

namespace jobcenter::matching {
namespace {

constexpr std::array<std::string_view, rule_count> names{
    "wants-paid-work", "approved", "consent-y100", "skills-recognition", "skill", "unavailable", "time-clash",
    "weekly-hours", "kuty-outside-hours", "commission-unemployment-benefit", "early-education-extract",
    "benefit-limit", "vatti-work-activity-day", "first-gig-support", "same-as-work-activity-task",
    "benefit-adjustment", "yel-threshold"};

}  // namespace

std::string_view rule_name(Rule rule) { return names.at(static_cast<std::size_t>(rule)); }

std::optional<Rule> parse_rule(std::string_view name) {
    for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i] == name) return static_cast<Rule>(i);
    return std::nullopt;
}

std::string rule_names() {
    std::string out;
    for (auto n : names) out += (out.empty() ? "" : ", ") + std::string(n);
    return out;
}

}  // namespace jobcenter::matching
