// The register's commands run in this process through one router, as a server runs them: one database
// connection and the plugins loaded once for every command, each command in a transaction of its own.
#pragma once

#include <boost/json.hpp>
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <string>

#include "host_commands.hpp"
#include "host_services.hpp"
#include "router.hpp"
#include "support/test_support.hpp"
#include "terminal_progress.hpp"

namespace jobcenter::testing {

class InProcessRegister {
public:
    explicit InProcessRegister(const std::filesystem::path& db)
        : router_(std::make_unique<CommandRouter>(
              HostPaths{db, JOBCENTER_BUILD_DIR "/plugins", JOBCENTER_SOURCE_DIR "/schema", JOBCENTER_SOURCE_DIR "/scripts"},
              load_plugins(JOBCENTER_BUILD_DIR "/plugins"), clock_, log_)) {
        add_host_commands(*router_);
    }
    boost::json::value run(Role role, const char* group, const char* command, const boost::json::object& args,
                           const std::string& unit = {}) {
        return router_->execute({unit, role}, group, command, args, progress_);
    }
    Database& database() { return router_->database(); }
    // Each orderer's records ("unit/source_id"), as a set of groups: the partition, whatever the ids.
    std::set<std::set<std::string>> partition() {
        std::map<std::int64_t, std::set<std::string>> by_orderer;
        const boost::json::value exported = run(Role::viewer, "register", "export-clusters", {});
        for (const auto& row : exported.at("rows").as_array())
            by_orderer[row.at("orderer_id").as_int64()].insert(std::string(row.at("unit").as_string()) + "/" +
                                                                std::string(row.at("source_id").as_string()));
        std::set<std::set<std::string>> groups;
        for (auto& [orderer, records] : by_orderer) groups.insert(std::move(records));
        return groups;
    }

private:
    SystemClock clock_;
    StderrLogger log_{Logger::Level::error};  // as --quiet: errors only
    TerminalProgress progress_{false};
    std::unique_ptr<CommandRouter> router_;
};

}  // namespace jobcenter::testing
