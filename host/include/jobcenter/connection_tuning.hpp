// Settings of a command's connection that the host owns and a plugin may ask for while a command runs:
// a large page cache for a bulk write, and reading without the memory map. Each puts back the
// connection's own settings when it goes; neither touches the data.
#pragma once

#include "jobcenter/export.hpp"

#include <cstdint>

#include "jobcenter/database.hpp"

namespace jobcenter {

// While alive, the connection keeps up to `cache_kib` KiB of pages in memory (instead of spilling a big
// transaction to the WAL and reading it back), sorts in memory and may sort on two threads; the
// destructor puts back the connection's own settings.
class JOBCENTER_API BulkWriteSettings {
public:
    BulkWriteSettings(Database& db, std::int64_t cache_kib);
    ~BulkWriteSettings();
    BulkWriteSettings(const BulkWriteSettings&) = delete;
    BulkWriteSettings& operator=(const BulkWriteSettings&) = delete;

private:
    Database& db_;
    std::int64_t cache_size_;
    std::int64_t temp_store_;
    std::int64_t threads_;
};

// For a command that reads most of a large table: pages come through SQLite's own bounded page cache
// instead of the memory map the host opens with, whose touched pages would all count towards the
// process's memory. Restores the map size after.
class JOBCENTER_API MemoryMapOff {
public:
    explicit MemoryMapOff(Database& db);
    ~MemoryMapOff();
    MemoryMapOff(const MemoryMapOff&) = delete;
    MemoryMapOff& operator=(const MemoryMapOff&) = delete;

private:
    Database& db_;
    std::int64_t mmap_size_;
};

// While alive, the connection's page cache is `cache_kib` KiB (SQLite sorts an index build's keys in runs
// as large as the page cache); the size before comes back after.
class JOBCENTER_API PageCacheWhileAlive {
public:
    PageCacheWhileAlive(Database& db, std::int64_t cache_kib);
    ~PageCacheWhileAlive();
    PageCacheWhileAlive(const PageCacheWhileAlive&) = delete;
    PageCacheWhileAlive& operator=(const PageCacheWhileAlive&) = delete;

private:
    Database& db_;
    std::int64_t cache_size_;
};

}  // namespace jobcenter
