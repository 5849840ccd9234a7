// End-to-end tests of the gig life cycle: proposed -> confirmed -> accepted -> done -> approved with who and when
// recorded at each step, every step out of order refused with its reason and nothing changed, cancel and
// decline only with a reason, and what a proposal checks.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "matching/support/gig_cli_fixture.hpp"

namespace {
namespace json = boost::json;
using jobcenter::testing::RunResult;

class MatchingGigLifeCycle : public jobcenter::testing::GigCliTest {
protected:
    // Runs a step that must be refused (exit 5) with `message`, and checks the database did not change.
    void expect_refused(const std::vector<std::string>& who, const std::vector<std::string>& args,
                        const std::string& message) {
        const std::string before = database_contents();
        const RunResult r = as(who, args);
        EXPECT_EQ(r.exit_code, 5) << r.err;
        EXPECT_NE(r.err.find(message), std::string::npos) << r.err;
        EXPECT_EQ(database_contents(), before) << "a refused step changed the database";
    }
    std::vector<std::string> step(const std::string& name, std::int64_t gig, std::vector<std::string> extra = {}) {
        std::vector<std::string> args{"matching", "gig", name, std::to_string(gig)};
        args.insert(args.end(), extra.begin(), extra.end());
        return args;
    }
};

TEST_F(MatchingGigLifeCycle, WalksToApprovedRecordingWhoAndWhenAtEveryStep) {
    const auto gig = propose("T-100", "C-1001");
    ASSERT_GT(gig, 0);
    EXPECT_EQ(as_json(pakila_staff, step("confirm", gig)).at("status").as_string(), "confirmed");
    EXPECT_EQ(as_json(pakila_staff, step("accept", gig)).at("status").as_string(), "accepted");
    const auto done = as_json(pakila_staff, step("done", gig));
    EXPECT_EQ(done.at("status").as_string(), "done");
    EXPECT_EQ(done.at("total_hours").as_string(), "4");  // two weekly occurrences up to today at the planned 2 h
    EXPECT_EQ(as_json(coordinator, step("approve", gig)).at("status").as_string(), "approved");

    const auto shown = as_json(coordinator, {"matching", "gig", "show", std::to_string(gig)});
    EXPECT_EQ(shown.at("support_person").as_string(), "Liisa (work coach)");  // the order's, none given
    const auto& events = shown.at("events").as_array();
    ASSERT_EQ(events.size(), 5u);
    const char* expected[][4] = {{"pakila", "staff", "", "proposed"},
                                 {"pakila", "staff", "proposed", "confirmed"},
                                 {"pakila", "staff", "confirmed", "accepted"},
                                 {"pakila", "staff", "accepted", "done"},
                                 {"", "coordinator", "done", "approved"}};
    for (std::size_t i = 0; i < events.size(); ++i) {
        const auto& e = events[i].as_object();
        EXPECT_EQ(e.at("unit").as_string(), expected[i][0]) << i;
        EXPECT_EQ(e.at("role").as_string(), expected[i][1]) << i;
        if (i == 0) EXPECT_TRUE(e.at("from").is_null());
        else EXPECT_EQ(e.at("from").as_string(), expected[i][2]) << i;
        EXPECT_EQ(e.at("to").as_string(), expected[i][3]) << i;
        EXPECT_EQ(e.at("at").as_string(), "2026-01-15T10:00:00Z") << i;
    }
    EXPECT_EQ(events[3].at("reason").as_string(), "4 h on 2 occurrences");
    const auto& hours = shown.at("hours").as_array();
    ASSERT_EQ(hours.size(), 2u);
    EXPECT_EQ(hours[0].at("date").as_string(), "2026-01-05");
    EXPECT_EQ(hours[1].at("date").as_string(), "2026-01-12");
    EXPECT_EQ(hours[1].at("hours").as_string(), "2");

    // Every step and the show are on the client's audit trail, with the caller's unit and role.
    for (const char* action : {"matching.gig-propose", "matching.gig-confirm", "matching.gig-accept", "matching.gig-done",
                               "matching.gig-approve", "matching.gig-show"}) {
        const auto rows = audit_rows(action);
        ASSERT_EQ(rows.size(), 1u) << action;
        EXPECT_EQ(rows[0].subject_kind, "client") << action;
        EXPECT_EQ(rows[0].subject, "C-1001") << action;
    }
    EXPECT_EQ(audit_rows("matching.gig-approve")[0].role, "coordinator");
    EXPECT_EQ(audit_rows("matching.gig-confirm")[0].unit, "pakila");
}

TEST_F(MatchingGigLifeCycle, RefusesEveryStepOutOfOrderWithItsReasonAndChangesNothing) {
    const auto gig = propose("T-100", "C-1001");
    const std::string g = "gig " + std::to_string(gig);
    expect_refused(pakila_staff, step("accept", gig), g + " is proposed: it must be confirmed before the client can accept it");
    expect_refused(pakila_staff, step("done", gig), g + " is proposed: it must be accepted before its hours can be recorded");
    expect_refused(coordinator, step("approve", gig), g + " is proposed: it must be done before a coordinator can approve it");
    expect_refused(pakila_staff, step("feedback", gig, {"--text", "fine"}),
                   g + " is proposed: feedback is recorded on a done or approved gig");
    walk(gig, {"confirm"});
    expect_refused(pakila_staff, step("confirm", gig), g + " is confirmed already");
    walk(gig, {"accept"});
    expect_refused(pakila_staff, step("decline", gig, {"--reason", "changed mind"}),
                   g + " is accepted: only a proposed or confirmed gig can be declined; cancel an accepted one with a reason");
    expect_refused(pakila_staff, step("confirm", gig), g + " is accepted: only a proposed gig can be confirmed");
    walk(gig, {"done", "approve"});
    expect_refused(pakila_staff, step("cancel", gig, {"--reason", "late"}),
                   g + " is approved: only a proposed, confirmed or accepted gig can be cancelled");
    expect_refused(coordinator, step("approve", gig), g + " is approved already");

    const auto other = propose("T-100", "C-1002");
    ASSERT_EQ(as(pakila_staff, step("cancel", other, {"--reason", "the orderer moved the date"})).exit_code, 0);
    expect_refused(pakila_staff, step("confirm", other),
                   "gig " + std::to_string(other) + " is cancelled: a cancelled gig takes no more steps");
}

TEST_F(MatchingGigLifeCycle, CancelAndDeclineNeedAReasonThatTheEventKeeps) {
    const auto gig = propose("T-100", "C-1001");
    const std::string before = database_contents();
    const RunResult missing = as(pakila_staff, step("decline", gig));
    EXPECT_EQ(missing.exit_code, 2) << missing.err;
    EXPECT_NE(missing.err.find("missing --reason"), std::string::npos) << missing.err;
    const RunResult blank = as(pakila_staff, step("cancel", gig, {"--reason", "  "}));
    EXPECT_EQ(blank.exit_code, 3) << blank.err;
    EXPECT_NE(blank.err.find("--reason: the reason must not be empty"), std::string::npos) << blank.err;
    EXPECT_EQ(database_contents(), before);

    EXPECT_EQ(as_json(pakila_staff, step("decline", gig, {"--reason", "the client is ill that week"})).at("status").as_string(),
              "declined");
    const auto events = as_json(pakila_staff, {"matching", "gig", "show", std::to_string(gig)}).at("events").as_array();
    EXPECT_EQ(events.back().at("to").as_string(), "declined");
    EXPECT_EQ(events.back().at("reason").as_string(), "the client is ill that week");

    // A declined gig is no longer live: the client may be proposed for the order again, and that one cancelled.
    const auto again = propose("T-100", "C-1001");
    ASSERT_GT(again, gig);
    EXPECT_EQ(as_json(pakila_staff, step("cancel", again, {"--reason", "order moved"})).at("status").as_string(), "cancelled");
}

TEST_F(MatchingGigLifeCycle, ApprovalNeedsACoordinator) {
    const auto gig = propose("T-100", "C-1001");
    walk(gig, {"confirm", "accept", "done"});
    const std::string before = database_contents();
    const RunResult staff = as(pakila_staff, step("approve", gig));
    EXPECT_EQ(staff.exit_code, 5) << staff.err;
    EXPECT_NE(staff.err.find("needs the role coordinator or higher; you are staff"), std::string::npos) << staff.err;
    EXPECT_EQ(database_contents(), before);
    EXPECT_EQ(status_of(gig), "done");
}

TEST_F(MatchingGigLifeCycle, AProposalNeedsAnOpenOrderWithASeatAndNoLiveGigOfTheClient) {
    const auto first = propose("T-100", "C-1001");
    ASSERT_GT(first, 0);
    const std::string before = database_contents();
    const auto twice = as(pakila_staff, {"matching", "gig", "propose", "--order", "T-100", "--client", "C-1001"});
    EXPECT_EQ(twice.exit_code, 5) << twice.err;
    EXPECT_NE(twice.err.find("--client: client C-1001 already has gig " + std::to_string(first) + " on order T-100 (proposed)"),
              std::string::npos) << twice.err;
    const auto cancelled = as(pakila_staff, {"matching", "gig", "propose", "--order", "T-300", "--client", "C-1001"});
    EXPECT_EQ(cancelled.exit_code, 5) << cancelled.err;
    EXPECT_NE(cancelled.err.find("--order: order T-300 is cancelled: only an open order takes new gigs"), std::string::npos)
        << cancelled.err;
    const auto unknown_order = as(pakila_staff, {"matching", "gig", "propose", "--order", "T-999", "--client", "C-1001"});
    EXPECT_EQ(unknown_order.exit_code, 4) << unknown_order.err;
    EXPECT_NE(unknown_order.err.find("--order: no order 'T-999'"), std::string::npos) << unknown_order.err;
    const auto unknown_client = as(pakila_staff, {"matching", "gig", "propose", "--order", "T-100", "--client", "C-9"});
    EXPECT_EQ(unknown_client.exit_code, 4) << unknown_client.err;
    EXPECT_NE(unknown_client.err.find("--client: no client 'C-9'"), std::string::npos) << unknown_client.err;
    EXPECT_EQ(database_contents(), before);

    // T-200 has one seat: a second proposal waits until the first is declined.
    const auto seat = propose("T-200", "C-1001");
    const auto full = as(pakila_staff, {"matching", "gig", "propose", "--order", "T-200", "--client", "C-1002"});
    EXPECT_EQ(full.exit_code, 5) << full.err;
    EXPECT_NE(full.err.find("order T-200 has 1 seat, all held by gigs " + std::to_string(seat) + ": cancel or decline one first"),
              std::string::npos) << full.err;
    ASSERT_EQ(as(pakila_staff, step("decline", seat, {"--reason", "no"})).exit_code, 0);
    EXPECT_GT(propose("T-200", "C-1002"), seat);

    const auto named = as_json(pakila_staff, {"matching", "gig", "propose", "--order", "T-100", "--client", "C-1002",
                                              "--support-person", "Pekka (instructor)"});
    EXPECT_EQ(named.at("support_person").as_string(), "Pekka (instructor)");
}

TEST_F(MatchingGigLifeCycle, FeedbackIsRecordedOnADoneGigWithWhoAndWhen) {
    const auto gig = propose("T-100", "C-1001");
    walk(gig, {"confirm", "accept", "done"});
    const auto recorded = as_json(pakila_staff, step("feedback", gig, {"--text", "Punctual and careful."}));
    EXPECT_EQ(recorded.at("feedback").as_string(), "Punctual and careful.");
    EXPECT_EQ(recorded.at("status").as_string(), "done");
    const auto events = as_json(coordinator, {"matching", "gig", "show", std::to_string(gig)}).at("events").as_array();
    const auto& last = events.back().as_object();
    EXPECT_EQ(last.at("reason").as_string(), "orderer's feedback recorded");
    EXPECT_EQ(last.at("unit").as_string(), "pakila");
    EXPECT_EQ(last.at("role").as_string(), "staff");
    EXPECT_EQ(last.at("at").as_string(), "2026-01-15T10:00:00Z");
    EXPECT_EQ(audit_rows("matching.gig-feedback").size(), 1u);
}

}  // namespace
