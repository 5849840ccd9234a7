// Tests of cancel_gigs_of_order, the step `matching order cancel` takes for the gigs of the order it cancels:
// called inside a command on the host's router, it cancels every proposed, confirmed or accepted gig of the
// order whatever the client's unit, leaves done, approved, declined and other orders' gigs alone, records the
// reason in each event and audits each client; a blank reason changes nothing.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "host_services.hpp"
#include "matching/gigs/gig_steps.hpp"
#include "matching/support/gig_cli_fixture.hpp"
#include "router.hpp"
#include "terminal_progress.hpp"

namespace {
namespace json = boost::json;
using namespace jobcenter;

class MatchingGigOrderCancel : public jobcenter::testing::GigCliTest {
protected:
    // Runs cancel_gigs_of_order(order, reason) as toolo's staff, through a built-in command on a router with the
    // real plugins (so the database carries the matching schema).
    json::value cancel_order_gigs(const std::string& order, const std::string& reason) {
        const std::filesystem::path build = JOBCENTER_BUILD_DIR;
        SystemClock clock;
        StderrLogger log{Logger::Level::error};
        TerminalProgress progress{false};
        CommandRouter router{HostPaths{db, build / "plugins", build / "schema", build / "scripts"},
                             load_plugins(build / "plugins"), clock, log};
        Command cancel{"cancel-order-gigs", "cancel the gigs of an order", "", {}, Access::write, Role::staff};
        cancel.run = [order, reason](Context& ctx, const json::object&) -> json::value {
            return json::object{{"cancelled", matching::cancel_gigs_of_order(ctx, order, reason)}};
        };
        router.add_builtin_group("probe", "calls cancel_gigs_of_order", {cancel});
        return router.execute(Caller{"toolo", Role::staff}, "probe", "cancel-order-gigs", {}, progress);
    }
};

TEST_F(MatchingGigOrderCancel, CancelsTheLiveGigsOfTheOrderInEveryUnitAndNoOthers) {
    insert_client("C-1003", "pakila", "Cilla N.");
    insert_order({.id = "T-600", .start = "2026-01-12T10:00", .seats = 5});
    const auto proposed = propose("T-600", "C-1001");
    const auto accepted = propose("T-600", "C-2001", toolo_staff);
    for (const char* step : {"confirm", "accept"})
        ASSERT_EQ(as(coordinator, {"matching", "gig", step, std::to_string(accepted)}).exit_code, 0);
    const auto declined = propose("T-600", "C-1002");
    ASSERT_EQ(as(pakila_staff, {"matching", "gig", "decline", std::to_string(declined), "--reason", "no"}).exit_code, 0);
    const auto worked = propose("T-600", "C-1003");
    walk(worked, {"confirm", "accept", "done"});
    const auto other_order = propose("T-100", "C-1001");

    EXPECT_EQ(cancel_order_gigs("T-600", "the orderer closed the office").at("cancelled").as_int64(), 2);
    EXPECT_EQ(status_of(proposed), "cancelled");
    EXPECT_EQ(status_of(accepted), "cancelled");
    EXPECT_EQ(status_of(declined), "declined");
    EXPECT_EQ(status_of(worked), "done");
    EXPECT_EQ(status_of(other_order), "proposed");

    const auto events = as_json(coordinator, {"matching", "gig", "show", std::to_string(accepted)}).at("events").as_array();
    const auto& last = events.back().as_object();
    EXPECT_EQ(last.at("from").as_string(), "accepted");
    EXPECT_EQ(last.at("to").as_string(), "cancelled");
    EXPECT_EQ(last.at("reason").as_string(), "the orderer closed the office");
    EXPECT_EQ(last.at("unit").as_string(), "toolo");
    const auto audited = audit_rows("matching.gig-cancel");
    ASSERT_EQ(audited.size(), 2u);
    EXPECT_EQ(audited[0].subject, "C-1001");
    EXPECT_EQ(audited[1].subject, "C-2001");
    EXPECT_EQ(audited[1].detail, "gig " + std::to_string(accepted) + ": cancelled with order T-600");
}

TEST_F(MatchingGigOrderCancel, ABlankReasonChangesNothing) {
    const auto gig = propose("T-100", "C-1001");
    const std::string before = database_contents();
    try {
        cancel_order_gigs("T-100", " ");
        FAIL() << "a blank reason was taken";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ExitCode::bad_input);
        EXPECT_EQ(e.where(), "--reason");
    }
    EXPECT_EQ(database_contents(), before);
    EXPECT_EQ(status_of(gig), "proposed");
}

}  // namespace
