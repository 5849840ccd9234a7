// Unit tests of the time rules on hand-built situations: an occurrence that runs past midnight is checked
// against the next day's unavailability and work activity too, the Kuty swap looks past the days that are
// taken, and the VATTI work-activity day warns once.
#include <gtest/gtest.h>

#include "matching/support/rules_fixture.hpp"

namespace {
using namespace jobcenter::matching;
using jobcenter::testing::day;
using jobcenter::testing::order_at;
using jobcenter::testing::ready_client;

WorkActivitySlot slot(Weekday d, const char* from, const char* to) { return {d, *parse_clock(from), *parse_clock(to)}; }

class MatchingScheduleRules : public jobcenter::testing::RulesTest {
protected:
    void SetUp() override { set(Rule::first_gig_support, RuleAction::off); }
};

TEST_F(MatchingScheduleRules, AReadyClientWithNoScheduleIsEligibleWithoutWarnings) {
    const auto v = judge(ready_client(), order_at("2026-02-03T10:00", 120), Organisation::kuty);
    EXPECT_TRUE(v.eligible());
    EXPECT_TRUE(v.warnings.empty());
}

TEST_F(MatchingScheduleRules, AnOccurrencePastMidnightMeetsTheNextDaysUnavailability) {
    Client c = ready_client();
    c.unavailable = {{day("2026-02-04"), day("2026-02-10")}};
    const auto night = judge(c, order_at("2026-02-03T22:00", 240), Organisation::kuty);  // Tuesday 22:00 to Wednesday 02:00
    ASSERT_EQ(rules_of(night.exclusions), std::vector<Rule>{Rule::unavailable});
    EXPECT_EQ(night.exclusions[0].detail, "unavailable 2026-02-04–2026-02-10 (the order works on 2026-02-04)");
    EXPECT_TRUE(judge(c, order_at("2026-02-03T20:00", 240), Organisation::kuty).eligible()) << "ends at midnight: Tuesday only";
}

TEST_F(MatchingScheduleRules, AnOccurrencePastMidnightMeetsTheNextDaysKutyHours) {
    Client c = ready_client();
    c.work_activity = {slot(Weekday::wed, "00:00", "04:00")};
    const auto night = judge(c, order_at("2026-02-03T22:00", 240), Organisation::kuty);
    ASSERT_EQ(rules_of(night.exclusions), std::vector<Rule>{Rule::kuty_outside_hours});
    EXPECT_EQ(night.exclusions[0].detail,
              "2026-02-03 22:00–02:00 overlaps the client's work activity wed 00:00–04:00; swap: move the work activity of "
              "wed 00:00–04:00 to mon 2026-02-02 that week to free the slot");
    EXPECT_TRUE(judge(c, order_at("2026-02-03T20:00", 240), Organisation::kuty).eligible());
}

TEST_F(MatchingScheduleRules, TheSwapSkipsDaysWithWorkActivityUnavailabilityOrAGig) {
    Client c = ready_client();
    c.work_activity = {slot(Weekday::tue, "09:00", "13:00"), slot(Weekday::thu, "09:00", "13:00")};
    c.unavailable = {{day("2026-02-04"), day("2026-02-04")}};
    ClientGigs gigs;
    GigTime monday;
    monday.gig_id = 3;
    monday.order_id = "T-2";
    monday.occurrences = order_at("2026-02-02T12:00", 60).occurrences();
    gigs.live.push_back(monday);
    const auto v = judge(c, order_at("2026-02-03T10:00", 120), Organisation::kuty, &gigs);
    ASSERT_EQ(rules_of(v.exclusions), std::vector<Rule>{Rule::kuty_outside_hours});
    EXPECT_NE(v.exclusions[0].detail.find("to fri 2026-02-06 that week"), std::string::npos) << v.exclusions[0].detail;
}

TEST_F(MatchingScheduleRules, TheVattiDayWarnsOnceAndNeverExcludes) {
    Client c = ready_client();
    c.work_activity = {slot(Weekday::tue, "09:00", "12:00"), slot(Weekday::tue, "13:00", "15:00")};
    const auto v = judge(c, order_at("2026-02-03T10:00", 120), Organisation::vatti);
    EXPECT_TRUE(v.eligible());
    EXPECT_EQ(rules_of(v.warnings), std::vector<Rule>{Rule::vatti_work_activity_day});
    EXPECT_EQ(v.warnings[0].detail,
              "2026-02-03 (tue) is a work-activity day: paid work ends that day's work activity and its work-share allowance");
}

}  // namespace
