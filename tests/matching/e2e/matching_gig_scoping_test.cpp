// End-to-end tests of whose gigs a caller sees and changes: a unit's staff only their own unit's clients' gigs
// (another unit's gig is "not found", as a gig that does not exist), coordinators every unit's; `gig list`
// scoped the same way and audited per client shown.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "matching/support/gig_cli_fixture.hpp"

namespace {
namespace json = boost::json;
using jobcenter::testing::RunResult;

class MatchingGigScoping : public jobcenter::testing::GigCliTest {
protected:
    void expect_not_found(const RunResult& r, const std::string& message) {
        EXPECT_EQ(r.exit_code, 4) << r.err;
        EXPECT_NE(r.err.find(message), std::string::npos) << r.err;
    }
};

TEST_F(MatchingGigScoping, AnotherUnitsStaffCanNeitherSeeNorChangeAGig) {
    const auto gig = propose("T-100", "C-1001");
    const std::string id = std::to_string(gig);
    const std::string before = database_contents();
    expect_not_found(as(toolo_staff, {"matching", "gig", "show", id}), "GIG: no gig " + id);
    expect_not_found(as(toolo_staff, {"matching", "gig", "confirm", id}), "GIG: no gig " + id);
    expect_not_found(as(toolo_staff, {"matching", "gig", "cancel", id, "--reason", "mine now"}), "GIG: no gig " + id);
    expect_not_found(as(toolo_staff, {"matching", "gig", "show", "9999"}), "GIG: no gig 9999");  // the same answer
    expect_not_found(as(toolo_staff, {"matching", "gig", "propose", "--order", "T-100", "--client", "C-1001"}),
                     "--client: no client 'C-1001'");
    expect_not_found(as(toolo_staff, {"matching", "gig", "list", "--client", "C-1001"}), "--client: no client 'C-1001'");
    EXPECT_EQ(as_json(toolo_staff, {"matching", "gig", "list"}).at("count").as_int64(), 0);
    EXPECT_EQ(database_contents(), before) << "refused reads and steps changed the database";
}

TEST_F(MatchingGigScoping, ACoordinatorSeesAndActsAcrossUnits) {
    const auto pakila_gig = propose("T-100", "C-1001");
    const auto toolo_gig = propose("T-100", "C-2001", toolo_staff);
    ASSERT_GT(toolo_gig, 0);
    EXPECT_EQ(as_json(coordinator, {"matching", "gig", "confirm", std::to_string(toolo_gig)}).at("status").as_string(),
              "confirmed");
    const auto shown = as_json(coordinator, {"matching", "gig", "show", std::to_string(pakila_gig)});
    EXPECT_EQ(shown.at("unit").as_string(), "pakila");
    EXPECT_EQ(as_json(coordinator, {"matching", "gig", "list"}).at("count").as_int64(), 2);
    // A coordinator proposes a client of any unit; the event names the coordinator's role.
    const auto third = propose("T-200", "C-2001", coordinator);
    const auto events = as_json(coordinator, {"matching", "gig", "show", std::to_string(third)}).at("events").as_array();
    EXPECT_EQ(events[0].at("role").as_string(), "coordinator");
}

TEST_F(MatchingGigScoping, ListIsScopedFilteredNewestFirstAndAuditedPerClient) {
    const auto a = propose("T-100", "C-1001");
    propose("T-100", "C-1002");
    const auto c = propose("T-200", "C-1001");
    insert_order({.id = "T-500"});
    propose("T-500", "C-2001", toolo_staff);  // toolo's: not in pakila's list
    walk(a, {"confirm"});

    const auto all = as_json(pakila_staff, {"matching", "gig", "list"});
    ASSERT_EQ(all.at("count").as_int64(), 3);
    EXPECT_EQ(all.at("rows").as_array()[0].at("gig").as_int64(), c);  // newest first
    EXPECT_EQ(all.at("rows").as_array()[2].at("gig").as_int64(), a);
    EXPECT_EQ(as_json(pakila_staff, {"matching", "gig", "list", "--client", "C-1001"}).at("count").as_int64(), 2);
    EXPECT_EQ(as_json(pakila_staff, {"matching", "gig", "list", "--order", "T-100"}).at("count").as_int64(), 2);
    const auto confirmed = as_json(pakila_staff, {"matching", "gig", "list", "--status", "confirmed"});
    ASSERT_EQ(confirmed.at("count").as_int64(), 1);
    EXPECT_EQ(confirmed.at("rows").as_array()[0].at("gig").as_int64(), a);
    EXPECT_EQ(as_json(pakila_staff, {"matching", "gig", "list", "--limit", "1"}).at("count").as_int64(), 1);

    const RunResult bad_status = as(pakila_staff, {"matching", "gig", "list", "--status", "finished"});
    EXPECT_EQ(bad_status.exit_code, 3) << bad_status.err;
    EXPECT_NE(bad_status.err.find("--status: unknown status 'finished': use one of proposed, confirmed, accepted, done, "
                                  "approved, cancelled, declined"), std::string::npos) << bad_status.err;
    const RunResult unknown_order = as(pakila_staff, {"matching", "gig", "list", "--order", "T-9"});
    EXPECT_EQ(unknown_order.exit_code, 4) << unknown_order.err;

    // The first list showed gigs of two clients: one audit row each, naming the gigs shown.
    const auto rows = audit_rows("matching.gig-list");
    ASSERT_GE(rows.size(), 2u);
    EXPECT_EQ(rows[0].subject, "C-1001");
    EXPECT_EQ(rows[0].detail, "gigs " + std::to_string(c) + ", " + std::to_string(a));
    EXPECT_EQ(rows[1].subject, "C-1002");
    EXPECT_EQ(rows[1].unit, "pakila");
}

TEST_F(MatchingGigScoping, StaffMustNameTheirUnit) {
    const RunResult r = jc({"matching", "gig", "list"});
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_NE(r.err.find("this command needs the calling unit: give --unit NAME"), std::string::npos) << r.err;
}

}  // namespace
