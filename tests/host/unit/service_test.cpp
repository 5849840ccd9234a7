// The service behind serve and the C API, in process with the real plugins: identity only from tokens, the
// HTTP-facing outcome of each kind of error, the audit row of each request that writes or is refused (also
// when it fails), the throttle on repeated bad secrets, and many threads calling at once.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "jobcenter/database.hpp"
#include "service/service.hpp"
#include "support/test_support.hpp"

namespace jobcenter {
namespace {
namespace json = boost::json;
using jobcenter::testing::TempDir;

class ServiceTest : public ::testing::Test {
protected:
    TempDir dir;
    std::filesystem::path database = dir / "service.db";
    std::unique_ptr<Service> service;
    Identity admin{"root-token", "", Role::admin};
    Identity pakila_staff{"crm-pakila", "pakila", Role::staff};
    Identity toolo_staff{"crm-toolo", "toolo", Role::staff};
    Identity pakila_viewer{"viewer-pakila", "pakila", Role::viewer};

    void SetUp() override {
        testing::write_file(dir / "jobcenter.conf",
                            "database = service.db\n"
                            "plugins = " JOBCENTER_BUILD_DIR "/plugins\n"
                            "schema = " JOBCENTER_SOURCE_DIR "/schema\n"
                            "scripts = " JOBCENTER_SOURCE_DIR "/scripts\n"
                            "tokens = tokens\n"
                            "auth_failures = 3\n");
        service = std::make_unique<Service>(read_service_config(dir / "jobcenter.conf"));
        for (const char* unit : {"pakila", "toolo"})
            ASSERT_EQ(call(admin, "unit", "add", {{"name", unit}, {"title", unit}, {"organisation", "KUTY"}}).outcome,
                      CallOutcome::ok);
    }

