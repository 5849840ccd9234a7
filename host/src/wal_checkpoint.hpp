// Folding a bulk command's WAL back into the database file once it has committed, without waiting for anyone.
#pragma once

#include "jobcenter/database.hpp"

namespace jobcenter {

// Copies the WAL into the database file and truncates it to nothing, so a large import leaves no WAL the size
// of the database behind. Does not wait: when another connection is reading or writing it copies what it can
// and stops (the next checkpoint catches up). Outside a transaction only; a no-op in memory.
void truncate_wal_without_waiting(Database& db);

}  // namespace jobcenter
