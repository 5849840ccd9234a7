// The checkpoint after a bulk command: SQLite's TRUNCATE checkpoint with the busy handler off for its length.
#include "wal_checkpoint.hpp"

#include <sqlite3.h>

#include "native_database.hpp"

namespace jobcenter {

void truncate_wal_without_waiting(Database& db) {
    if (db.in_transaction() || db.path() == ":memory:") return;
    sqlite3* handle = native_handle(db);
    sqlite3_busy_timeout(handle, 0);
    // A busy result only means other connections kept part of the WAL in use; the commit stands either way.
    (void)sqlite3_wal_checkpoint_v2(handle, "main", SQLITE_CHECKPOINT_TRUNCATE, nullptr, nullptr);
    sqlite3_busy_timeout(handle, busy_timeout_ms(db));
}

}  // namespace jobcenter
