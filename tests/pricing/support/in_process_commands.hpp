// Runs the real commands in this process through the host's router, as the command line does (the caller's role
// checked, each command in a transaction of its own, calls between plugins through the router), on a fixed clock:
// what the payroll tests use to build their data without starting a process per command.
#pragma once

#include <boost/json.hpp>
#include <chrono>
#include <filesystem>
#include <string>
#include <string_view>

#include "host_services.hpp"
#include "plugin_loader.hpp"
#include "router.hpp"
#include "support/test_support.hpp"
#include "terminal_progress.hpp"

namespace jobcenter::testing {

// A clock standing still at one instant.
class FixedClock final : public Clock {
public:
    explicit FixedClock(const std::string& instant) : at_(parse_utc_instant(instant, "the test's clock")) {}
    std::chrono::system_clock::time_point now() const override { return at_; }

private:
    std::chrono::system_clock::time_point at_;
};

class InProcessCommands {
public:
    // The built plugins and schema; `scripts` the Lua folder (the built copy of scripts/ unless a test gives one).
    InProcessCommands(const std::filesystem::path& db, const std::filesystem::path& scripts, const std::string& now)
        : clock_(now),
          router_(HostPaths{db, std::filesystem::path(JOBCENTER_BUILD_DIR) / "plugins",
                            std::filesystem::path(JOBCENTER_BUILD_DIR) / "schema", scripts},
                  load_plugins(std::filesystem::path(JOBCENTER_BUILD_DIR) / "plugins"), clock_, log_) {}

    // Runs `group command` (its table name: "gig-propose") as `caller`; throws the command's Error when refused.
    boost::json::value run(const Caller& caller, std::string_view group, std::string_view command,
                           const boost::json::object& args) {
        return router_.execute(caller, group, command, args, progress_);
    }

private:
    FixedClock clock_;
    SilentLogger log_;
    TerminalProgress progress_{false};
    CommandRouter router_;
};

}  // namespace jobcenter::testing
