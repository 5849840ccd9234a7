// Writing many rows in one command: how large a page cache to ask the host for (connection_tuning.hpp),
// and a table's secondary indexes dropped before a big load and built again after it, in the same
// transaction.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "jobcenter/connection_tuning.hpp"
#include "jobcenter/database.hpp"

namespace jobcenter::register_plugin {

// Page cache for a command over `records` source records: about what their rows and indexes take,
// at least SQLite's default and at most 1 GiB.
std::int64_t bulk_cache_kib(std::size_t records);

// The indexes a table's CREATE INDEX statements made (not those of its PRIMARY KEY or UNIQUE
// constraints). drop() removes them; rebuild() creates them again exactly as they were, each in one
// sorted pass instead of one B-tree insert per row. Both run inside the caller's transaction, so a
// failure in between rolls the drop back too.
class DeferredIndexes {
public:
    void drop(Database& db, const std::string& table);
    // Drops only the named index of `table` (none when it does not exist).
    void drop_one(Database& db, const std::string& table, const std::string& index);
    void rebuild(Database& db);
    // Hands the named dropped index (if this one dropped it) to the returned object, to be built again
    // when that one rebuilds instead.
    DeferredIndexes split_off(const std::string& index);

private:
    void drop_where(Database& db, const std::string& table, const std::string* only);
    std::vector<std::pair<std::string, std::string>> dropped_;  // name, CREATE statement
};

// Whether writing `rows` rows into a table of `table_rows` is cheaper with its indexes built again after
// (one sorted pass each) than kept (an insert at a random place per row and index): at least 1,000 rows
// and an eighth of the table.
bool rebuilding_indexes_pays(std::size_t rows, std::int64_t table_rows);

// Rows in `table` (a name from code, never from input), a table whose rows are never deleted: its largest
// rowid, found without a scan (the count where ids were given one by one; more where some were left unused,
// as orderer ids an import that links reserved for records that joined others).
std::int64_t rows_of_append_only(Database& db, const std::string& table);

}  // namespace jobcenter::register_plugin
