// End-to-end tests of `matching gig hours`: a coordinator corrects the recorded hours of a done or approved gig
// occurrence by occurrence, with the same DATE=HOURS checks as `gig done`; the change is an event with the
// reason, the occurrence is marked corrected, the others keep their hours; a refused correction changes nothing.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "matching/support/gig_cli_fixture.hpp"

namespace {
namespace json = boost::json;
using jobcenter::testing::RunResult;

class MatchingGigHoursCorrection : public jobcenter::testing::GigCliTest {
protected:
    // C-1001's gig on T-100, done with 2 h on 2026-01-05 and 2026-01-12, then approved (or left done).
    std::int64_t done_gig(bool approved = true) {
        const auto gig = propose("T-100", "C-1001");
        walk(gig, {"confirm", "accept", "done"});
        if (approved) walk(gig, {"approve"});
        return gig;
    }
    RunResult correct(std::int64_t gig, const std::vector<std::string>& hours, const std::string& reason = "the orderer's report",
                      const std::vector<std::string>& who = {"--role", "coordinator"}) {
        std::vector<std::string> args{"matching", "gig", "hours", std::to_string(gig), "--reason", reason};
        for (const auto& h : hours) args.insert(args.end(), {"--hours", h});
        return as(who, args);
    }
    void expect_refused(std::int64_t gig, const std::vector<std::string>& hours, int exit_code, const std::string& message,
                        const std::string& reason = "the orderer's report") {
        const std::string before = database_contents();
        const RunResult r = correct(gig, hours, reason);
        EXPECT_EQ(r.exit_code, exit_code) << r.err;
        EXPECT_NE(r.err.find(message), std::string::npos) << r.err;
        EXPECT_EQ(database_contents(), before);
    }
    // (minutes, corrected) of the gig's occurrence on `date`.
    std::pair<std::int64_t, bool> stored(std::int64_t gig, const std::string& date) {
        auto opened = jobcenter::Database::open(db);
        auto q = opened.prepare("SELECT minutes, corrected_at IS NOT NULL FROM gig_hours WHERE gig_id = ? AND on_date = ?");
        q.bind_all(gig, date);
        if (!q.step()) return {-1, false};
        return {q.get_int(0), q.get_int(1) != 0};
    }
};

TEST_F(MatchingGigHoursCorrection, CorrectsOneOccurrenceAndRecordsWhy) {
    const auto gig = done_gig();
    const RunResult r = correct(gig, {"2026-01-12=1,5"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(stored(gig, "2026-01-12"), std::make_pair(std::int64_t{90}, true));
    EXPECT_EQ(stored(gig, "2026-01-05"), std::make_pair(std::int64_t{120}, false)) << "an occurrence not given keeps its hours";
    EXPECT_EQ(status_of(gig), "approved");

    const auto shown = as_json(coordinator, {"matching", "gig", "show", std::to_string(gig)});
    EXPECT_EQ(shown.at("total_hours").as_string(), "3.5");
    const auto& events = shown.at("events").as_array();
    const auto& last = events.back().as_object();
    EXPECT_EQ(last.at("from").as_string(), "approved");
    EXPECT_EQ(last.at("to").as_string(), "approved");
    EXPECT_EQ(last.at("reason").as_string(), "hours corrected: 2026-01-12 2 h -> 1.5 h; the orderer's report");
    EXPECT_EQ(last.at("role").as_string(), "coordinator");

    const auto audit = audit_rows("matching.gig-hours");
    ASSERT_EQ(audit.size(), 1u);
    EXPECT_EQ(audit[0].subject, "C-1001");
    EXPECT_EQ(audit[0].detail, "gig " + std::to_string(gig) + ": hours corrected");
}

TEST_F(MatchingGigHoursCorrection, ADoneGigTooAndSeveralOccurrencesAtOnce) {
    const auto gig = done_gig(false);
    ASSERT_EQ(correct(gig, {"2026-01-05=0", "2026-01-12=2.25"}, "not worked on the 5th").exit_code, 0);
    EXPECT_EQ(stored(gig, "2026-01-05"), std::make_pair(std::int64_t{0}, true));
    EXPECT_EQ(stored(gig, "2026-01-12"), std::make_pair(std::int64_t{135}, true));
    const auto shown = as_json(coordinator, {"matching", "gig", "show", std::to_string(gig)});
    EXPECT_EQ(shown.at("events").as_array().back().at("reason").as_string(),
              "hours corrected: 2026-01-05 2 h -> 0 h, 2026-01-12 2 h -> 2.25 h; not worked on the 5th");
    EXPECT_EQ(status_of(gig), "done");
}

TEST_F(MatchingGigHoursCorrection, OnlyADoneOrApprovedGigsHoursAndOnlyByACoordinator) {
    const auto gig = propose("T-100", "C-1002");
    walk(gig, {"confirm", "accept"});
    expect_refused(gig, {"2026-01-05=1"}, 5, "gig " + std::to_string(gig) +
                                                 " is accepted: only the hours of a done or approved gig can be corrected");
    const auto cancelled = propose("T-200", "C-1002");
    ASSERT_EQ(as(pakila_staff, {"matching", "gig", "cancel", std::to_string(cancelled), "--reason", "no"}).exit_code, 0);
    expect_refused(cancelled, {"2026-02-02=1"}, 5, "a cancelled gig takes no more steps");

    const auto done = done_gig();
    const std::string before = database_contents();
    const RunResult staff = correct(done, {"2026-01-05=1"}, "x", pakila_staff);
    EXPECT_EQ(staff.exit_code, 5) << staff.err;
    EXPECT_NE(staff.err.find("coordinator"), std::string::npos) << staff.err;
    EXPECT_EQ(database_contents(), before);
}

TEST_F(MatchingGigHoursCorrection, TheHoursAreCheckedAsGigDoneChecksThem) {
    const auto gig = done_gig();
    expect_refused(gig, {"2026-01-06=1"}, 3,
                   "--hours: 2026-01-06 is not a recorded occurrence of gig " + std::to_string(gig) +
                       "; its recorded occurrences are 2026-01-05, 2026-01-12");
    expect_refused(gig, {"2026-01-19=1"}, 3,
                   "--hours: 2026-01-19 is after today (2026-01-15): hours are recorded for occurrences that have taken place");
    expect_refused(gig, {"2026-01-05=1", "2026-01-05=2"}, 3, "--hours: 2026-01-05 is given twice");
    expect_refused(gig, {"2026-01-05=25"}, 3, "--hours: '25' in '2026-01-05=25' is not a number of hours from 0 to 24");
    expect_refused(gig, {"2026-01-05"}, 3, "--hours: '2026-01-05' is not DATE=HOURS, such as 2026-02-02=1.5");
    expect_refused(gig, {"2026-01-05=2"}, 3, "--hours: the hours given are the hours recorded: nothing to correct");
    expect_refused(gig, {"2026-01-05=1"}, 3, "--reason: the reason must not be empty", "  ");
    expect_refused(999, {"2026-01-05=1"}, 4, "GIG: no gig 999");

    const std::string before = database_contents();
    const RunResult no_reason = as(coordinator, {"matching", "gig", "hours", std::to_string(gig), "--hours", "2026-01-05=1"});
    EXPECT_EQ(no_reason.exit_code, 2) << no_reason.err;
    const RunResult no_hours = as(coordinator, {"matching", "gig", "hours", std::to_string(gig), "--reason", "x"});
    EXPECT_EQ(no_hours.exit_code, 2) << no_hours.err;
    EXPECT_EQ(database_contents(), before);
}

}  // namespace
