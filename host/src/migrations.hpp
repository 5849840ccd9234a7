// Schema migrations: schema/<component>/NNN_name.sql applied in order, each in its own transaction,
// recorded in the schema_migration table with a checksum. Re-running is a no-op.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "jobcenter/database.hpp"

namespace jobcenter {

struct AppliedMigration {
    std::string component;
    int version = 0;
    std::string name;  // file name, e.g. "001_orderers.sql"
};

// Applies every migration of `folder` not yet recorded for `component`, in version order.
// Returns the ones applied now. A failing migration rolls back whole and throws InternalError naming
// the file, the statement number and its first line. A recorded migration whose file has changed since,
// a gap or repeat in numbering, or a file not named NNN_name.sql throws InputError and applies nothing.
std::vector<AppliedMigration> apply_migrations(Database& db, const std::filesystem::path& folder,
                                               const std::string& component);

// Every migration recorded in the database, ordered by component and version.
std::vector<AppliedMigration> applied_migrations(Database& db);

// How a recorded migration differs from this installation's file of the same number.
enum class MigrationDrift {
    unknown,  // no file has its number: a newer version (or another installation) applied it
    renamed,  // the file of its number has another name now
    changed,  // same name, but the file's checksum differs from the one recorded
};

struct DriftedMigration {
    MigrationDrift drift = MigrationDrift::unknown;
    std::string component;
    int version = 0;
    std::string recorded_name;   // as the database records it
    std::string file_name;       // this installation's file of that number; empty when unknown
    std::filesystem::path file;  // empty when unknown
    std::string applied_at;
};

// What a database records for one component against the files of its folder.
struct MigrationAudit {
    std::vector<AppliedMigration> applied;   // recorded, and matching their files
    std::vector<DriftedMigration> drifted;   // recorded, but missing, renamed or changed
    std::vector<AppliedMigration> pending;   // files the database has not applied yet
    bool clean() const { return drifted.empty() && pending.empty(); }
};

// Compares what `db` records for `component` with the files of `folder`, changing nothing. A folder whose
// files are misnamed or misnumbered throws as apply_migrations does.
MigrationAudit audit_migrations(Database& db, const std::filesystem::path& folder, const std::string& component);

}  // namespace jobcenter
