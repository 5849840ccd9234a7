// End-to-end tests of the requests `jobcenter serve` refuses: each answered with its 4xx and the error object,
// and the database unchanged: no token, a wrong or revoked token, another unit's data, malformed JSON,
// a 10 MB body, deep nesting, unknown commands, repeated bad tokens (throttled); no secret in the log.
#include <gtest/gtest.h>

#include "http/support/serve_fixture.hpp"

namespace {
namespace json = boost::json;
using jobcenter::testing::HttpReply;
using jobcenter::testing::http::field;

class ServeRefusals : public jobcenter::testing::ServeTest {
protected:
    std::string pakila_staff, vallila_staff, coordinator;
    std::string before;

    void SetUp() override {
        ASSERT_EQ(jc({"demo"}).exit_code, 0);
        pakila_staff = add_token("crm-pakila", "pakila", "staff");
        vallila_staff = add_token("crm-vallila", "vallila", "staff");
        coordinator = add_token("coordinator", "", "coordinator");
        settings["auth_failures"] = "3";
        start();
        before = contents_but_audit();
    }
    static void expect_error(const HttpReply& reply, unsigned status, const std::string& kind, const std::string& where) {
        EXPECT_EQ(reply.status, status) << reply.body();
        const json::value body = reply.json();
        EXPECT_EQ(body.at("error").at("kind").as_string(), kind) << reply.body();
        EXPECT_EQ(body.at("error").at("where").as_string(), where) << reply.body();
        EXPECT_FALSE(body.at("error").at("message").as_string().empty());
    }
    json::object contact(std::int64_t orderer) {
        return {{"orderer", orderer}, {"staff", "Pekka"}, {"outcome", "waiting"}, {"note", "refused"}};
    }
    std::int64_t some_orderer() {
        return jc_json({"register", "check", "--name", "Kallion Kukka"}).at("matches").at(0).at("orderer").as_int64();
    }
};

TEST_F(ServeRefusals, NoTokenAWrongTokenAndARevokedTokenAre401) {
    const auto orderer = some_orderer();
    const auto none = api("", "register/contact-add", contact(orderer));
    expect_error(none, 401, "unauthorized", "Authorization");
    EXPECT_EQ(none.header(field::www_authenticate), "Bearer realm=\"jobcenter\"");

    const auto wrong = api("jc_not-a-real-secret", "register/contact-add", contact(orderer));
    expect_error(wrong, 401, "unauthorized", "Authorization");
    EXPECT_EQ(wrong.header(field::www_authenticate), "Bearer realm=\"jobcenter\", error=\"invalid_token\"");

    ASSERT_EQ(jc({"token", "revoke", "crm-vallila", "--tokens", tokens_file.string()}).exit_code, 0);
    const auto revoked = api(vallila_staff, "register/contact-add", contact(orderer));
    expect_error(revoked, 401, "unauthorized", "Authorization");
    EXPECT_EQ(get("/api/whoami", vallila_staff).status, 401u);
    EXPECT_EQ(contents_but_audit(), before);
}

TEST_F(ServeRefusals, RepeatedBadTokensAreThrottled) {
    for (int i = 0; i < 3; ++i) EXPECT_EQ(get("/api/whoami", "jc_guess-" + std::to_string(i)).status, 401u);
    const auto throttled = get("/api/whoami", "jc_guess-4");
    expect_error(throttled, 429, "throttled", "Authorization");
    EXPECT_GE(std::stoi(throttled.header(field::retry_after)), 1);
    EXPECT_EQ(api("jc_guess-5", "register/contact-add", contact(some_orderer())).status, 429u);
    EXPECT_EQ(contents_but_audit(), before);
}

TEST_F(ServeRefusals, AnotherUnitsClientIsNotFoundAsOnTheCommandLine) {
    const auto other = api(pakila_staff, "matching/client-show", json::object{{"id", "V-1001"}});
    const auto cli = jc({"--unit", "pakila", "--role", "staff", "--format", "json", "matching", "client-show", "V-1001"});
    EXPECT_EQ(cli.exit_code, 4);
    expect_error(other, 404, "not_found", std::string(json::parse(cli.out).at("error").at("where").as_string()));
    EXPECT_EQ(other.json().at("error").at("message"), json::parse(cli.out).at("error").at("message"));
    EXPECT_EQ(api(vallila_staff, "matching/client-show", json::object{{"id", "V-1001"}}).status, 200u)
        << "the unit's own client";
    EXPECT_EQ(contents_but_audit(), before);
}

TEST_F(ServeRefusals, AMergeTouchingAnotherUnitsRecordsIs403) {
    const json::value check = jc_json({"register", "check", "--name", "Kallion Kukka"});
    std::int64_t pakila_orderer = 0, vallila_orderer = 0;
    for (const auto& match : check.at("matches").as_array()) {
        const std::string record(match.at("matched_record").as_string());
        if (record.rfind("pakila/", 0) == 0) pakila_orderer = match.at("orderer").as_int64();
        if (record.rfind("vallila/", 0) == 0) vallila_orderer = match.at("orderer").as_int64();
    }
    ASSERT_TRUE(pakila_orderer && vallila_orderer) << check;
    const auto refused = api(pakila_staff, "register/merge",
                             json::object{{"orderer", vallila_orderer}, {"into", pakila_orderer}, {"by", "Liisa"},
                                          {"reason", "same firm"}});
    EXPECT_EQ(refused.status, 403u) << refused.body();
    EXPECT_NE(refused.body().find("vallila"), std::string::npos) << "names the other unit: " << refused.body();
    EXPECT_EQ(contents_but_audit(), before);
}

TEST_F(ServeRefusals, MalformedJsonDeepNestingAndNonObjectsAre400) {
    expect_error(connect().request(jobcenter::testing::http::verb::post, "/api/register/check", "{\"name\": \"Kukka",
                                   pakila_staff),
                 400, "bad_input", "body");
    const std::string deep = "{\"name\":" + std::string(10000, '[') + std::string(10000, ']') + "}";
    const auto nested = connect().request(jobcenter::testing::http::verb::post, "/api/register/check", deep, pakila_staff);
    expect_error(nested, 400, "bad_input", "body");
    EXPECT_NE(nested.json().at("error").at("message").as_string().find("deeper than 32"), json::string::npos);
    expect_error(connect().request(jobcenter::testing::http::verb::post, "/api/register/check", "[1]", pakila_staff),
                 400, "bad_input", "body");
    EXPECT_EQ(contents_but_audit(), before);
}

TEST_F(ServeRefusals, ATenMegabyteBodyIs413BeforeItIsRead) {
    const std::string huge = "{\"note\":\"" + std::string(10 * 1024 * 1024, 'a') + "\"}";
    const auto sent_whole = connect().request(jobcenter::testing::http::verb::post, "/api/register/contact-add", huge,
                                              pakila_staff);
    expect_error(sent_whole, 413, "too_large", "body");
    EXPECT_FALSE(sent_whole.message.keep_alive());

    // A client that asks first (Expect: 100-continue) hears 413 without sending the body at all.
    auto connection = connect();
    connection.send_raw("POST /api/register/contact-add HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + pakila_staff +
                        "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(huge.size()) +
                        "\r\nExpect: 100-continue\r\n\r\n");
    expect_error(connection.read_reply(), 413, "too_large", "body");
    EXPECT_EQ(contents_but_audit(), before);
}

TEST_F(ServeRefusals, UnknownCommandsAndPathsAre404) {
    const auto unknown = api(pakila_staff, "register/no-such-command");
    EXPECT_EQ(unknown.status, 404u) << unknown.body();
    EXPECT_EQ(unknown.json().at("error").at("kind"), "not_found");
    EXPECT_EQ(api(pakila_staff, "nothing/check").status, 404u);
    expect_error(get("/api/nothing", pakila_staff), 404, "not_found", "/api/nothing");
    EXPECT_EQ(api("", "register/no-such-command").status, 401u) << "the token is checked first";
    EXPECT_EQ(contents_but_audit(), before);
}

TEST_F(ServeRefusals, MalformedHttpIs400) {
    auto connection = connect();
    connection.send_raw("NOT HTTP AT ALL\r\n\r\n");
    const auto reply = connection.read_reply();
    EXPECT_EQ(reply.status, 400u) << reply.body();
    EXPECT_FALSE(reply.message.keep_alive());
    EXPECT_EQ(contents_but_audit(), before);
}

TEST_F(ServeRefusals, SecretsNeverReachTheLog) {
    ASSERT_EQ(stop(), 0);
    start({"--verbose"});
    EXPECT_EQ(api(pakila_staff, "register/check", json::object{{"name", "Kukka"}}).status, 200u);
    EXPECT_EQ(get("/api/whoami", "jc_a-wrong-secret").status, 401u);
    ASSERT_EQ(stop(), 0);
    const std::string log = server->stderr_text();
    server.reset();
    EXPECT_NE(log.find("POST /api/register/check 200 "), std::string::npos) << log;
    EXPECT_NE(log.find(" token crm-pakila"), std::string::npos) << log;
    EXPECT_NE(log.find("GET /api/whoami 401 "), std::string::npos) << log;
    EXPECT_EQ(log.find(pakila_staff), std::string::npos) << log;
    EXPECT_EQ(log.find("jc_a-wrong-secret"), std::string::npos) << log;
}

}  // namespace
