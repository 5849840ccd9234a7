// `jobcenter restore FILE`: the database's content replaced by a checked backup's, with a safety copy of
// what it held before.
#pragma once

#include <boost/json.hpp>
#include <filesystem>

#include "jobcenter/context.hpp"
#include "router.hpp"

namespace jobcenter {

// Refuses `file` (InputError naming it and the check that failed) unless it is a SQLite database that
// passes PRAGMA integrity_check and foreign_key_check and records migrations of the host that this
// installation has, unchanged. Then, holding the database's write lock, copies the database to
// <db>.before-restore-<UTC time> (when it has content) and copies `file` into it with the online backup
// API, so other connections see the old content or the new, never a mix. Nothing changes when any step
// before the last fails. Records the restore in the audit log of the restored content.
boost::json::object restore_database(const CommandRouter& router, const std::filesystem::path& file,
                                     const Clock& clock);

}  // namespace jobcenter
