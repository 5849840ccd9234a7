// The C API in process (jobcenter/jobcenter.h, libjobcenter.so): the entry-time check a CRM runs, identity from
// the token only, every kind of refusal with its status and JSON error, and null pointers.
#include <string>
#include <utility>

#include "capi/support/capi_fixture.hpp"

namespace {
using namespace jobcenter::testing;
namespace json = boost::json;

using CApi = CApiTest;

TEST_F(CApi, TheEntryTimeCheckFindsTheKnownOrdererOfAVariantName) {
    auto reply = call("crm-pakila", "register.check", R"({"name": "Esimerkki Siivous Oy", "phone": "09 1234567"})");
    ASSERT_EQ(reply.status, JC_OK) << json::serialize(reply.body);
    const auto& matches = reply.body.at("matches").as_array();
    ASSERT_FALSE(matches.empty());
    EXPECT_EQ(matches[0].at("name").as_string(), "Esimerkki Siivous Oy");
    EXPECT_EQ(matches[0].at("verdict").as_string(), "same orderer");
}

TEST_F(CApi, ANewEmployerHasNoMatch) {
    auto reply = call("viewer-pakila", "register.check", R"({"name": "Täysin Uusi Konepaja Oy", "city": "Espoo"})");
    ASSERT_EQ(reply.status, JC_OK) << json::serialize(reply.body);
    EXPECT_EQ(reply.body.at("count").as_int64(), 0);
}

TEST_F(CApi, AContactIsLoggedForTheTokensUnit) {
    auto reply = call("crm-pakila", "register.contact-add", R"({"orderer": 1, "staff": "Pekka", "outcome": "waiting"})");
    ASSERT_EQ(reply.status, JC_OK) << json::serialize(reply.body);
    EXPECT_EQ(count("SELECT count(*) FROM contact_log WHERE unit = 'pakila' AND staff = 'Pekka'"), 1);
    EXPECT_EQ(count("SELECT count(*) FROM contact_log"), 1);
    EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE actor = 'crm-pakila' AND unit = 'pakila' AND role = 'staff' "
                    "AND action = 'request' AND subject_id = 'register.contact-add' AND detail LIKE 'c_api {%' "
                    "AND outcome = 'ok'"),
              1);
}

TEST_F(CApi, ARequestCannotNameAnotherUnitOrRole) {
    auto reply = call("crm-pakila", "register.contact-add",
                      R"({"orderer": 1, "staff": "Pekka", "outcome": "waiting", "unit": "uusix", "role": "admin"})");
    ASSERT_EQ(reply.status, JC_OK) << json::serialize(reply.body);
    EXPECT_EQ(reply.body.at("unit").as_string(), "pakila");
    EXPECT_EQ(count("SELECT count(*) FROM contact_log WHERE unit = 'uusix'"), 0);
    EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE actor = 'crm-pakila' AND role = 'staff' AND unit = 'pakila'"), 1);
}

TEST_F(CApi, AViewerMayNotLogAContactAndNothingChanges) {
    const std::string before = data_contents();
    auto reply = call("viewer-pakila", "register.contact-add", R"({"orderer": 1, "staff": "Pekka", "outcome": "waiting"})");
    EXPECT_EQ(reply.status, JC_FORBIDDEN) << json::serialize(reply.body);
    EXPECT_FALSE(reply.error("message").empty());
    EXPECT_EQ(data_contents(), before);
    EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE actor = 'viewer-pakila' AND subject_id = "
                    "'register.contact-add' AND outcome LIKE 'refused: %'"),
              1);
}

TEST_F(CApi, AWrongOrRevokedOrMissingTokenIsRefusedAndNothingChanges) {
    const std::string before = database_text(db.string());
    const char* contact = R"({"orderer": 1, "staff": "Pekka", "outcome": "waiting"})";
    auto wrong = call_with_secret("jc_not-a-token-of-this-service", "register.contact-add", contact);
    EXPECT_EQ(wrong.status, JC_UNAUTHENTICATED);
    EXPECT_EQ(wrong.error("kind"), "unauthenticated");
    EXPECT_EQ(wrong.error("where"), "token");
    EXPECT_EQ(wrong.error("message"), "no token in force has this secret");
    auto revoked = call("revoked", "register.contact-add", contact);
    EXPECT_EQ(revoked.status, JC_UNAUTHENTICATED);
    auto missing = call_with_secret("", "register.contact-add", contact);
    EXPECT_EQ(missing.status, JC_UNAUTHENTICATED);
    EXPECT_EQ(missing.error("message"), "no token was given");
    EXPECT_EQ(database_text(db.string()), before);
}

