// End-to-end tests of the hours of a done gig: one entry for each occurrence of the order up to today, only on
// occurrence dates, 0 to 24 decimal hours, the planned hours when none are given; a refused entry changes
// nothing.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "matching/support/gig_cli_fixture.hpp"

namespace {
namespace json = boost::json;
using jobcenter::testing::RunResult;

class MatchingGigHours : public jobcenter::testing::GigCliTest {
protected:
    std::int64_t accepted_gig(const std::string& order = "T-100") {
        const auto gig = propose(order, "C-1001");
        walk(gig, {"confirm", "accept"});
        return gig;
    }
    RunResult done(std::int64_t gig, const std::vector<std::string>& hours) {
        std::vector<std::string> args{"matching", "gig", "done", std::to_string(gig)};
        for (const auto& h : hours) args.insert(args.end(), {"--hours", h});
        return as(pakila_staff, args);
    }
    void expect_bad_hours(std::int64_t gig, const std::vector<std::string>& hours, const std::string& message) {
        const std::string before = database_contents();
        const RunResult r = done(gig, hours);
        EXPECT_EQ(r.exit_code, 3) << r.err;
        EXPECT_NE(r.err.find("--hours: " + message), std::string::npos) << r.err;
        EXPECT_EQ(database_contents(), before);
        EXPECT_EQ(status_of(gig), "accepted");
    }
};

TEST_F(MatchingGigHours, TakesTheHoursOfEachOccurrenceUpToToday) {
    const auto gig = accepted_gig();
    const RunResult r = done(gig, {"2026-01-12=1,5", "2026-01-05=0.25"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto shown = as_json(pakila_staff, {"matching", "gig", "show", std::to_string(gig)});
    EXPECT_EQ(shown.at("total_hours").as_string(), "1.75");
    const auto& hours = shown.at("hours").as_array();
    ASSERT_EQ(hours.size(), 2u);
    EXPECT_EQ(hours[0].at("date").as_string(), "2026-01-05");
    EXPECT_EQ(hours[0].at("hours").as_string(), "0.25");
    EXPECT_EQ(hours[1].at("hours").as_string(), "1.5");
}

TEST_F(MatchingGigHours, RefusesDatesThatAreNotPastOccurrencesAndHoursOutOfRange) {
    const auto gig = accepted_gig();
    expect_bad_hours(gig, {"2026-01-06=2", "2026-01-12=2"},
                     "2026-01-06 is not an occurrence of the order; its occurrences up to today are 2026-01-05, 2026-01-12");
    expect_bad_hours(gig, {"2026-01-05=2", "2026-01-12=2", "2026-01-19=2"},
                     "2026-01-19 is after today (2026-01-15): hours are recorded for occurrences that have taken place");
    expect_bad_hours(gig, {"2026-01-05=2"},
                     "no hours for 2026-01-12: give every occurrence up to today, 0 for one not worked");
    expect_bad_hours(gig, {"2026-01-05=2", "2026-01-05=1", "2026-01-12=2"}, "2026-01-05 is given twice");
    expect_bad_hours(gig, {"2026-01-05=25", "2026-01-12=2"}, "'25' in '2026-01-05=25' is not a number of hours from 0 to 24");
    expect_bad_hours(gig, {"2026-01-05=-1", "2026-01-12=2"}, "'-1' in '2026-01-05=-1' is not a number of hours");
    expect_bad_hours(gig, {"2026-01-05=two", "2026-01-12=2"}, "'two' in '2026-01-05=two' is not a number of hours");
    expect_bad_hours(gig, {"2026-01-05"}, "'2026-01-05' is not DATE=HOURS, such as 2026-02-02=1.5");
    expect_bad_hours(gig, {"5.1.2026=2"}, "'5.1.2026' in '5.1.2026=2' is not a date such as 2026-02-02");

    // An occurrence not worked is recorded as 0 and left out of the CV's dates.
    ASSERT_EQ(done(gig, {"2026-01-05=0", "2026-01-12=24"}).exit_code, 0);
    const auto cv = as_json(pakila_staff, {"matching", "cv", "C-1001"});
    const auto& dates = cv.at("work").as_array()[0].at("dates").as_array();
    ASSERT_EQ(dates.size(), 1u);
    EXPECT_EQ(dates[0].as_string(), "2026-01-12");
    EXPECT_EQ(cv.at("total_hours").as_string(), "24");
}

TEST_F(MatchingGigHours, AnOrderNotYetStartedHasNoHoursToRecord) {
    const auto gig = accepted_gig("T-200");
    const std::string before = database_contents();
    const RunResult r = done(gig, {});
    EXPECT_EQ(r.exit_code, 5) << r.err;
    EXPECT_NE(r.err.find("order T-200 has its first occurrence on 2026-02-02, after today (2026-01-15): there are no hours "
                         "to record yet"), std::string::npos) << r.err;
    EXPECT_EQ(database_contents(), before);
}

}  // namespace
