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

}  // namespace jobcenter
