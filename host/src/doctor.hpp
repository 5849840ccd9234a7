// `jobcenter doctor`: every check of the installation and its database, each a finding with what to do
// about it. The checks of each area live in a file of their own (doctor_*.cpp).
#pragma once

#include <boost/json.hpp>
#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "jobcenter/database.hpp"
#include "jobcenter/scripts.hpp"
#include "router.hpp"

namespace jobcenter {

enum class FindingStatus { ok, warning, problem };
std::string_view status_name(FindingStatus status);

struct Finding {
    std::string check;   // "database", "integrity", "foreign keys", "migrations", "plugins", "scripts",
                         // "permissions", "disk space"
    FindingStatus status = FindingStatus::ok;
    std::string detail;  // what was found, naming the file, unit, component or plugin
    std::string advice;  // what to do about it; empty when all is well
};
using Findings = std::vector<Finding>;

// Runs every check, in the order above, and never changes the database (it is neither created nor
// migrated).
Findings run_doctor(const CommandRouter& router);

// {"database", "status" (the worst finding's), "rows": the findings}.
boost::json::object doctor_report(const Findings& findings, const std::filesystem::path& database);

bool all_ok(const Findings& findings);
void append(Findings& to, Findings more);

// --- the checks of each area ---------------------------------------------------------------------------

// Integrity, foreign keys, and the migrations applied against this installation's (doctor_database.cpp).
Findings database_findings(Database& db, const CommandRouter& router);

// Each loaded plugin with its ABI and toolchain, each refused file with the reason (doctor_plugins.cpp).
Findings plugin_findings(const PluginSet& plugins, const std::filesystem::path& folder);

// Every file of scripts/defaults and of each scripts/units/<unit>, checked as `script check` does.
// `units` are the database's units when it could be read: a folder of no unit is a warning (doctor_scripts.cpp).
Findings script_findings(const std::filesystem::path& scripts_root, const std::vector<ScriptEntry>& entries,
                         const std::optional<std::set<std::string>>& units);

// Who may read or write the database, its -wal and -shm and its folder, and the free space beside it
// (doctor_files.cpp).
Findings file_findings(const std::filesystem::path& database);

}  // namespace jobcenter
