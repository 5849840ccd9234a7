// The connection settings a plugin may ask the host for while a command runs: each is in force while its
// guard lives and the connection's own setting is back after.
#include <gtest/gtest.h>

#include <string>

#include "jobcenter/connection_tuning.hpp"
#include "jobcenter/database.hpp"
#include "support/test_support.hpp"

namespace {
using namespace jobcenter;

std::int64_t pragma(Database& db, const char* name) {
    auto q = db.prepare(std::string("PRAGMA ") + name);
    EXPECT_TRUE(q.step());
    return q.get_int(0);
}

TEST(BulkWriteSettings, RaiseTheCacheWhileAliveAndPutTheOldSettingsBack) {
    auto db = Database::open(":memory:");
    const auto cache = pragma(db, "cache_size"), temp = pragma(db, "temp_store"), threads = pragma(db, "threads");
    {
        BulkWriteSettings bulk(db, 200000);
        EXPECT_EQ(pragma(db, "cache_size"), -200000);
        EXPECT_EQ(pragma(db, "temp_store"), 2);
        EXPECT_EQ(pragma(db, "threads"), 2);
    }
    EXPECT_EQ(pragma(db, "cache_size"), cache);
    EXPECT_EQ(pragma(db, "temp_store"), temp);
    EXPECT_EQ(pragma(db, "threads"), threads);
}

TEST(MemoryMapOff, ReadsWithoutTheMapWhileAliveAndMapsAgainAfter) {
    jobcenter::testing::TempDir dir;
    auto db = Database::open(dir / "mapped.db");
    const auto mapped = pragma(db, "mmap_size");
    ASSERT_GT(mapped, 0);
    {
        MemoryMapOff off(db);
        EXPECT_EQ(pragma(db, "mmap_size"), 0);
    }
    EXPECT_EQ(pragma(db, "mmap_size"), mapped);
}

TEST(PageCacheWhileAlive, SetsTheCacheAndPutsTheOldSizeBack) {
    auto db = Database::open(":memory:");
    const auto cache = pragma(db, "cache_size");
    {
        PageCacheWhileAlive small(db, 16384);
        EXPECT_EQ(pragma(db, "cache_size"), -16384);
    }
    EXPECT_EQ(pragma(db, "cache_size"), cache);
}

}  // namespace
