// Unit tests of paid earnings in the rules: payroll lines count as paid in the month of the day worked and the
// occurrence no longer as planned; YEL counts the commission lines; the order being matched adds only its
// occurrences the client's gig was not paid for; and the dated limit in force is the newest row, then the highest id.
#include <gtest/gtest.h>

#include "jobcenter/database.hpp"
#include "matching/rules/limit_checks.hpp"
#include "matching/support/rules_fixture.hpp"
#include "support/test_support.hpp"

namespace {
using namespace jobcenter;
using namespace jobcenter::matching;
using jobcenter::testing::day;
using jobcenter::testing::euros;
using jobcenter::testing::order_at;

// A gig on `order` (2 h every Tuesday from 2026-02-03 to 2026-02-24 unless said otherwise).
GigTime gig_on(std::int64_t id, const std::string& order, Contract contract,
               const Order& o = order_at("2026-02-03T10:00", 120, Repeat{7, day("2026-02-24")})) {
    GigTime g;
    g.gig_id = id;
    g.order_id = order;
    g.contract = contract;
    g.status = GigStatus::approved;
    g.occurrences = o.occurrences();
    return g;
}

PaidOccurrence paid(std::int64_t gig, const char* date, Contract contract, const char* gross) {
    return {gig, day(date), contract, euros(gross)};
}

class MatchingPaidLines : public jobcenter::testing::RulesTest {
protected:
    Client client = jobcenter::testing::ready_client();
    ClientGigs gigs;

