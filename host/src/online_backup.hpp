// SQLite's online backup API for the host's administration commands: one run copying a whole database from
// one connection into another, and a copy of a live database into a new file that replaces nothing.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "jobcenter/database.hpp"

struct sqlite3;
struct sqlite3_backup;

namespace jobcenter {

// One backup run from `source` into `destination` ("main" into "main"). Until copy_all() succeeds the
// destination keeps its content: destroying the run earlier rolls its write transaction back.
class OnlineBackup {
public:
    // `live_database`, the Jobcenter database of the two, is what errors name.
    OnlineBackup(sqlite3* destination, sqlite3* source, std::filesystem::path live_database);
    OnlineBackup(const OnlineBackup&) = delete;
    OnlineBackup& operator=(const OnlineBackup&) = delete;
    ~OnlineBackup();

    // Takes the destination's write lock (waiting as its busy timeout says) and copies nothing yet; only a
    // source of no pages at all is copied, and committed, at once.
    void lock_destination();
    // Copies every page within one read snapshot of the source and commits the destination.
    void copy_all();

private:
    void step(int pages);
    sqlite3_backup* backup_ = nullptr;
    std::filesystem::path live_database_;
    bool done_ = false;
};

struct CopiedDatabase {
    std::filesystem::path file;
    std::uintmax_t bytes = 0;
};

// Copies `source` into `target`, a file that must not exist, in a folder that must: first into a temporary
// file of mode 0600 beside it, checked with PRAGMA integrity_check, then renamed into place. The copy is
// in rollback-journal mode, one self-contained file. Throws NotFoundError (no folder), RefusedError
// (target exists; the database is busy) or InternalError; leaves no temporary file behind.
CopiedDatabase copy_to_new_file(Database& source, const std::filesystem::path& target);

}  // namespace jobcenter
