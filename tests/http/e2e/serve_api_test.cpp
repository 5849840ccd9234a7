// End-to-end tests of `jobcenter serve`'s API on the demo database: a command answers over HTTP what
// `--format json` prints, as the token's unit and role; whoami, plugins, healthz and metrics; two-word
// commands by their joined name; kept-alive connections; the web folder's files with their headers.
#include <gtest/gtest.h>

#include "http/support/serve_fixture.hpp"

namespace {
namespace json = boost::json;
using jobcenter::testing::HttpConnection;
using jobcenter::testing::http::field;
using jobcenter::testing::http::verb;

class ServeApi : public jobcenter::testing::ServeTest {
protected:
    std::string pakila_staff, coordinator, viewer;

    void SetUp() override {
        ASSERT_EQ(jc({"demo"}).exit_code, 0);
        pakila_staff = add_token("crm-pakila", "pakila", "staff");
        coordinator = add_token("coordinator", "", "coordinator");
        viewer = add_token("viewer-vallila", "vallila", "viewer");
        start();
    }
};

TEST_F(ServeApi, ACommandAnswersWhatTheCommandLinePrintsAsTheTokensUnit) {
    const auto reply = api(pakila_staff, "register/check", json::object{{"name", "Kallion Kukka"}});
    ASSERT_EQ(reply.status, 200u) << reply.body();
    EXPECT_EQ(reply.header(field::content_type), "application/json; charset=utf-8");
    EXPECT_EQ(reply.header(field::cache_control), "no-store");
    const json::value cli = jc_json({"--unit", "pakila", "--role", "staff", "register", "check", "--name", "Kallion Kukka"});
    EXPECT_EQ(reply.json(), cli);
    EXPECT_FALSE(cli.at("matches").as_array().empty());
}

TEST_F(ServeApi, TwoWordCommandsGoByTheirJoinedName) {
    const auto check = api(pakila_staff, "register/check", json::object{{"name", "Kallion Kukka"}}).json();
    const auto orderer = check.at("matches").at(0).at("orderer").as_int64();
    const auto added = api(pakila_staff, "register/contact-add",
                           json::object{{"orderer", orderer}, {"staff", "Pekka"}, {"outcome", "follow-up"},
                                        {"note", "over HTTP"}});
    ASSERT_EQ(added.status, 200u) << added.body();
    const json::value listed = jc_json({"register", "contact", "list", std::to_string(orderer)});
    bool found = false;
    for (const auto& row : listed.at("rows").as_array())
        if (row.at("note") == "over HTTP") {
            found = true;
            EXPECT_EQ(row.at("unit"), "pakila") << "the unit is the token's";
        }
    EXPECT_TRUE(found) << listed;
    EXPECT_EQ(request_audit(), (std::vector<std::string>{"crm-pakila|pakila|staff|register.contact-add|ok"}))
        << "the write is audited under the token's name";

    const auto queue = api(coordinator, "register/review-list", json::object{{"limit", 10}});
    ASSERT_EQ(queue.status, 200u) << queue.body();
    EXPECT_EQ(queue.json(), jc_json({"--role", "coordinator", "register", "review", "list", "--limit", "10"}));
}

TEST_F(ServeApi, TheRoleComesFromTheTokenOnly) {
    const auto check = api(viewer, "register/check", json::object{{"name", "Kallion Kukka"}}).json();
    const auto orderer = check.at("matches").at(0).at("orderer").as_int64();
    const std::string before = contents_but_audit();
    const auto refused = api(viewer, "register/contact-add",
                             json::object{{"orderer", orderer}, {"staff", "Pekka"}, {"outcome", "waiting"},
                                          {"role", "admin"}, {"unit", "pakila"}});
    EXPECT_EQ(refused.status, 403u) << refused.body();
    EXPECT_EQ(contents_but_audit(), before);
    const auto audited = request_audit();
    ASSERT_EQ(audited.size(), 1u);
    EXPECT_EQ(audited[0].rfind("viewer-vallila|vallila|viewer|register.contact-add|refused", 0), 0u) << audited[0];
}

TEST_F(ServeApi, WhoamiNamesTheTokensUnitAndRole) {
    const auto reply = get("/api/whoami", pakila_staff);
    ASSERT_EQ(reply.status, 200u) << reply.body();
    EXPECT_EQ(reply.json(), (json::value{{"token", "crm-pakila"}, {"unit", "pakila"}, {"role", "staff"}}));
    EXPECT_EQ(get("/api/whoami", coordinator).json(),
              (json::value{{"token", "coordinator"}, {"unit", ""}, {"role", "coordinator"}}));
}

TEST_F(ServeApi, PluginsListEveryCommand) {
    const auto reply = get("/api/plugins", viewer);
    ASSERT_EQ(reply.status, 200u) << reply.body();
    const std::string text = reply.body();
    for (const char* name : {"\"register\"", "\"check\"", "\"contact-add\"", "\"review-decide\"", "\"matching\"",
                             "\"pricing\""})
        EXPECT_NE(text.find(name), std::string::npos) << name << " in " << text;
}

TEST_F(ServeApi, HealthzNeedsNoTokenAndMetricsCountEveryRequest) {
    const auto health = get("/healthz");
    ASSERT_EQ(health.status, 200u);
    EXPECT_EQ(health.json(), (json::value{{"status", "ok"}}));

    for (int i = 0; i < 3; ++i) EXPECT_EQ(api(pakila_staff, "register/check", json::object{{"name", "Kukka"}}).status, 200u);
    EXPECT_EQ(api("", "register/check", json::object{{"name", "Kukka"}}).status, 401u);
    EXPECT_EQ(api(pakila_staff, "register/no-such-command").status, 404u);
    EXPECT_EQ(api(pakila_staff, "no-such-plugin/check").status, 404u);

    const auto metrics = get("/metrics");
    ASSERT_EQ(metrics.status, 200u);
    EXPECT_EQ(metrics.header(field::content_type), "text/plain; version=0.0.4; charset=utf-8");
    const std::string text = metrics.body();
    auto has = [&](const std::string& line) { return text.find("\n" + line + "\n") != std::string::npos; };
    EXPECT_TRUE(has(R"(jobcenter_http_requests_total{method="POST",route="/api/register/check",status="200"} 3)")) << text;
    EXPECT_TRUE(has(R"(jobcenter_http_requests_total{method="POST",route="/api/register/check",status="401"} 1)")) << text;
    EXPECT_TRUE(has(R"(jobcenter_http_requests_total{method="POST",route="other",status="404"} 2)"))
        << "unknown commands share one label: " << text;
    EXPECT_TRUE(has(R"(jobcenter_http_requests_total{method="GET",route="/healthz",status="200"} 1)")) << text;
    EXPECT_TRUE(has(R"(jobcenter_http_request_duration_seconds_count{route="/api/register/check"} 4)")) << text;
    EXPECT_TRUE(has(R"(jobcenter_http_request_duration_seconds_bucket{route="/api/register/check",le="+Inf"} 4)")) << text;
    EXPECT_TRUE(has("jobcenter_http_in_flight 1")) << "the metrics request itself: " << text;
}

TEST_F(ServeApi, AConnectionIsKeptAliveAcrossRequests) {
    HttpConnection connection = connect();
    for (int i = 0; i < 5; ++i) {
        const auto reply = connection.post("/api/register/check", json::object{{"name", "Kukka " + std::to_string(i)}},
                                           pakila_staff);
        EXPECT_EQ(reply.status, 200u) << reply.body();
        EXPECT_TRUE(reply.message.keep_alive());
    }
    EXPECT_EQ(connection.get("/api/whoami", pakila_staff).status, 200u);
    EXPECT_EQ(connection.get("/healthz").status, 200u);
}

TEST_F(ServeApi, ServesTheWebFolderWithItsSecurityHeaders) {
    jobcenter::testing::write_file(web_folder / "index.html", "<!doctype html><title>Jobcenter</title>");
    std::filesystem::create_directories(web_folder / "js");
    jobcenter::testing::write_file(web_folder / "js" / "app.js", "console.log(1);");
    jobcenter::testing::write_file(dir / "outside.txt", "not served");

    const auto index = get("/");
    ASSERT_EQ(index.status, 200u);
    EXPECT_EQ(index.body(), "<!doctype html><title>Jobcenter</title>");
    EXPECT_EQ(index.header(field::content_type), "text/html; charset=utf-8");
    EXPECT_EQ(index.header("Content-Security-Policy").rfind("default-src 'self'", 0), 0u);
    EXPECT_EQ(index.header("X-Content-Type-Options"), "nosniff");
    EXPECT_EQ(index.header("Referrer-Policy"), "no-referrer");
    const auto script = get("/js/app.js");
    EXPECT_EQ(script.status, 200u);
    EXPECT_EQ(script.header(field::content_type), "text/javascript; charset=utf-8");

    EXPECT_EQ(get("/missing.css").status, 404u);
    for (const char* target : {"/../outside.txt", "/js/../../outside.txt", "/%2e%2e/outside.txt", "/a%00.html"}) {
        const auto refused = get(target);
        EXPECT_EQ(refused.status, 400u) << target;
        EXPECT_EQ(refused.body().find("not served"), std::string::npos);
    }
    const auto posted = connect().request(verb::post, "/", "{}");
    EXPECT_EQ(posted.status, 405u);
    EXPECT_EQ(posted.header(field::allow), "GET");
    const auto got_command = get("/api/register/check", pakila_staff);
    EXPECT_EQ(got_command.status, 405u);
    EXPECT_EQ(got_command.header(field::allow), "POST");
}

}  // namespace
