// End-to-end tests of unit scoping of worker-client data: a unit's staff see and change only their unit's
// clients (another unit's client is "not found", like one that does not exist), a coordinator sees every
// unit, and every read or change of client data leaves a row in the audit trail.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <set>

#include "matching/support/matching_fixture.hpp"

namespace {
namespace json = boost::json;
using jobcenter::testing::RunResult;
using Rows = std::vector<std::string>;

class MatchingScoping : public jobcenter::testing::MatchingCliTest {
protected:
    void SetUp() override {
        MatchingCliTest::SetUp();
        if (HasFatalFailure()) return;
        load({client("V-1"), client("V-2"), client("P-1", {{"unit", "pakila"}})}, {order("T-1")});
    }
    static std::vector<std::string> vallila_staff() { return {"--role", "staff", "--unit", "vallila"}; }

    RunResult as(std::vector<std::string> args, const std::vector<std::string>& caller, const std::string& input = {}) {
        args.insert(args.end(), caller.begin(), caller.end());
        return jc(args, input);
    }
    static std::set<std::string> clients_in(const json::value& match) {
        std::set<std::string> out;
        for (const char* list : {"candidates", "excluded"})
            for (const auto& e : match.at(list).as_array()) out.emplace(e.at("client").as_string());
        return out;
    }

