// The config file of serve and the C API: every key read, relative paths taken from the file's folder, and
// each mistake named by file and line.
#include <gtest/gtest.h>

#include "jobcenter/errors.hpp"
#include "service/service_config.hpp"
#include "support/test_support.hpp"

namespace jobcenter {
namespace {
using jobcenter::testing::TempDir;

std::string where_of(const std::filesystem::path& file) {
    try {
        read_service_config(file);
    } catch (const Error& e) {
        return e.where() + " | " + e.what();
    }
    return "accepted";
}

TEST(ServiceConfig, ReadsEveryKey) {
    TempDir dir;
    testing::write_file(dir / "jobcenter.conf",
                        "# a comment\n"
                        "listen = 127.0.0.1:0\n"
                        "database = data/jobcenter.db\n"
                        "plugins = /usr/lib/jobcenter/plugins\n"
                        "schema = /usr/share/jobcenter/schema\n"
                        "scripts = /usr/share/jobcenter/scripts\n"
                        "tokens = tokens\n"
                        "web = /usr/share/jobcenter/web\n"
                        "threads = 8\n"
                        "max_body_bytes = 65536\n"
                        "max_json_depth = 20\n"
                        "request_timeout_seconds = 10\n"
                        "idle_timeout_seconds = 5\n"
                        "write_wait_seconds = 2\n"
                        "auth_failures = 3\n"
                        "script_recheck_seconds = 0\n"
                        "cache_mib = 64\n");
    const ServiceConfig c = read_service_config(dir / "jobcenter.conf");
    EXPECT_EQ(c.listen_address, "127.0.0.1");
    EXPECT_EQ(c.listen_port, 0);
    EXPECT_EQ(c.paths.database, dir.path() / "data/jobcenter.db");
    EXPECT_EQ(c.paths.plugins, "/usr/lib/jobcenter/plugins");
    EXPECT_EQ(c.tokens, dir.path() / "tokens");
    EXPECT_EQ(c.web, "/usr/share/jobcenter/web");
    EXPECT_EQ(c.threads, 8u);
    EXPECT_EQ(c.max_body_bytes, 65536u);
    EXPECT_EQ(c.max_json_depth, 20u);
    EXPECT_EQ(c.request_timeout.count(), 10);
    EXPECT_EQ(c.idle_timeout.count(), 5);
    EXPECT_EQ(c.write_wait.count(), 2);
    EXPECT_EQ(c.auth_failures_before_throttle, 3u);
    EXPECT_EQ(c.script_recheck.count(), 0);
    EXPECT_EQ(c.cache_mib, 64u);
}

TEST(ServiceConfig, ListensOnLoopbackByDefault) {
    TempDir dir;
    testing::write_file(dir / "c.conf", "tokens = t\n");
    const ServiceConfig c = read_service_config(dir / "c.conf");
    EXPECT_EQ(c.listen_address, "127.0.0.1");
    EXPECT_EQ(c.listen_port, 8080);
}

TEST(ServiceConfig, NamesTheFileAndLineOfEachMistake) {
    TempDir dir;
    const auto file = dir / "c.conf";
    const std::string at = file.string() + ":2";
    testing::write_file(file, "tokens = t\nlisten 127.0.0.1:80\n");
    EXPECT_EQ(where_of(file).rfind(at, 0), 0u) << where_of(file);
    testing::write_file(file, "tokens = t\nport = 80\n");
    EXPECT_NE(where_of(file).find("unknown config key 'port'"), std::string::npos) << where_of(file);
    testing::write_file(file, "tokens = t\nthreads = many\n");
    EXPECT_EQ(where_of(file).rfind(at + " (threads)", 0), 0u) << where_of(file);
    testing::write_file(file, "tokens = t\nlisten = 127.0.0.1:70000\n");
    EXPECT_EQ(where_of(file).rfind(at + " (listen)", 0), 0u) << where_of(file);
    testing::write_file(file, "tokens = t\ntokens = u\n");
    EXPECT_NE(where_of(file).find("given twice (first on line 1)"), std::string::npos) << where_of(file);
    testing::write_file(file, "threads = 2\n");
    EXPECT_NE(where_of(file).find("names no token file"), std::string::npos) << where_of(file);
    EXPECT_EQ(where_of(dir / "missing.conf").rfind((dir / "missing.conf").string(), 0), 0u);
}

}  // namespace
}  // namespace jobcenter
