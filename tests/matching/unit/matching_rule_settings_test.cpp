// Unit tests of the rule names and of a unit's rule settings: the 17 stable names both ways, the actions each
// rule allows (the first its built-in one), the four rules no script may change, and reading M.rules and the
// limits beside it from a unit's matching.lua.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <map>
#include <set>

#include "jobcenter/errors.hpp"
#include "matching/rules/rule_settings.hpp"

namespace {
using namespace jobcenter;
using namespace jobcenter::matching;
namespace json = boost::json;

// A unit's matching.lua as the data its entries hold.
class EntryScripts final : public Scripts {
public:
    explicit EntryScripts(json::object entries) : entries_(std::move(entries)) {}
    bool has(std::string_view module, std::string_view entry) override { return module == "matching" && entries_.contains(entry); }
    ScriptValue call(std::string_view, std::string_view, const json::array&) override { throw InternalError("no functions here"); }
    ScriptValues call_each(std::string_view, std::string_view, const std::vector<json::array>&, const json::array&) override {
        throw InternalError("no functions here");
    }
    ScriptValue get(std::string_view, std::string_view entry) override {
        return {entries_.at(entry), ScriptSite{"pakila", "scripts/units/pakila/matching.lua", 0, std::string(entry)}};
    }
    std::string file_of(std::string_view) override { return "scripts/units/pakila/matching.lua"; }

private:
    json::object entries_;
};

RuleSettings settings_of(json::object entries) {
    EntryScripts scripts(std::move(entries));
    return read_rule_settings(scripts);
}

std::string refusal_of(json::object entries) {
    try {
        settings_of(std::move(entries));
    } catch (const ScriptError& e) {
        return e.describe();
    }
    return "";
}

std::vector<Rule> every_rule() {
    std::vector<Rule> rules;
    for (int i = 0; i < rule_count; ++i) rules.push_back(static_cast<Rule>(i));
    return rules;
}

TEST(MatchingRuleNames, EveryRuleHasItsStableNameBothWays) {
    const std::vector<std::string> expected{
        "wants-paid-work", "approved", "consent-y100", "skills-recognition", "skill", "unavailable", "time-clash",
        "weekly-hours", "kuty-outside-hours", "commission-unemployment-benefit", "early-education-extract", "benefit-limit",
        "vatti-work-activity-day", "first-gig-support", "same-as-work-activity-task", "benefit-adjustment", "yel-threshold"};
    ASSERT_EQ(expected.size(), static_cast<std::size_t>(rule_count));
    for (auto rule : every_rule()) {
        EXPECT_EQ(rule_name(rule), expected[static_cast<std::size_t>(rule)]);
        EXPECT_EQ(parse_rule(rule_name(rule)), rule);
    }
    EXPECT_FALSE(parse_rule("consent"));
    EXPECT_FALSE(parse_rule("Consent-Y100"));
    EXPECT_EQ(rule_names().substr(0, 34), "wants-paid-work, approved, consent");
}

TEST(MatchingRuleSettings, EachRuleAllowsItsActionsWithTheBuiltInOneFirst) {
    using A = RuleAction;
    const std::map<std::string, std::vector<A>> expected{
        {"wants-paid-work", {A::exclude}},
        {"approved", {A::exclude}},
        {"consent-y100", {A::exclude}},
        {"skills-recognition", {A::exclude, A::warn}},
        {"skill", {A::exclude}},
        {"unavailable", {A::exclude}},
        {"time-clash", {A::exclude}},
        {"weekly-hours", {A::exclude, A::warn}},
        {"kuty-outside-hours", {A::exclude}},
        {"commission-unemployment-benefit", {A::exclude}},
        {"early-education-extract", {A::exclude}},
        {"benefit-limit", {A::exclude, A::warn}},
        {"vatti-work-activity-day", {A::warn, A::off}},
        {"first-gig-support", {A::warn, A::off}},
        {"same-as-work-activity-task", {A::warn, A::exclude, A::off}},
        {"benefit-adjustment", {A::warn, A::off}},
        {"yel-threshold", {A::warn, A::off}}};
    for (auto rule : every_rule()) EXPECT_EQ(allowed_actions(rule), expected.at(std::string(rule_name(rule)))) << rule_name(rule);
}

TEST(MatchingRuleSettings, WithoutAUnitTableEveryRuleTakesItsBuiltInAction) {
    const RuleSettings s = settings_of({});
    for (auto rule : every_rule()) EXPECT_EQ(s.of(rule), allowed_actions(rule).front()) << rule_name(rule);
    EXPECT_EQ(s.first_gigs_with_support, 3);
    EXPECT_DOUBLE_EQ(s.yel_warning_share, 0.8);
    EXPECT_EQ(s.fairness_weeks, 8);
    const RuleSettings empty_table = settings_of({{"rules", json::array{}}});
    for (auto rule : every_rule()) EXPECT_EQ(empty_table.of(rule), allowed_actions(rule).front()) << "{} arrives as an empty array";
}

TEST(MatchingRuleSettings, AUnitChangesOnlyTheRulesItNames) {
    const RuleSettings s = settings_of({{"rules", json::object{{"benefit-limit", "warn"}, {"first-gig-support", "off"},
                                                               {"same-as-work-activity-task", "exclude"}}},
                                        {"first_gigs_with_support", 5},
                                        {"yel_warning_share", 0.9},
                                        {"fairness_weeks", 12}});
    EXPECT_EQ(s.of(Rule::benefit_limit), RuleAction::warn);
    EXPECT_EQ(s.of(Rule::first_gig_support), RuleAction::off);
    EXPECT_EQ(s.of(Rule::same_as_work_activity_task), RuleAction::exclude);
    EXPECT_EQ(s.of(Rule::weekly_hours), RuleAction::exclude);
    EXPECT_EQ(s.of(Rule::yel_threshold), RuleAction::warn);
    EXPECT_EQ(s.first_gigs_with_support, 5);
    EXPECT_DOUBLE_EQ(s.yel_warning_share, 0.9);
    EXPECT_EQ(s.fairness_weeks, 12);
}

TEST(MatchingRuleSettings, TheFourEnforcedRulesRefuseEveryOtherAction) {
    for (const char* rule : {"consent-y100", "approved", "commission-unemployment-benefit", "early-education-extract"})
        for (const char* action : {"warn", "off"}) {
            const auto refusal = refusal_of({{"rules", json::object{{rule, action}}}});
            EXPECT_NE(refusal.find(std::string("'") + action + "' is refused: " + rule + " is enforced by Jobcenter"), std::string::npos)
                << refusal;
            EXPECT_NE(refusal.find("scripts/units/pakila/matching.lua"), std::string::npos) << refusal;
        }
    EXPECT_EQ(refusal_of({{"rules", json::object{{"consent-y100", "exclude"}}}}), "");
}

TEST(MatchingRuleSettings, AnActionARuleDoesNotTakeOrAnUnknownRuleIsRefused) {
    EXPECT_NE(refusal_of({{"rules", json::object{{"skill", "warn"}}}}).find("'warn' is not allowed for skill: use 'exclude'"), std::string::npos);
    EXPECT_NE(refusal_of({{"rules", json::object{{"benefit-limit", "off"}}}}).find("use 'exclude' or 'warn'"), std::string::npos);
    EXPECT_NE(refusal_of({{"rules", json::object{{"yel-threshold", "exclude"}}}}).find("use 'warn' or 'off'"), std::string::npos);
    EXPECT_NE(refusal_of({{"rules", json::object{{"weekly-hours", 1}}}}).find("must be 'exclude' or 'warn'"), std::string::npos);
    EXPECT_NE(refusal_of({{"rules", json::object{{"weekly-hours", "Warn"}}}}).find("not allowed"), std::string::npos);
    EXPECT_NE(refusal_of({{"rules", json::object{{"time_clash", "exclude"}}}}).find("unknown rule 'time_clash' (the rules are: "),
              std::string::npos);
    EXPECT_NE(refusal_of({{"rules", "warn"}}).find("rules must be a table"), std::string::npos);
    EXPECT_NE(refusal_of({{"rules", json::array{"warn"}}}).find("rules must be a table"), std::string::npos);
}

TEST(MatchingRuleSettings, TheLimitsBesideTheRulesAreChecked) {
    EXPECT_NE(refusal_of({{"fairness_weeks", 0}}).find("fairness_weeks"), std::string::npos);
    EXPECT_NE(refusal_of({{"fairness_weeks", 105}}).find("fairness_weeks"), std::string::npos);
    EXPECT_NE(refusal_of({{"yel_warning_share", 1.5}}).find("yel_warning_share"), std::string::npos);
    EXPECT_NE(refusal_of({{"first_gigs_with_support", -1}}).find("first_gigs_with_support"), std::string::npos);
    EXPECT_NE(refusal_of({{"first_gigs_with_support", 2.5}}).find("first_gigs_with_support"), std::string::npos);
}

TEST(MatchingRuleSettings, ScriptCheckAppliesTheSameTableCheck) {
    const ScriptSite site{"pakila", "scripts/units/pakila/matching.lua", 0, "rules"};
    EXPECT_NO_THROW(check_rule_table({json::object{{"benefit-limit", "warn"}}, site}));
    EXPECT_NO_THROW(check_rule_table({json::value(nullptr), site}));
    EXPECT_THROW(check_rule_table({json::object{{"approved", "off"}}, site}), ScriptError);
    EXPECT_THROW(check_rule_table({json::object{{"nonsense", "warn"}}, site}), ScriptError);
}

}  // namespace
