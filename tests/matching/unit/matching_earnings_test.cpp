// Unit tests of the earnings side of the rules: earnings of part hours rounded half up to the cent, an order's
// earnings per month and year at the dated wage, the limit in force on the day, and the estimated effects the
// benefit-limit and benefit-adjustment findings state, on the dated limits of the matching schema.
#include <gtest/gtest.h>

#include "jobcenter/database.hpp"
#include "matching/support/rules_fixture.hpp"
#include "support/test_support.hpp"

namespace {
using namespace jobcenter;
using namespace jobcenter::matching;
using jobcenter::testing::day;
using jobcenter::testing::euros;
using jobcenter::testing::order_at;

// The wage of these tests: 10,00 €/h, 11,00 €/h from 2027.
Money rising_wage(Contract, Day on) { return on >= day("2027-01-01") ? euros("11.00") : euros("10.00"); }

// A VATTI client ready since 2020, with these benefits and earnings paid so far.
Client client_with(std::vector<Benefit> benefits, std::vector<MonthEarning> earnings = {}) {
    Client c = jobcenter::testing::ready_client();
    c.approved->on = day("2020-01-01");
    c.consent_y100 = day("2020-01-01");
    c.weekly_minutes_max = 60 * 60;
    c.benefits = std::move(benefits);
    c.earnings = std::move(earnings);
    return c;
}

// The rules on the dated limits of the matching schema.
class MatchingEarnings : public jobcenter::testing::RulesTest {
protected:
    jobcenter::testing::TempDir dir;

