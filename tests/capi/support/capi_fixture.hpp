// A GoogleTest fixture for the C API in process: a database with three demo units and the register's demo
// orderers (built once per program with the jobcenter binary, copied per test), a token file with a staff,
// a viewer and an admin token, a config file naming them, and an open handle; replies parsed as JSON.
#pragma once

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>
#include <map>
#include <memory>
#include <string>

#include "jobcenter/database.hpp"
#include "support/cli_fixture.hpp"
#include "jobcenter/jobcenter.h"
#include "service/token_store.hpp"
#include "support/test_support.hpp"

namespace jobcenter::testing {

// A reply of jc_call: its status and the parsed JSON it gave back.
struct CApiReply {
    jc_status status = JC_INTERNAL;
    boost::json::value body;
    // The error's fields, "" when there is none.
    std::string error(const char* field) const {
        const auto* error = body.is_object() ? body.as_object().if_contains("error") : nullptr;
        return error ? std::string(error->at(field).as_string()) : std::string();
    }
};

// Config lines for a test's database and token file: every key the service reads, tests add their own after.
std::string capi_config(const std::filesystem::path& database, const std::filesystem::path& tokens);

// The demo database every test starts from: units pakila, uusix, vallila and the register's demo orderers.
const std::filesystem::path& capi_demo_database();

class CApiTest : public ::testing::Test {
protected:
    TempDir dir;
    std::filesystem::path db = dir / "capi.db";
    std::filesystem::path tokens = dir / "tokens";
    std::filesystem::path config = dir / "jobcenter.conf";
    std::map<std::string, std::string> secrets;  // token name -> secret
    jc_handle* handle = nullptr;

    void SetUp() override { SetUpWith(""); }
    void TearDown() override {
        jc_close(handle);
        handle = nullptr;
    }
    // Opens the service with extra config lines appended ("auth_failures = 2\n").
    void SetUpWith(const std::string& extra_config);

    // jc_call with the named token's secret; the reply parsed (null when none came back).
    CApiReply call(const std::string& token_name, const char* command, const std::string& request);
    CApiReply call_with_secret(const char* secret, const char* command, const char* request);

    // Every row of every table but the audit trail's as text, to see that a refused call changed no data.
    std::string data_contents() { return database_text(db.string(), {"audit_log"}); }
    std::int64_t count(const std::string& sql);
};

}  // namespace jobcenter::testing