    // The audit rows written after row `after`, oldest first, as "unit|role|action|subject kind|subject|detail".
    std::vector<std::string> audit_after(std::int64_t after) {
        auto opened = jobcenter::Database::open(db);
        auto q = opened.prepare(
            "SELECT unit || '|' || role || '|' || action || '|' || subject_kind || '|' || subject_id || '|' || detail "
            "FROM audit_log WHERE id > ? ORDER BY id");
        q.bind(1, after);
        std::vector<std::string> rows;
        while (q.step()) rows.push_back(q.get_text(0));
        return rows;
    }
    std::int64_t last_audit_id() {
        auto opened = jobcenter::Database::open(db);
        auto q = opened.prepare("SELECT coalesce(max(id), 0) FROM audit_log");
        q.step();
        return q.get_int(0);
    }
};

TEST_F(MatchingScoping, StaffCannotTellAnotherUnitsClientFromOneThatDoesNotExist) {
    auto other = as({"matching", "client-show", "P-1"}, vallila_staff());
    auto missing = as({"matching", "client-show", "P-404"}, vallila_staff());
    EXPECT_EQ(other.exit_code, 4);
    EXPECT_EQ(missing.exit_code, 4);
    EXPECT_NE(other.err.find("no client 'P-1'"), std::string::npos) << other.err;
    EXPECT_EQ(other.err, missing.err.substr(0, missing.err.find("P-404")) + "P-1" + missing.err.substr(missing.err.find("P-404") + 5))
        << "the same message, but for the id";
    EXPECT_EQ(as({"matching", "client-show", "P-1"}, {"--role", "staff", "--unit", "pakila"}).exit_code, 0);
    EXPECT_EQ(as({"matching", "client-show", "P-1"}, {"--role", "coordinator"}).exit_code, 0);
}

TEST_F(MatchingScoping, StaffCannotUpdateAnotherUnitsClient) {
    const std::string before = database_contents();
    auto renamed = json::serialize(client("P-1", {{"unit", "pakila"}, {"name", "Changed"}}));
    auto update = as({"matching", "client-update", "--input", "-"}, vallila_staff(), renamed);
    EXPECT_EQ(update.exit_code, 4);
    EXPECT_NE(update.err.find("no client 'P-1'"), std::string::npos) << update.err;
    auto moved = as({"matching", "client-update", "--input", "-"}, vallila_staff(), json::serialize(client("P-1", {{"name", "Changed"}})));
    EXPECT_EQ(moved.exit_code, 4) << "nor take them over into the own unit: " << moved.err;
    auto give_away = as({"matching", "client-update", "--input", "-"}, vallila_staff(),
                        json::serialize(client("V-1", {{"unit", "pakila"}})));
    EXPECT_EQ(give_away.exit_code, 5) << give_away.err;
    EXPECT_NE(give_away.err.find("the caller's unit vallila may not add or change clients of unit 'pakila'"), std::string::npos)
        << give_away.err;
    EXPECT_EQ(database_contents(), before);

    auto own = as({"matching", "client-update", "--input", "-"}, {"--role", "staff", "--unit", "pakila"}, renamed);
    EXPECT_EQ(own.exit_code, 0) << own.err;
}

TEST_F(MatchingScoping, StaffListAndMatchOnlyTheirUnitsClients) {
    auto list = json::parse(as({"matching", "client-list", "--format=json"}, vallila_staff()).out);
    std::set<std::string> listed;
    for (const auto& row : list.at("rows").as_array()) listed.emplace(row.at("id").as_string());
    EXPECT_EQ(listed, (std::set<std::string>{"V-1", "V-2"}));

    EXPECT_EQ(clients_in(match("T-1", vallila_staff())), (std::set<std::string>{"V-1", "V-2"}));
    EXPECT_EQ(clients_in(match("T-1", {"--role", "staff", "--unit", "pakila"})), (std::set<std::string>{"P-1"}));
    EXPECT_EQ(clients_in(match("T-1")), (std::set<std::string>{"V-1", "V-2", "P-1"})) << "a coordinator sees every unit";

    auto without_unit = jc({"matching", "match", "T-1", "--role", "staff"});
    EXPECT_EQ(without_unit.exit_code, 2) << without_unit.err;
    EXPECT_NE(without_unit.err.find("--unit"), std::string::npos) << without_unit.err;
}

TEST_F(MatchingScoping, StaffCannotLoadAnotherUnitsClient) {
    const std::string before = database_contents();
    const auto file = document_file(interchange({client("V-3"), client("P-2", {{"unit", "pakila"}})}));
    auto r = load_file(file, vallila_staff());
    EXPECT_EQ(r.exit_code, 5);
    EXPECT_NE(r.err.find(file + ": clients[1].unit: the caller's unit vallila may not add or change clients of unit 'pakila'"),
              std::string::npos)
        << r.err;
    EXPECT_EQ(database_contents(), before) << "V-3 is not written either";

    auto taken = load_file(document_file(interchange({client("P-1")})), vallila_staff());
    EXPECT_EQ(taken.exit_code, 5) << "another unit's client id: " << taken.err;
    EXPECT_NE(taken.err.find("clients[0].id: client id 'P-1' is already used by another unit's client"), std::string::npos) << taken.err;
    EXPECT_EQ(database_contents(), before);
}

TEST_F(MatchingScoping, AViewerSeesNoClientData) {
    const std::vector<std::string> viewer{"--role", "viewer", "--unit", "vallila"};
    for (const auto& args : std::vector<std::vector<std::string>>{{"matching", "client-show", "V-1"},
                                                                  {"matching", "client-list"},
                                                                  {"matching", "match", "T-1"}}) {
        auto r = as(args, viewer);
        EXPECT_EQ(r.exit_code, 5) << args[1] << ": " << r.err;
        EXPECT_NE(r.err.find("needs the role staff or higher; you are viewer"), std::string::npos) << r.err;
    }
    EXPECT_EQ(as({"matching", "order-show", "T-1"}, viewer).exit_code, 0) << "orders are no client data";
}

TEST_F(MatchingScoping, EveryReadAndChangeOfClientDataIsAudited) {
    auto since = last_audit_id();
    as({"matching", "client-show", "V-1"}, vallila_staff());
    EXPECT_EQ(audit_after(since), (Rows{"vallila|staff|matching.client-show|client|V-1|"}));

    since = last_audit_id();
    as({"matching", "client-list"}, vallila_staff());
    EXPECT_EQ(audit_after(since), (Rows{"vallila|staff|matching.client-list|clients|vallila|2 clients"}));

    since = last_audit_id();
    match("T-1", vallila_staff());
    EXPECT_EQ(audit_after(since), (Rows{"vallila|staff|matching.match|order|T-1|read 2 clients of unit vallila"}));

    since = last_audit_id();
    match("T-1");
    EXPECT_EQ(audit_after(since), (Rows{"|coordinator|matching.match|order|T-1|read 3 clients of every unit"}));

    since = last_audit_id();
    ASSERT_EQ(as({"matching", "client-update", "--input", "-"}, vallila_staff(), json::serialize(client("V-1", {{"name", "New"}}))).exit_code, 0);
    EXPECT_EQ(audit_after(since), (Rows{"vallila|staff|matching.client-update|client|V-1|"}));

    since = last_audit_id();
    ASSERT_EQ(as({"matching", "client-add", "--input", "-"}, vallila_staff(), json::serialize(client("V-9"))).exit_code, 0);
    EXPECT_EQ(audit_after(since), (Rows{"vallila|staff|matching.client-add|client|V-9|"}));

    since = last_audit_id();
    ASSERT_EQ(load_file(document_file(interchange({client("V-1", {{"name", "Newer"}}), client("V-2"), client("V-3")})), vallila_staff()).exit_code, 0);
    EXPECT_EQ(audit_after(since), (Rows{"vallila|staff|matching.load|client|V-1|updated", "vallila|staff|matching.load|client|V-3|added"}))
        << "an unchanged client is not written, and not audited";

    since = last_audit_id();
    as({"matching", "client-show", "P-1"}, vallila_staff());
    EXPECT_TRUE(audit_after(since).empty()) << "a refused read reads nothing";
}

}  // namespace
