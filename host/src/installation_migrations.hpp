// The migrations of this installation (the host's and each loaded plugin's schema folder) compared with what
// a database records, component by component, without changing anything: for restore and doctor.
#pragma once

#include <boost/json.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "jobcenter/database.hpp"
#include "migrations.hpp"
#include "router.hpp"

namespace jobcenter {

struct ComponentMigrations {
    std::string component;         // "host", or a plugin's name
    std::filesystem::path folder;  // its schema folder
    MigrationAudit audit;
};

struct InstallationMigrations {
    std::vector<ComponentMigrations> components;   // the host, the loaded plugins by name, then any other
    std::vector<std::string> unknown_components;   // recorded, but this installation has no folder for them
    bool records_host() const;                     // the database records the host's own migrations
};

// Audits `db` against the host's schema folder, every loaded plugin's, and the folder named after any
// other component the database records (when the schema folder has one).
InstallationMigrations audit_installation_migrations(Database& db, const CommandRouter& router);

// What a drifted migration means for this installation, in one clause: "it records the migration ...".
std::string describe_drift(const DriftedMigration& drift);

// One row per component for the commands' output: {"component", "applied" (how many), "newest" (file)}.
boost::json::array migrations_by_component(const std::vector<AppliedMigration>& migrations);

}  // namespace jobcenter