TEST_F(CApi, RepeatedWrongTokensAreThrottled) {
    SetUpWith("auth_failures = 2\n");
    jc_status last = JC_OK;
    for (int attempt = 0; attempt < 5 && last != JC_THROTTLED; ++attempt)
        last = call_with_secret("jc_wrong", "register.check", R"({"name": "Esimerkki"})").status;
    EXPECT_EQ(last, JC_THROTTLED);
    auto reply = call_with_secret("jc_wrong", "register.check", R"({"name": "Esimerkki"})");
    EXPECT_EQ(reply.status, JC_THROTTLED);
    EXPECT_EQ(reply.error("kind"), "throttled");
}

TEST_F(CApi, AnUnknownCommandIsNotFound) {
    auto unknown = call("crm-pakila", "register.no-such-command", "{}");
    EXPECT_EQ(unknown.status, JC_NOT_FOUND) << json::serialize(unknown.body);
    auto no_plugin = call("crm-pakila", "payroll.check", "{}");
    EXPECT_EQ(no_plugin.status, JC_NOT_FOUND) << json::serialize(no_plugin.body);
}

TEST_F(CApi, ACommandNameWithoutItsPluginIsABadRequest) {
    for (const char* name : {"check", "register.", ".check", ""}) {
        auto reply = call("crm-pakila", name, R"({"name": "Esimerkki"})");
        EXPECT_EQ(reply.status, JC_BAD_REQUEST) << name;
        EXPECT_EQ(reply.error("where"), "command") << name;
        EXPECT_EQ(reply.error("kind"), "usage") << name;
    }
}

TEST_F(CApi, MalformedJsonIsABadRequestNamingTheByte) {
    const std::string before = data_contents();
    auto reply = call("crm-pakila", "register.contact-add", R"({"orderer": 1, "staff": "Pekka" "outcome": "waiting"})");
    EXPECT_EQ(reply.status, JC_BAD_REQUEST);
    EXPECT_EQ(reply.error("kind"), "usage");
    EXPECT_EQ(reply.error("where"), "request, byte 32");
    EXPECT_NE(reply.error("message").find("not valid JSON"), std::string::npos) << reply.error("message");
    auto truncated = call("crm-pakila", "register.check", R"({"name": "Esim)");
    EXPECT_EQ(truncated.status, JC_BAD_REQUEST);
    auto trailing = call("crm-pakila", "register.check", R"({"name": "Esimerkki"} {})");
    EXPECT_EQ(trailing.status, JC_BAD_REQUEST);
    EXPECT_EQ(data_contents(), before);
}

TEST_F(CApi, ARequestMustBeAnObject) {
    for (const char* request : {"[]", "\"register\"", "42", "null"}) {
        auto reply = call("crm-pakila", "register.check", request);
        EXPECT_EQ(reply.status, JC_BAD_REQUEST) << request;
        EXPECT_EQ(reply.error("where"), "request") << request;
    }
}

TEST_F(CApi, ARequestNestedDeeperThanTheConfigAllowsIsABadRequest) {
    std::string deep = R"({"name": "Esimerkki", "note": )";
    for (int i = 0; i < 10; ++i) deep += "[";
    for (int i = 0; i < 10; ++i) deep += "]";
    deep += "}";
    auto reply = call("crm-pakila", "register.check", deep);
    EXPECT_EQ(reply.status, JC_BAD_REQUEST);
    EXPECT_EQ(reply.error("message"), "the request nests deeper than max_json_depth (8)");
}

TEST_F(CApi, ARequestLongerThanTheConfigAllowsIsTooLarge) {
    const std::string request = R"({"name": ")" + std::string(5000, 'x') + R"("})";
    auto reply = call("crm-pakila", "register.check", request);
    EXPECT_EQ(reply.status, JC_TOO_LARGE);
    EXPECT_EQ(reply.error("kind"), "too_large");
    EXPECT_EQ(reply.error("message"), "the request has 5012 bytes, more than max_body_bytes (4096)");
}

TEST_F(CApi, ABadFlagValueIsABadRequestAndNothingChanges) {
    const std::string before = data_contents();
    auto reply = call("crm-pakila", "register.contact-add", R"({"orderer": 1, "staff": "Pekka", "outcome": "maybe"})");
    EXPECT_EQ(reply.status, JC_BAD_REQUEST) << json::serialize(reply.body);
    EXPECT_NE(reply.error("message").find("maybe"), std::string::npos) << reply.error("message");
    EXPECT_EQ(data_contents(), before);
}

