// End-to-end tests of `jobcenter audit list`: administrators only, newest first, each filter (subject kind,
// subject, action, the caller's --unit, --since, --limit) and the read itself written to the audit trail.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "support/cli_fixture.hpp"

namespace {
namespace json = boost::json;

class AuditList : public jobcenter::testing::CliTest {
protected:
    AuditList() { quiet = true; }

    // Two units added on 20 December (two unit.add rows by the admin), then rows as the plugins write them, on
    // later days: the order they were written in is the order of their times.
    void SetUp() override {
        const auto today = env;
        env = {"JOBCENTER_NOW=2025-12-20T08:00:00Z"};
        add_unit("pakila");
        add_unit("toolo", "VATTI");
        env = today;
        auto opened = jobcenter::Database::open(db);
        auto insert = opened.prepare(
            "INSERT INTO audit_log(at, unit, role, action, subject_kind, subject_id, detail) VALUES(?,?,?,?,?,?,?)");
        const char* rows[][6] = {
            {"2025-12-30T08:00:00Z", "pakila", "staff", "matching.client-show", "client", "C-1001"},
            {"2026-01-02T09:00:00Z", "toolo", "staff", "matching.client-show", "client", "C-2001"},
            {"2026-01-03T10:00:00Z", "pakila", "staff", "matching.gig-confirm", "client", "C-1001"},
            {"2026-01-04T11:00:00Z", "", "coordinator", "register.merge", "orderer", "42"},
        };
        for (const auto& r : rows) insert.bind_all(r[0], r[1], r[2], r[3], r[4], r[5], "").run();
    }

    json::array listed(std::vector<std::string> filters) {
        std::vector<std::string> args{"--role", "admin", "audit", "list"};
        args.insert(args.end(), filters.begin(), filters.end());
        return jc_json(args).at("rows").as_array();
    }
    static std::vector<std::string> actions(const json::array& rows) {
        std::vector<std::string> out;
        for (const auto& row : rows) out.emplace_back(row.at("action").as_string());
        return out;
    }
};

TEST_F(AuditList, OnlyAnAdministratorMayReadIt) {
    const std::string before = database_contents();
    for (const char* role : {"viewer", "staff", "coordinator"}) {
        const auto r = jc({"--role", role, "audit", "list"});
        EXPECT_EQ(r.exit_code, 5) << role << ": " << r.err;
        EXPECT_NE(r.err.find("audit list needs the role admin or higher; you are " + std::string(role)), std::string::npos)
            << r.err;
    }
    EXPECT_EQ(database_contents(), before) << "a refused read was audited or changed something";
}

TEST_F(AuditList, ListsNewestFirstAndAuditsTheReadItself) {
    const auto rows = listed({});
    ASSERT_EQ(rows.size(), 6u);
    EXPECT_EQ(actions(rows), (std::vector<std::string>{"register.merge", "matching.gig-confirm", "matching.client-show",
                                                       "matching.client-show", "unit.add", "unit.add"}));
    const auto& merge = rows[0].as_object();
    EXPECT_EQ(merge.at("at").as_string(), "2026-01-04T11:00:00Z");
    EXPECT_EQ(merge.at("role").as_string(), "coordinator");
    EXPECT_EQ(merge.at("subject_kind").as_string(), "orderer");
    EXPECT_EQ(merge.at("subject").as_string(), "42");

    // The first read is now the newest row, with what it asked for.
    const auto again = listed({"--limit", "1"});
    ASSERT_EQ(again.size(), 1u);
    EXPECT_EQ(again[0].at("action").as_string(), "audit.list");
    EXPECT_EQ(again[0].at("role").as_string(), "admin");
    EXPECT_EQ(again[0].at("detail").as_string(), "limit=100");
}

TEST_F(AuditList, FiltersBySubjectActionUnitAndDay) {
    auto client_rows = listed({"--subject-kind", "client"});
    EXPECT_EQ(client_rows.size(), 3u);
    auto aino = listed({"--subject-kind", "client", "--subject", "C-1001"});
    EXPECT_EQ(actions(aino), (std::vector<std::string>{"matching.gig-confirm", "matching.client-show"}));
    auto shows = listed({"--action", "matching.client-show"});
    ASSERT_EQ(shows.size(), 2u);
    EXPECT_EQ(shows[0].at("subject").as_string(), "C-2001");
    auto toolo = listed({"--unit", "toolo"});
    ASSERT_EQ(toolo.size(), 1u);
    EXPECT_EQ(toolo[0].at("subject").as_string(), "C-2001");
    auto since = listed({"--since", "2026-01-03", "--action", "matching.gig-confirm"});
    EXPECT_EQ(since.size(), 1u);
    EXPECT_EQ(listed({"--since", "2026-01-05", "--subject-kind", "client"}).size(), 0u);
    EXPECT_EQ(listed({"--limit", "2"}).size(), 2u);
    EXPECT_EQ(listed({"--subject", "C-404"}).size(), 0u);

    const auto audited = listed({"--action", "audit.list", "--limit", "1"});
    ASSERT_EQ(audited.size(), 1u);
    EXPECT_EQ(audited[0].at("detail").as_string(), "subject=C-404 limit=100");
}

TEST_F(AuditList, RefusesABadLimitOrDay) {
    const auto limit = jc({"--role", "admin", "audit", "list", "--limit", "0"});
    EXPECT_EQ(limit.exit_code, 3) << limit.err;
    EXPECT_NE(limit.err.find("--limit: the limit must be from 1 to 100000"), std::string::npos) << limit.err;
    const auto day = jc({"--role", "admin", "audit", "list", "--since", "2026-02-30"});
    EXPECT_EQ(day.exit_code, 2) << day.err;
    EXPECT_NE(day.err.find("--since"), std::string::npos) << day.err;
}

}  // namespace
