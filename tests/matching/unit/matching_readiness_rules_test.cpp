// Unit tests of the readiness rules on hand-built situations: each rule is reported once with what was found,
// skills recognition is a Kuty step only, and the dated steps count on the order's first day.
#include <gtest/gtest.h>

#include "matching/rules/evaluate.hpp"

namespace {
using namespace jobcenter;
using namespace jobcenter::matching;

Day day(const char* text) { return *parse_day(text); }
Money wage(Contract, Day) { return Money::parse("10.00"); }

Order commission_order() {
    Order o;
    o.id = "T-1";
    o.task_type = "office-cleaning";
    o.start = *parse_local_time("2026-02-03T10:00");
    o.minutes = 120;
    o.contract = Contract::commission;
    return o;
}

Client ready_client() {
    Client c;
    c.id = "C-1";
    c.wants_paid_work = true;
    c.approved = Approval{Approver::work_coach, day("2026-02-03")};
    c.consent_y100 = day("2026-02-03");
    c.skills = {{"office-cleaning", 1, false}};
    c.weekly_minutes_max = 8 * 60;
    return c;
}

class MatchingReadinessRules : public ::testing::Test {
protected:
    RuleSettings settings;
    BenefitLimits limits;

    void SetUp() override {
        for (int i = 0; i < rule_count; ++i) settings.action[static_cast<std::size_t>(i)] = allowed_actions(static_cast<Rule>(i)).front();
        settings.action[static_cast<std::size_t>(Rule::first_gig_support)] = RuleAction::off;
    }
    Verdict judge(const Client& c, Organisation organisation, const Order& o = commission_order()) {
        const OrderPlan plan = plan_order(o, wage);
        return evaluate(situate_client(c, organisation, nullptr, o.id, wage), plan, RuleInputs{settings, limits});
    }
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
    EXPECT_TRUE(judge(ready_client(), Organisation::vatti).eligible());
    EXPECT_TRUE(judge(ready_client(), Organisation::other).eligible());
    const auto kuty = judge(ready_client(), Organisation::kuty);
    ASSERT_EQ(kuty.exclusions.size(), 1u);
    EXPECT_EQ(kuty.exclusions[0].rule, Rule::skills_recognition);
    settings.action[static_cast<std::size_t>(Rule::skills_recognition)] = RuleAction::warn;
    const auto warned = judge(ready_client(), Organisation::kuty);
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