TEST_F(CApi, AWriteWhileAnotherProcessHoldsTheWriteLockIsBusyAndChangesNothing) {
    SetUpWith("write_wait_seconds = 1\n");
    const std::string before = data_contents();
    {
        auto other = jobcenter::Database::open(db.string());
        jobcenter::Transaction holding(other, jobcenter::TransactionMode::immediate);
        auto reply = call("crm-pakila", "register.contact-add", R"({"orderer": 1, "staff": "Pekka", "outcome": "waiting"})");
        EXPECT_EQ(reply.status, JC_BUSY) << json::serialize(reply.body);
        EXPECT_FALSE(reply.error("message").empty());
    }
    EXPECT_EQ(data_contents(), before);
    auto retried = call("crm-pakila", "register.contact-add", R"({"orderer": 1, "staff": "Pekka", "outcome": "waiting"})");
    EXPECT_EQ(retried.status, JC_OK) << json::serialize(retried.body);
}

TEST_F(CApi, EveryNullPointerIsAnInvalidArgumentNamingIt) {
    const char* secret = secrets.at("crm-pakila").c_str();
    char* reply = nullptr;
    struct Case {
        jc_handle* handle;
        const char* token;
        const char* command;
        const char* request;
        const char* named;
    };
    for (const Case& c : {Case{nullptr, secret, "register.check", "{}", "handle"},
                          Case{handle, nullptr, "register.check", "{}", "token"},
                          Case{handle, secret, nullptr, "{}", "command"},
                          Case{handle, secret, "register.check", nullptr, "request_json"}}) {
        EXPECT_EQ(jc_call(c.handle, c.token, c.command, c.request, &reply), JC_INVALID_ARGUMENT) << c.named;
        ASSERT_NE(reply, nullptr) << c.named;
        const auto error = json::parse(reply).at("error");
        EXPECT_EQ(error.at("where").as_string(), c.named);
        EXPECT_EQ(error.at("message").as_string(), std::string(c.named) + " is a null pointer where the C API needs one");
        jc_free(reply);
        reply = nullptr;
    }
    EXPECT_EQ(jc_call(handle, secret, "register.check", "{}", nullptr), JC_INVALID_ARGUMENT);
    jc_free(nullptr);
    jc_close(nullptr);
}

TEST_F(CApi, OpeningNeedsAConfigFileThatExists) {
    jc_handle* other = nullptr;
    char* error = nullptr;
    const auto missing = dir / "missing.conf";
    EXPECT_EQ(jc_open(missing.c_str(), &other, &error), JC_NOT_FOUND);
    EXPECT_EQ(other, nullptr);
    ASSERT_NE(error, nullptr);
    EXPECT_NE(std::string(error).find("missing.conf"), std::string::npos) << error;
    jc_free(error);

    EXPECT_EQ(jc_open(nullptr, &other, &error), JC_INVALID_ARGUMENT);
    ASSERT_NE(error, nullptr);
    EXPECT_NE(std::string(error).find("config_file"), std::string::npos) << error;
    jc_free(error);
    EXPECT_EQ(jc_open(config.c_str(), nullptr, nullptr), JC_INVALID_ARGUMENT);
}

TEST_F(CApi, AConfigWithAnUnknownKeyIsABadRequestNamingTheLine) {
    const auto bad = dir / "bad.conf";
    write_file(bad, capi_config(db, tokens) + "colour = blue\n");
    jc_handle* other = nullptr;
    char* error = nullptr;
    EXPECT_EQ(jc_open(bad.c_str(), &other, &error), JC_BAD_REQUEST);
    EXPECT_EQ(other, nullptr);
    ASSERT_NE(error, nullptr);
    EXPECT_NE(std::string(error).find("bad.conf:10"), std::string::npos) << error;
    jc_free(error);
}

TEST(CApiNames, EveryStatusHasItsEnumeratorsNameAndStableNumber) {
    const std::pair<jc_status, const char*> names[] = {
        {JC_OK, "JC_OK"}, {JC_BAD_REQUEST, "JC_BAD_REQUEST"}, {JC_UNAUTHENTICATED, "JC_UNAUTHENTICATED"},
        {JC_FORBIDDEN, "JC_FORBIDDEN"}, {JC_NOT_FOUND, "JC_NOT_FOUND"}, {JC_REFUSED, "JC_REFUSED"},
        {JC_TOO_LARGE, "JC_TOO_LARGE"}, {JC_SCRIPT_FAILED, "JC_SCRIPT_FAILED"}, {JC_THROTTLED, "JC_THROTTLED"},
        {JC_INTERNAL, "JC_INTERNAL"}, {JC_BUSY, "JC_BUSY"}, {JC_INVALID_ARGUMENT, "JC_INVALID_ARGUMENT"}};
    int stable_number = 0;  // the numbers are part of the API: listed here in their order, from 0
    for (const auto& [status, name] : names) {
        EXPECT_STREQ(jc_status_name(status), name);
        EXPECT_EQ(static_cast<int>(status), stable_number++) << name;
    }
    EXPECT_STREQ(jc_status_name(static_cast<jc_status>(99)), "JC_UNKNOWN_STATUS");
    EXPECT_STREQ(jc_version(), JOBCENTER_VERSION);
}

}  // namespace
