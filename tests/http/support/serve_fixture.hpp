// The end-to-end fixture of the serve tests: CliTest's database, a config file and a token file beside it,
// tokens made with `jobcenter token add`, `jobcenter serve` started on port 0, and calls to its API.
#pragma once

#include <signal.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "http/support/http_client.hpp"
#include "http/support/serve_process.hpp"
#include "support/cli_fixture.hpp"

namespace jobcenter::testing {

class ServeTest : public CliTest {
protected:
    std::filesystem::path config_file = dir / "serve.conf";
    std::filesystem::path tokens_file = dir / "tokens";
    std::filesystem::path web_folder = dir / "web";
    // The config's keys beyond the files; a test changes them before start().
    std::map<std::string, std::string> settings{{"threads", "2"},
                                                {"request_timeout_seconds", "10"},
                                                {"idle_timeout_seconds", "10"},
                                                {"write_wait_seconds", "5"}};
    std::unique_ptr<ServeProcess> server;

    ServeTest() { quiet = true; }

    void write_config() {
        std::string text = "# written by the serve tests\n";
        text += "listen = 127.0.0.1:0\n";
        text += "database = " + db + "\n";
        text += "plugins = " + std::string(JOBCENTER_BUILD_DIR) + "/plugins\n";
        text += "schema = " + std::string(JOBCENTER_BUILD_DIR) + "/schema\n";
        text += "scripts = " + std::string(JOBCENTER_BUILD_DIR) + "/scripts\n";
        text += "tokens = " + tokens_file.string() + "\n";
        text += "web = " + web_folder.string() + "\n";
        for (const auto& [key, value] : settings) text += key + " = " + value + "\n";
        write_file(config_file, text);
    }

    // Writes the config and starts `jobcenter serve` on it; fails the test when it does not listen.
    void start(std::vector<std::string> extra_args = {}) {
        std::filesystem::create_directories(web_folder);
        write_config();
        std::vector<std::string> args{"serve", "--config", config_file.string()};
        args.insert(args.end(), extra_args.begin(), extra_args.end());
        server = std::make_unique<ServeProcess>(args, env, dir / "serve.stderr");
        ASSERT_TRUE(server->listening()) << "first line: '" << server->first_line() << "'\n" << server->stderr_text();
    }

    // SIGTERM, and the exit code.
    int stop() {
        if (!server) return 0;
        server->signal(SIGTERM);
        const int code = server->wait();
        return code;
    }

    void TearDown() override {
        if (server) {
            EXPECT_EQ(stop(), 0) << server->stderr_text();
        }
        server.reset();
        CliTest::TearDown();
    }

    // `jobcenter token add NAME --unit UNIT --role ROLE --tokens FILE` on this test's database (the unit must
    // exist in it): the secret it shows once.
    std::string add_token(const std::string& name, const std::string& unit, const std::string& role) {
        std::vector<std::string> args{"token", "add", name, "--role", role, "--tokens", tokens_file.string(),
                                      "--format=json"};
        if (!unit.empty()) args.insert(args.end(), {"--unit", unit});
        const RunResult r = jc(args);
        EXPECT_EQ(r.exit_code, 0) << r.err;
        if (r.exit_code != 0) return {};
        return std::string(boost::json::parse(r.out).at("secret").as_string());
    }

    // The database without its audit trail, which records refused requests too.
    std::string contents_but_audit() {
        std::string text = database_contents();
        const auto audit = text.find("[audit_log]\n");
        if (audit == std::string::npos) return text;
        const auto next = text.find("\n[", audit + 1);
        return text.erase(audit, next == std::string::npos ? std::string::npos : next + 1 - audit);
    }
    // The audit rows of requests (action 'request') as "actor|unit|role|command|outcome", oldest first.
    std::vector<std::string> request_audit() {
        auto opened = Database::open(db);
        auto rows = opened.prepare("SELECT actor || '|' || unit || '|' || role || '|' || subject_id || '|' || outcome "
                                   "FROM audit_log WHERE action = 'request' ORDER BY id");
        std::vector<std::string> out;
        while (rows.step()) out.push_back(rows.get_text(0));
        return out;
    }

    HttpConnection connect() { return HttpConnection(server->port()); }

    // POST /api/<path> with `body` as `token`, on a connection of its own.
    HttpReply api(const std::string& token, const std::string& path, const boost::json::value& body = boost::json::object{}) {
        return connect().post("/api/" + path, body, token);
    }
    HttpReply get(const std::string& target, const std::string& token = {}) { return connect().get(target, token); }
};

}  // namespace jobcenter::testing