    void SetUp() override {
        client.earnings = {{day("2026-02-01"), euros("100.00")}};
        gigs.live = {gig_on(1, "T-A", Contract::commission), gig_on(2, "T-B", Contract::employment)};
        gigs.paid = {paid(1, "2026-02-03", Contract::commission, "21.00"), paid(2, "2026-02-03", Contract::employment, "20.00")};
    }
};

TEST_F(MatchingPaidLines, APaidOccurrenceCountsOnceAsPaidInTheMonthItWasWorked) {
    const ClientSituation s = situate_client(client, Organisation::vatti, &gigs, "", wage);
    const int february = month_index_of(day("2026-02-01"));
    EXPECT_EQ(s.paid_per_month.at(february), euros("141.00")) << "loaded 100.00 and the two lines";
    EXPECT_EQ(s.payroll_per_month.at(february), euros("41.00"));
    EXPECT_EQ(s.planned_per_month.at(february), euros("120.00")) << "three of each gig's four Tuesdays left";
    EXPECT_EQ(s.planned_commission_per_year.at(2026), euros("60.00"));
    EXPECT_EQ(s.yel_paid_per_year.at(2026), euros("121.00")) << "loaded earnings and the commission line, not the employment one";
    EXPECT_EQ(month_earnings(s, february), euros("261.00"));
    EXPECT_EQ(yel_income(s, 2026), euros("181.00"));
    EXPECT_TRUE(s.order_days_paid.empty());
}

TEST_F(MatchingPaidLines, AnAdjustmentLineCountsWithItsSign) {
    gigs.paid.push_back(paid(1, "2026-02-03", Contract::commission, "-5.00"));
    std::sort(gigs.paid.begin(), gigs.paid.end(), [](const PaidOccurrence& a, const PaidOccurrence& b) {
        return a.gig_id != b.gig_id ? a.gig_id < b.gig_id : a.day < b.day;
    });
    const ClientSituation s = situate_client(client, Organisation::vatti, &gigs, "", wage);
    EXPECT_EQ(s.paid_per_month.at(month_index_of(day("2026-02-01"))), euros("136.00"));
    EXPECT_EQ(s.planned_per_month.at(month_index_of(day("2026-02-01"))), euros("120.00")) << "paid once, however many lines";
}

TEST_F(MatchingPaidLines, TheOrderBeingMatchedAddsOnlyWhatTheClientsGigOnItWasNotPaidFor) {
    const Order a = order_at("2026-02-03T10:00", 120, Repeat{7, day("2026-02-24")}, Contract::commission);
    const OrderPlan plan = plan_order(a, wage);
    const ClientSituation s = situate_client(client, Organisation::vatti, &gigs, "T-A", wage);
    EXPECT_EQ(s.order_days_paid, std::vector<Day>{day("2026-02-03")});
    const OwnEarnings own(plan, s);
    EXPECT_EQ(plan.earnings_per_month.at(month_index_of(day("2026-02-01"))), euros("80.00"));
    EXPECT_EQ(own.per_month().at(month_index_of(day("2026-02-01"))), euros("60.00"));
    EXPECT_EQ(own.per_year().at(2026), euros("60.00"));

    // Loaded 100.00, paid 41.00, T-B's other three Tuesdays 60.00: with T-A's three unpaid ones, 261.00 in February.
    client.benefits = {Benefit::disability_pension};
    BenefitLimit limit;
    limit.benefit = "disability-pension";
    limit.amount = euros("261.00");
    limit.valid_from = day("2020-01-01");
    Database db = Database::open(":memory:");
    db.exec("CREATE TABLE benefit_limit(id INTEGER PRIMARY KEY, benefit TEXT, kind TEXT, period TEXT, cents INTEGER, "
            "rate_percent TEXT, valid_from TEXT, valid_to TEXT, verified INTEGER, source TEXT)");
    db.exec("INSERT INTO benefit_limit VALUES(1, 'disability-pension', 'suspension', 'month', 26100, NULL, '2020-01-01', NULL, 1, 't')");
    limits = BenefitLimits::load(db);
    const ClientSituation judged = situate_client(client, Organisation::vatti, &gigs, "T-A", wage);
    const auto hit = suspension_hit(judged, OwnEarnings(plan, judged), limits, Benefit::disability_pension);
    EXPECT_FALSE(hit.has_value()) << "the paid Tuesday counts once: 261.00 is the limit, not past it";
    const auto verdict = evaluate(judged, plan, RuleInputs{settings, limits});
    for (const auto& f : verdict.exclusions) EXPECT_NE(f.rule, Rule::benefit_limit) << f.detail;
}

TEST(MatchingBenefitLimitsInForce, TheNewestFirstDayWinsThenTheHighestId) {
    Database db = Database::open(":memory:");
    db.exec("CREATE TABLE benefit_limit(id INTEGER PRIMARY KEY, benefit TEXT, kind TEXT, period TEXT, cents INTEGER, "
            "rate_percent TEXT, valid_from TEXT, valid_to TEXT, verified INTEGER, source TEXT)");
    db.exec("INSERT INTO benefit_limit VALUES"
            "(1, 'disability-pension', 'suspension', 'month', 100, NULL, '2025-01-01', NULL, 1, 'old'),"
            "(2, 'disability-pension', 'suspension', 'month', 200, NULL, '2026-01-01', NULL, 1, 'new'),"
            "(3, 'disability-pension', 'suspension', 'month', 300, NULL, '2026-01-01', NULL, 1, 'corrected'),"
            "(4, 'disability-pension', 'suspension', 'month', 400, NULL, '2027-01-01', '2027-06-30', 1, 'closed')");
    const BenefitLimits limits = BenefitLimits::load(db);
    auto amount_on = [&](const char* date) {
        const auto* row = limits.in_force("disability-pension", LimitKind::suspension, day(date));
        return row ? row->amount.cents() : -1;
    };
    EXPECT_EQ(amount_on("2024-12-31"), -1);
    EXPECT_EQ(amount_on("2025-12-31"), 100);
    EXPECT_EQ(amount_on("2026-01-01"), 300) << "two rows from one day: the later row";
    EXPECT_EQ(amount_on("2027-03-01"), 400);
    EXPECT_EQ(amount_on("2027-07-01"), 300) << "past a closed row's last day the row before it holds";
    ASSERT_EQ(limits.all_in_force(day("2026-02-01")).size(), 1u);
    EXPECT_EQ(limits.all_in_force(day("2026-02-01"))[0]->id, 3);
}

}  // namespace
