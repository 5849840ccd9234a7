// The connection settings a plugin may ask for while a command runs (see jobcenter/connection_tuning.hpp).
#include "jobcenter/connection_tuning.hpp"

#include <string>

#include "jobcenter/errors.hpp"

namespace jobcenter {
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

PageCacheWhileAlive::PageCacheWhileAlive(Database& db, std::int64_t cache_kib)
    : db_(db), cache_size_(pragma_value(db, "cache_size")) {
    db_.exec("PRAGMA cache_size = " + std::to_string(-cache_kib));
}

PageCacheWhileAlive::~PageCacheWhileAlive() {
    try {
        db_.exec("PRAGMA cache_size = " + std::to_string(cache_size_));
    } catch (...) {
        // Only a memory setting of this connection: nothing to undo in the data.
    }
}

}  // namespace jobcenter