    CallResult call(const Identity& who, std::string_view group, std::string_view command, json::object request) {
        return service->call(who, Channel::http, group, command, request);
    }
    std::int64_t added_orderer(const Identity& who, const std::string& name) {
        auto r = call(who, "register", "add", {{"name", name}, {"street", "Mannerheimintie 1"}});
        EXPECT_EQ(r.outcome, CallOutcome::ok) << json::serialize(r.body);
        return r.body.at("id").as_int64();
    }
    std::int64_t count(const std::string& sql) {
        auto db = Database::open(database);
        auto q = db.prepare(sql);
        q.step();
        return q.get_int(0);
    }
    std::vector<std::string> request_rows() {
        auto db = Database::open(database);
        auto q = db.prepare(
            "SELECT actor || '|' || unit || '|' || role || '|' || subject_id || '|' || outcome FROM audit_log "
            "WHERE action = 'request' ORDER BY id");
        std::vector<std::string> rows;
        while (q.step()) rows.push_back(q.get_text(0));
        return rows;
    }
};

TEST_F(ServiceTest, AuditsAWriteWithTheTokensNameAndNotARead) {
    const auto id = added_orderer(pakila_staff, "Esimerkki Oy");
    auto read = call(pakila_viewer, "register", "show", {{"id", id}});
    EXPECT_EQ(read.outcome, CallOutcome::ok) << json::serialize(read.body);
    const auto rows = request_rows();
    ASSERT_EQ(rows.size(), 3u);  // two unit.add by the admin, then the add
    EXPECT_EQ(rows[2], "crm-pakila|pakila|staff|register.add|ok");
}

TEST_F(ServiceTest, ARoleTooLowIsForbiddenAuditedAndChangesNothing) {
    const auto before = count("SELECT count(*) FROM orderer");
    auto r = call(pakila_viewer, "register", "add", {{"name", "Esimerkki Oy"}});
    EXPECT_EQ(r.outcome, CallOutcome::forbidden);
    EXPECT_EQ(http_status(r.outcome), 403);
    EXPECT_NE(std::string(r.body.at("error").at("message").as_string()).find("needs the role staff"), std::string::npos);
    EXPECT_EQ(count("SELECT count(*) FROM orderer"), before);
    ASSERT_FALSE(request_rows().empty());
    EXPECT_EQ(request_rows().back().rfind("viewer-pakila|pakila|viewer|register.add|refused: ", 0), 0u)
        << request_rows().back();
}

TEST_F(ServiceTest, AnotherUnitsOrderersAreForbiddenToStaff) {
    const auto mine = added_orderer(pakila_staff, "Esimerkki Oy");
    const auto theirs = added_orderer(toolo_staff, "Esimerkki Oy Ab");
    auto r = call(pakila_staff, "register", "merge",
                  {{"orderer", theirs}, {"into", mine}, {"by", "Liisa"}, {"reason", "same firm"}});
    EXPECT_EQ(r.outcome, CallOutcome::forbidden) << json::serialize(r.body);
    EXPECT_EQ(count("SELECT count(*) FROM register_event"), 0);
    EXPECT_EQ(request_rows().back().rfind("crm-pakila|pakila|staff|register.merge|refused: ", 0), 0u);
}

TEST_F(ServiceTest, EachKindOfErrorHasItsOutcome) {
    EXPECT_EQ(call(admin, "register", "no-such-command", {}).outcome, CallOutcome::not_found);
    EXPECT_EQ(call(admin, "nothing", "list", {}).outcome, CallOutcome::not_found);
    EXPECT_EQ(call(pakila_staff, "register", "show", {{"id", 999999}}).outcome, CallOutcome::not_found);
    auto bad = call(pakila_staff, "register", "add", {{"name", "X"}, {"business_id", "not an id at all"}, {"category", "bank"}});
    EXPECT_EQ(bad.outcome, CallOutcome::bad_request) << json::serialize(bad.body);
    EXPECT_TRUE(bad.body.at("error").as_object().contains("where"));
    const auto id = added_orderer(pakila_staff, "Esimerkki Oy");
    auto missing = call(pakila_staff, "register", "contact-add", {{"orderer", id}});
    EXPECT_EQ(missing.outcome, CallOutcome::bad_request);
    Identity ghost{"ghost", "no-such-unit", Role::staff};
    EXPECT_EQ(call(ghost, "register", "list", {}).outcome, CallOutcome::not_found);
}

TEST_F(ServiceTest, AuthenticatesOnlyTokensInForceAndSlowsDownRepeatedFailures) {
    TokenStore store(dir / "tokens");
    const auto issued = store.add("crm-pakila", "pakila", Role::staff, "2026-12-07T10:00:00Z");
    auto ok = service->authenticate(issued.secret, "10.0.0.1");
    ASSERT_EQ(ok.outcome, AuthOutcome::accepted);
    EXPECT_EQ(ok.identity->token_name, "crm-pakila");
    EXPECT_EQ(ok.identity->unit, "pakila");
    EXPECT_EQ(ok.identity->role, Role::staff);
    EXPECT_EQ(service->authenticate("", "10.0.0.1").outcome, AuthOutcome::missing);
    for (int i = 0; i < 3; ++i) EXPECT_EQ(service->authenticate("jc_wrong", "10.0.0.2").outcome, AuthOutcome::unknown);
    auto throttled = service->authenticate(issued.secret, "10.0.0.2");
    EXPECT_EQ(throttled.outcome, AuthOutcome::throttled);
    EXPECT_GE(throttled.retry_after.count(), 1);
    EXPECT_EQ(service->authenticate(issued.secret, "10.0.0.3").outcome, AuthOutcome::accepted);  // other peers go on
    store.revoke("crm-pakila", "2026-12-07T11:00:00Z");
    EXPECT_EQ(service->authenticate(issued.secret, "10.0.0.4").outcome, AuthOutcome::unknown);
}

TEST_F(ServiceTest, ManyThreadsReadAndWriteAtOnceAndEveryAcknowledgedWriteIsKept) {
    const auto id = added_orderer(pakila_staff, "Kukkakauppa Esimerkki");
    std::atomic<int> acknowledged{0}, failed{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t)
        threads.emplace_back([&, t] {
            for (int i = 0; i < 40; ++i) {
                auto r = i % 2 == 0
                             ? call(toolo_staff, "register", "check", {{"name", "Kukkakauppa Esimerkki " + std::to_string(t)}})
                             : call(toolo_staff, "register", "contact-add",
                                    {{"orderer", id}, {"staff", "thread " + std::to_string(t)}, {"outcome", "waiting"}});
                if (r.outcome != CallOutcome::ok) ++failed;
                else if (i % 2 == 1) ++acknowledged;
            }
        });
    for (auto& t : threads) t.join();
    EXPECT_EQ(failed.load(), 0);
    EXPECT_EQ(acknowledged.load(), 160);
    EXPECT_EQ(count("SELECT count(*) FROM contact_log"), acknowledged.load());
    EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE action = 'request' AND subject_id = 'register.contact-add'"),
              acknowledged.load());
}

TEST_F(ServiceTest, NobodyRewritesTheAuditTrail) {
    added_orderer(pakila_staff, "Esimerkki Oy");
    auto db = Database::open(database);
    EXPECT_THROW(db.exec("UPDATE audit_log SET actor = 'someone else'"), Error);
    EXPECT_THROW(db.exec("DELETE FROM audit_log"), Error);
}

}  // namespace
}  // namespace jobcenter
