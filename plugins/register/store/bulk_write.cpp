// Bulk-write settings of a connection and deferred index builds for the register's big commands.
#include "register/store/bulk_write.hpp"

#include <algorithm>

#include "jobcenter/errors.hpp"

namespace jobcenter::register_plugin {
namespace {

std::int64_t pragma_value(Database& db, const char* name) {
    auto q = db.prepare(std::string("PRAGMA ") + name);
    return q.step() ? q.get_int(0) : 0;
}

}  // namespace

BulkWriteSettings::BulkWriteSettings(Database& db, std::int64_t cache_kib)
    : db_(db),
      cache_size_(pragma_value(db, "cache_size")),
      temp_store_(pragma_value(db, "temp_store")),
      threads_(pragma_value(db, "threads")) {
    db_.exec("PRAGMA cache_size = " + std::to_string(-cache_kib));
    // SQLite refuses to change where temporary tables live once the temporary database is open inside a
    // transaction (a migration may have opened it): then sorts stay where they were, which is only slower.
    constexpr std::int64_t memory = 2;
    if (temp_store_ != memory) {
        try {
            db_.exec("PRAGMA temp_store = MEMORY");
        } catch (const Error&) {
            temp_store_ = memory;  // not changed: nothing to put back
        }
    }
    db_.exec("PRAGMA threads = 2");
}

BulkWriteSettings::~BulkWriteSettings() {
    try {
        db_.exec("PRAGMA cache_size = " + std::to_string(cache_size_));
        if (temp_store_ != 2) db_.exec("PRAGMA temp_store = " + std::to_string(temp_store_));
        db_.exec("PRAGMA threads = " + std::to_string(threads_));
    } catch (...) {
        // Only memory settings of this connection: nothing to undo in the data.
    }
}

MemoryMapOff::MemoryMapOff(Database& db) : db_(db), mmap_size_(pragma_value(db, "mmap_size")) {
    db_.exec("PRAGMA mmap_size = 0");
}

MemoryMapOff::~MemoryMapOff() {
    try {
        db_.exec("PRAGMA mmap_size = " + std::to_string(mmap_size_));
    } catch (...) {
        // Only a read setting of this connection: nothing to undo in the data.
    }
}

std::int64_t bulk_cache_kib(std::size_t records) {
    constexpr std::int64_t per_record_kib = 2;  // a source record, its orderer, tokens and index entries
    return std::clamp<std::int64_t>(static_cast<std::int64_t>(records) * per_record_kib, 2000, 1024 * 1024);
}

void DeferredIndexes::drop(Database& db, const std::string& table) { drop_where(db, table, nullptr); }

void DeferredIndexes::drop_one(Database& db, const std::string& table, const std::string& index) {
    drop_where(db, table, &index);
}

void DeferredIndexes::drop_where(Database& db, const std::string& table, const std::string* only) {
    const std::size_t first = dropped_.size();  // this call's indexes follow those dropped before
    {
        auto q = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL "
                            "ORDER BY name");
        q.bind(1, table);
        while (q.step())
            if (!only || q.get_text(0) == *only) dropped_.emplace_back(q.get_text(0), q.get_text(1));
    }
    for (std::size_t i = first; i < dropped_.size(); ++i) db.exec("DROP INDEX " + quote_identifier(dropped_[i].first));
}

void DeferredIndexes::rebuild(Database& db) {
    if (dropped_.empty()) return;
    // SQLite sorts an index's keys in runs as large as the page cache: with the bulk writers' large cache,
    // one run of a million keys, sorted on one thread with poor locality. Runs of 16 MiB sort faster (on the
    // sorter's helper threads too) and merge; dirty pages beyond the smaller cache go to the file early,
    // which the commit would do anyway.
    const std::int64_t cache = pragma_value(db, "cache_size");
    db.exec("PRAGMA cache_size = -16384");
    try {
        for (const auto& [name, sql] : dropped_) db.exec(sql);
    } catch (...) {
        db.exec("PRAGMA cache_size = " + std::to_string(cache));
        throw;
    }
    db.exec("PRAGMA cache_size = " + std::to_string(cache));
    dropped_.clear();
}

DeferredIndexes DeferredIndexes::split_off(const std::string& index) {
    DeferredIndexes out;
    auto it = std::find_if(dropped_.begin(), dropped_.end(), [&index](const auto& d) { return d.first == index; });
    if (it != dropped_.end()) {
        out.dropped_.push_back(std::move(*it));
        dropped_.erase(it);
    }
    return out;
}

bool rebuilding_indexes_pays(std::size_t rows, std::int64_t table_rows) {
    return rows >= 1000 && static_cast<std::int64_t>(rows) * 8 >= table_rows;
}

std::int64_t rows_of_append_only(Database& db, const std::string& table) {
    auto q = db.prepare("SELECT coalesce(max(rowid), 0) FROM " + quote_identifier(table));
    return q.step() ? q.get_int(0) : 0;
}

bool foreign_keys_checked_at_commit(Database& db) {
    auto q = db.prepare("PRAGMA foreign_keys");
    return q.step() && q.get_int(0) == 0;
}

}  // namespace jobcenter::register_plugin
