// What the crash trials read of a database after a run: a hash of its whole content, and every finding
// of SQLite's own checks and of the register's merge-history rules.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace jobcenter::testing {

// The content of every table, independent of row order and page layout: two databases with the same
// rows in the same tables have the same hash.
struct ContentHash {
    std::uint64_t value = 0;
    std::uint64_t rows = 0;
    bool operator==(const ContentHash&) const = default;
};

ContentHash content_hash(const std::filesystem::path& db);

// Empty when all is well; otherwise one line per finding: `PRAGMA integrity_check` and
// `PRAGMA foreign_key_check` of the whole file, then the register's history rules (every source record
// in a live orderer, every merged-away orderer reaching a live one, merges and unmerges pointing at each
// other, a merge that stands leaving its merged-away orderer merged).
std::vector<std::string> consistency_findings(const std::filesystem::path& db);

// Folds the WAL into the file so that copying the file alone copies the database.
void checkpoint(const std::filesystem::path& db);

}  // namespace jobcenter::testing
