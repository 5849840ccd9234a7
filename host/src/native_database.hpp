// The host's own access to a Database's SQLite connection (hooks, checkpoints, migrations scripts).
// Not part of the plugin SDK: plugins reach the database only through Database and Statement.
#pragma once

#include "jobcenter/database.hpp"
#include "jobcenter/export.hpp"

namespace jobcenter {

JOBCENTER_API sqlite3* native_handle(const Database& db);
JOBCENTER_API int busy_timeout_ms(const Database& db);
// The database's file as SQLite resolved it (absolute); empty for an in-memory database.
JOBCENTER_API std::filesystem::path database_file(const Database& db);

}  // namespace jobcenter
