// The page cache a bulk command asks for and deferred index builds for the register's big commands.
#include "register/store/bulk_write.hpp"

#include <algorithm>

namespace jobcenter::register_plugin {

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
    PageCacheWhileAlive sort_runs(db, 16384);
    for (const auto& [name, sql] : dropped_) db.exec(sql);
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

}  // namespace jobcenter::register_plugin