    void SetUp() override {
        wage = rising_wage;
        Database db = Database::open(dir / "limits.db");
        db.exec(jobcenter::testing::read_file(std::filesystem::path(JOBCENTER_SOURCE_DIR) / "schema/matching/003_clients_orders_gigs.sql"));
        limits = BenefitLimits::load(db);
    }
    Verdict judge(const Client& c, const Order& o, const ClientGigs* gigs = nullptr) {
        return RulesTest::judge(c, o, Organisation::vatti, gigs);
    }
};

TEST(MatchingEarningsOf, PartHoursAreRoundedHalfUpToTheCent) {
    EXPECT_EQ(earnings_of(60, euros("10.00")), euros("10.00"));
    EXPECT_EQ(earnings_of(150, euros("10.00")), euros("25.00"));
    EXPECT_EQ(earnings_of(1, euros("10.00")), euros("0.17")) << "0,1666…";
    EXPECT_EQ(earnings_of(2, euros("10.00")), euros("0.33")) << "0,3333…";
    EXPECT_EQ(earnings_of(30, euros("10.01")), euros("5.01")) << "5,005: half up";
    EXPECT_EQ(earnings_of(90, euros("9.99")), euros("14.99")) << "14,985: half up";
    EXPECT_EQ(earnings_of(20, euros("0.01")), euros("0.00"));
    EXPECT_EQ(earnings_of(30, euros("0.01")), euros("0.01")) << "0,005: half up";
    EXPECT_EQ(earnings_of(0, euros("10.00")), euros("0.00"));
}

TEST(MatchingOrderPlan, EarningsPerMonthAndYearAtTheWageOfEachDay) {
    // Weekly from Tuesday 2026-12-29: once in 2026, twice in 2027 at the new wage.
    const Order o = order_at("2026-12-29T10:00", 150, Repeat{7, day("2027-01-12")});
    const OrderPlan plan = plan_order(o, rising_wage);
    ASSERT_EQ(plan.occurrences.size(), 3u);
    EXPECT_EQ(plan.earnings_per_month.at(month_index_of(day("2026-12-01"))), euros("25.00"));
    EXPECT_EQ(plan.earnings_per_month.at(month_index_of(day("2027-01-01"))), euros("55.00"));
    EXPECT_EQ(plan.earnings_per_year.at(2026), euros("25.00"));
    EXPECT_EQ(plan.earnings_per_year.at(2027), euros("55.00"));
    EXPECT_EQ(plan.minutes_per_week.size(), 3u);
    for (const auto& [week, minutes] : plan.minutes_per_week) EXPECT_EQ(minutes, 150) << day_text(monday_of(week));
    EXPECT_EQ(plan.minutes_per_week.count(week_of(day("2027-01-01"))), 1u) << "2026-12-29 and new year's day share a week";
}

TEST_F(MatchingEarnings, TheLimitInForceOnTheDayIsUsedAndUnverifiedOnesAreFlagged) {
    const auto* y2022 = limits.in_force("disability-pension", LimitKind::suspension, day("2022-07-31"));
    const auto* y2023 = limits.in_force("disability-pension", LimitKind::suspension, day("2022-08-01"));
    const auto* y2024 = limits.in_force("disability-pension", LimitKind::suspension, day("2024-12-31"));
    const auto* y2026 = limits.in_force("disability-pension", LimitKind::suspension, day("2026-02-01"));
    ASSERT_TRUE(y2022 && y2023 && y2024 && y2026);
    EXPECT_EQ(y2022->amount, euros("837.59"));
    EXPECT_EQ(y2023->amount, euros("885.63"));
    EXPECT_EQ(y2024->amount, euros("976.59"));
    EXPECT_TRUE(y2024->verified);
    EXPECT_FALSE(y2026->verified);
    EXPECT_EQ(limits.in_force("disability-pension", LimitKind::suspension, day("2016-12-31")), nullptr);
    EXPECT_EQ(limits.in_force("old-age-pension", LimitKind::suspension, day("2026-02-01")), nullptr);
    EXPECT_EQ(limits.in_force("commission-income", LimitKind::yel, day("2026-01-01"))->amount, euros("9423.09"));

    const Client c = client_with({Benefit::disability_pension}, {{day("2024-06-01"), euros("970.00")}});
    const auto verified = judge(c, order_at("2024-06-04T10:00", 60));
    ASSERT_EQ(verified.exclusions.size(), 1u);
    EXPECT_EQ(verified.exclusions[0].rule, Rule::benefit_limit);
    EXPECT_EQ(verified.exclusions[0].detail.find("UNVERIFIED"), std::string::npos) << "the 2024 limit is verified";
}

TEST_F(MatchingEarnings, TheProjectionCountsEarningsPaidOtherGigsAndTheOrder) {
    const Client c = client_with({Benefit::disability_pension}, {{day("2026-02-01"), euros("900.00")}});
    ClientGigs gigs;
    GigTime other;
    other.gig_id = 7;
    other.order_id = "T-2";
    other.contract = Contract::employment;
    other.occurrences = order_at("2026-02-10T10:00", 360).occurrences();  // 60,00 €
    gigs.live.push_back(other);
    const auto v = judge(c, order_at("2026-02-03T10:00", 120), &gigs);  // 20,00 €: 980,00 € > 976,59 €
    const auto text = detail_of(v.exclusions, Rule::benefit_limit);
    EXPECT_NE(text.find("projected 980,00"), std::string::npos) << text;
    EXPECT_NE(text.find("(paid 900,00"), std::string::npos) << text;
    EXPECT_NE(text.find("other gigs 60,00"), std::string::npos) << text;
    EXPECT_NE(text.find("this order 20,00"), std::string::npos) << text;

    gigs.live[0].order_id = "T-1";
    EXPECT_TRUE(judge(c, order_at("2026-02-03T10:00", 120), &gigs).eligible()) << "the client's gig on this order is not counted twice";
}

TEST_F(MatchingEarnings, AnAdjustmentStatesTheEstimatedEffectRoundedHalfUp) {
    // 1 minute at 10,00 €/h earns 0,17 €; half of it is 0,085 €, shown as 0,09 €.
    const auto v = judge(client_with({Benefit::labour_market_subsidy}), order_at("2026-02-03T10:00", 1));
    const auto text = detail_of(v.warnings, Rule::benefit_adjustment);
    EXPECT_NE(text.find("about −0,09"), std::string::npos) << text;

    // Before 2024-04-01 the first 300,00 € of a month were protected.
    const auto protected_2023 = judge(client_with({Benefit::labour_market_subsidy}, {{day("2023-05-01"), euros("290.00")}}),
                                      order_at("2023-05-02T10:00", 120));
    const auto text_2023 = detail_of(protected_2023.warnings, Rule::benefit_adjustment);
    EXPECT_NE(text_2023.find("about −5,00"), std::string::npos) << "half of the 10,00 € past 300,00 €: " << text_2023;
    EXPECT_NE(text_2023.find("300,00"), std::string::npos) << text_2023;

    // Basic social assistance: all of the excess past 150,00 € only.
    const auto assistance = judge(client_with({Benefit::basic_social_assistance}, {{day("2026-02-01"), euros("200.00")}}),
                                  order_at("2026-02-03T10:00", 120));
    const auto text_assistance = detail_of(assistance.warnings, Rule::benefit_adjustment);
    EXPECT_NE(text_assistance.find("about −20,00"), std::string::npos) << "already past the protected portion: " << text_assistance;
}

TEST_F(MatchingEarnings, TheYearlyReviewStatesTheAllowancesLikelyFall) {
    const auto v = judge(client_with({Benefit::pensioners_housing_allowance}, {{day("2026-01-01"), euros("1000.00")}}),
                         order_at("2026-02-03T10:00", 120));
    const auto text = detail_of(v.warnings, Rule::benefit_adjustment);
    // 1 020,00 € is 96,00 € past 924,00 €; 43.5 % of it is 41,76 €.
    EXPECT_NE(text.find("43.5 % of the excess (41,76"), std::string::npos) << text;
}

TEST_F(MatchingEarnings, YelCountsCommissionIncomeOnly) {
    // 80 % of the 2026 YEL minimum is 7 538,47 €. Earnings paid so far count whatever their contract (it is not
    // recorded); of the live gigs only commission ones do.
    const Client c = client_with({}, {{day("2026-01-01"), euros("7000.00")}});
    ClientGigs gigs;
    GigTime employment;
    employment.gig_id = 5;
    employment.order_id = "T-2";
    employment.contract = Contract::employment;
    employment.occurrences = order_at("2026-03-02T08:00", 600, Repeat{1, day("2026-03-11")}).occurrences();  // 1 000,00 €
    gigs.live.push_back(employment);
    const Order commission = order_at("2026-02-03T10:00", 120, std::nullopt, Contract::commission);
    EXPECT_TRUE(detail_of(judge(c, commission, &gigs).warnings, Rule::yel_threshold).empty())
        << "employment income is not YEL income";
    gigs.live[0].contract = Contract::commission;
    const auto text = detail_of(judge(c, commission, &gigs).warnings, Rule::yel_threshold);
    EXPECT_NE(text.find("income in 2026 would reach 8"), std::string::npos) << text;
    EXPECT_NE(text.find("020,00"), std::string::npos) << text;
}

TEST_F(MatchingEarnings, CautionsTheUnitTurnedOffAreNotReported) {
    set(Rule::benefit_adjustment, RuleAction::off);
    set(Rule::first_gig_support, RuleAction::off);
    const auto v = judge(client_with({Benefit::labour_market_subsidy}), order_at("2026-02-03T10:00", 120));
    EXPECT_TRUE(v.eligible());
    EXPECT_TRUE(v.warnings.empty());
}

}  // namespace
