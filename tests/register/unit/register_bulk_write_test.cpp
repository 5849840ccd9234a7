// The register's bulk-write helpers: the raw-row JSON writer against Boost.JSON, deferred index builds
// that leave the schema as it was, and the page cache a bulk command asks for.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <string>
#include <vector>

#include "jobcenter/database.hpp"
#include "register/import/import_columns.hpp"
#include "register/store/bulk_write.hpp"

namespace {
using namespace jobcenter::register_plugin;
using jobcenter::Database;
using WrittenRow = std::vector<std::string>;

// A row as Boost.JSON serialises it: an array of strings in column order.
std::string boost_array(const WrittenRow& values) {
    boost::json::array array;
    for (const auto& v : values) array.emplace_back(v);
    return boost::json::serialize(array);
}

TEST(JsonStringArray, WritesWhatBoostJsonWrites) {
    const std::vector<WrittenRow> rows = {
        {"id", "Yritys", "Sähköposti", "Huom \"x\"", "", "tab\there"},
        {"1", "Esimerkki Oy", "info@esimerkki.fi", "", "", ""},
        {"2", "Siivous \"Puhdas\" Ky", "a\\b@c.fi", "rivi\nrivi", "\x01\x1f", "ä\xC2\xA0ö"},
        {"3", "", "", "", "", "</script>"},
        {},
    };
    for (const auto& row : rows) EXPECT_EQ(json_string_array(row), boost_array(row));
}

TEST(JsonStringArray, KeepsEveryColumnOfARepeatedHeader) {
    EXPECT_EQ(json_string_array(std::vector<std::string>{"a", "b", "a"}), R"(["a","b","a"])");
    EXPECT_EQ(json_string_array(std::vector<std::string_view>{"1", "2", "3"}), R"(["1","2","3"])");
}

std::vector<std::string> schema_of(Database& db) {
    std::vector<std::string> out;
    auto q = db.prepare("SELECT type || ' ' || name || ' ' || coalesce(sql, '') FROM sqlite_schema ORDER BY name");
    while (q.step()) out.push_back(q.get_text(0));
    return out;
}

TEST(DeferredIndexes, DropsOnlyCreatedIndexesAndRebuildsThemAsTheyWere) {
    auto db = Database::open(":memory:");
    db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT, b TEXT, UNIQUE (a, b));"
            "CREATE INDEX t_a ON t(a); CREATE INDEX t_b ON t(b) WHERE b IS NOT NULL;"
            "CREATE TABLE other (x); CREATE INDEX other_x ON other(x);");
    const auto before = schema_of(db);
    DeferredIndexes deferred;
    deferred.drop(db, "t");
    auto count = db.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND tbl_name = 't'");
    ASSERT_TRUE(count.step());
    EXPECT_EQ(count.get_int(0), 1);  // the UNIQUE constraint's own index stays
    count.reset();
    for (int i = 0; i < 100; ++i) db.prepare("INSERT INTO t(a, b) VALUES(?, ?)").bind(1, std::to_string(i % 7)).bind(2, std::to_string(i)).run();
    deferred.rebuild(db);
    EXPECT_EQ(schema_of(db), before);
    auto check = db.prepare("PRAGMA integrity_check");
    ASSERT_TRUE(check.step());
    EXPECT_EQ(check.get_text(0), "ok");
    EXPECT_EQ(rows_of_append_only(db, "t"), 100);
}

TEST(BulkCache, GrowsWithTheRecordsWithinBounds) {
    EXPECT_EQ(bulk_cache_kib(10), 2000);
    EXPECT_EQ(bulk_cache_kib(100000), 200000);
    EXPECT_EQ(bulk_cache_kib(100000000), 1024 * 1024);
}

}  // namespace
