// A GoogleTest fixture for the C API in process: the demo database, tokens, a config file and an open handle.
#include "capi/support/capi_fixture.hpp"

#include <vector>

namespace jobcenter::testing {
namespace json = boost::json;
namespace fs = std::filesystem;

std::string capi_config(const fs::path& database, const fs::path& tokens) {
    return "# a test's service\n"
           "database = " + database.string() + "\n"
           "plugins = " JOBCENTER_BUILD_DIR "/plugins\n"
           "schema = " JOBCENTER_SOURCE_DIR "/schema\n"
           "scripts = " JOBCENTER_SOURCE_DIR "/scripts\n"
           "tokens = " + tokens.string() + "\n"
           "threads = 4\n"
           "max_body_bytes = 4096\n"
           "max_json_depth = 8\n";
}

const fs::path& capi_demo_database() {
    static TempDir folder;
    static const fs::path db = [] {
        const fs::path file = folder / "demo.db";
        const std::vector<std::string> env{"JOBCENTER_NOW=2026-01-15T10:00:00Z"};
        for (const char* unit : {"pakila", "uusix", "vallila"}) {
            auto added = run_jobcenter({"--db", file.string(), "--role", "admin", "unit", "add", unit, "--title",
                                        std::string("Unit ") + unit, "--organisation", "KUTY"},
                                       {}, env);
            if (added.exit_code != 0) throw std::runtime_error("unit add: " + added.err);
        }
        auto demo = run_jobcenter({"--db", file.string(), "--role", "admin", "register", "demo"}, {}, env);
        if (demo.exit_code != 0) throw std::runtime_error("register demo: " + demo.err);
        return file;
    }();
    return db;
}

void CApiTest::SetUpWith(const std::string& extra_config) {
    jc_close(handle);
    handle = nullptr;
    fs::copy_file(capi_demo_database(), db, fs::copy_options::overwrite_existing);
    if (!fs::exists(tokens)) {
        TokenStore store(tokens);
        const std::string now = "2026-01-15T10:00:00Z";
        secrets["crm-pakila"] = store.add("crm-pakila", "pakila", Role::staff, now).secret;
        secrets["viewer-pakila"] = store.add("viewer-pakila", "pakila", Role::viewer, now).secret;
        secrets["admin"] = store.add("admin", "", Role::admin, now).secret;
        secrets["revoked"] = store.add("revoked", "pakila", Role::staff, now).secret;
        store.revoke("revoked", now);
    }
    write_file(config, capi_config(db, tokens) + extra_config);
    char* error = nullptr;
    const jc_status opened = jc_open(config.c_str(), &handle, &error);
    ASSERT_EQ(opened, JC_OK) << jc_status_name(opened) << " " << (error ? error : "");
    ASSERT_NE(handle, nullptr);
    EXPECT_EQ(error, nullptr);
}

CApiReply CApiTest::call(const std::string& token_name, const char* command, const std::string& request) {
    return call_with_secret(secrets.at(token_name).c_str(), command, request.c_str());
}

CApiReply CApiTest::call_with_secret(const char* secret, const char* command, const char* request) {
    char* reply = nullptr;
    CApiReply result;
    result.status = jc_call(handle, secret, command, request, &reply);
    if (reply) result.body = json::parse(reply);
    jc_free(reply);
    return result;
}

std::int64_t CApiTest::count(const std::string& sql) {
    auto opened = Database::open(db.string());
    auto query = opened.prepare(sql);
    query.step();
    return query.get_int(0);
}

}  // namespace jobcenter::testing
