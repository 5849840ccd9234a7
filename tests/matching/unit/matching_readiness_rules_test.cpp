// Unit tests of the readiness rules on hand-built situations: each rule is reported once with what was found,
// skills recognition is a Kuty step only, and the dated steps count on the order's first day.
#include <gtest/gtest.h>

#include "matching/support/rules_fixture.hpp"

namespace {
using namespace jobcenter::matching;
using jobcenter::testing::day;
using jobcenter::testing::ready_client;

Order commission_order() { return jobcenter::testing::order_at("2026-02-03T10:00", 120, std::nullopt, Contract::commission); }

class MatchingReadinessRules : public jobcenter::testing::RulesTest {
protected:
    void SetUp() override { set(Rule::first_gig_support, RuleAction::off); }
    Verdict judge(const Client& c, Organisation organisation) { return RulesTest::judge(c, commission_order(), organisation); }
};

TEST_F(MatchingReadinessRules, StepsDoneOnTheFirstDayAreInTime) {
    EXPECT_TRUE(judge(ready_client(), Organisation::vatti).eligible());
    Client late = ready_client();
    late.approved->on = day("2026-02-04");
    late.consent_y100 = day("2026-02-04");
    const auto v = judge(late, Organisation::vatti);
    ASSERT_EQ(v.exclusions.size(), 2u);
    EXPECT_EQ(v.exclusions[0].rule, Rule::approved);
    EXPECT_EQ(v.exclusions[1].rule, Rule::consent_y100);
    EXPECT_EQ(v.exclusions[1].detail, "Y 100 consent signed on 2026-02-04, after the order starts on 2026-02-03");
}

TEST_F(MatchingReadinessRules, SkillsRecognitionIsAKutyStepOnly) {
    Client c = ready_client();
    c.skills_recognised.reset();
    EXPECT_TRUE(judge(c, Organisation::vatti).eligible());
    EXPECT_TRUE(judge(c, Organisation::other).eligible());
    const auto kuty = judge(c, Organisation::kuty);
    ASSERT_EQ(kuty.exclusions.size(), 1u);
    EXPECT_EQ(kuty.exclusions[0].rule, Rule::skills_recognition);
    set(Rule::skills_recognition, RuleAction::warn);
    const auto warned = judge(c, Organisation::kuty);
    EXPECT_TRUE(warned.eligible());
    ASSERT_EQ(warned.warnings.size(), 1u);
    EXPECT_EQ(warned.warnings[0].rule, Rule::skills_recognition);
}

TEST_F(MatchingReadinessRules, TheCommissionRuleIsOneFindingNamingEveryUnemploymentBenefit) {
    Client c = ready_client();
    c.benefits = {Benefit::labour_market_subsidy, Benefit::general_housing_allowance, Benefit::earnings_related_unemployment_allowance};
    const auto v = judge(c, Organisation::vatti);
    ASSERT_EQ(v.exclusions.size(), 1u);
    EXPECT_EQ(v.exclusions[0].rule, Rule::commission_unemployment_benefit);
    EXPECT_EQ(v.exclusions[0].detail,
              "a commission contract counts as entrepreneurship: it stops labour-market-subsidy and "
              "earnings-related-unemployment-allowance for about 30 days while the report is processed (an employment "
              "contract does not)");
    c.benefits = {Benefit::general_housing_allowance, Benefit::old_age_pension};
    EXPECT_TRUE(judge(c, Organisation::vatti).eligible());
}

}  // namespace
