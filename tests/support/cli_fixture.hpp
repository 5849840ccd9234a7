// A GoogleTest fixture for end-to-end tests of the jobcenter program: a fresh database in a temporary
// folder, a fixed clock, helpers that run a command and parse its JSON output, and the whole database as text
// (to see that a refused command changed nothing). Every test ends with
// SQLite's own check of every foreign key in that database, whatever the commands it ran.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "jobcenter/database.hpp"
#include "support/test_support.hpp"

namespace jobcenter::testing {

// Every row of every table of `db` as text, table by table, rows sorted; tables named in `skipped` are left out.
inline std::string database_text(const std::string& db, const std::vector<std::string>& skipped = {}) {
    auto opened = Database::open(db);
    std::vector<std::string> tables;
    auto names = opened.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                                "ORDER BY name");
    while (names.step())
        if (std::find(skipped.begin(), skipped.end(), names.get_text(0)) == skipped.end())
            tables.push_back(names.get_text(0));
    std::string out;
    for (const auto& table : tables) {
        std::vector<std::string> lines;
        auto rows = opened.prepare("SELECT * FROM " + quote_identifier(table));
        while (rows.step()) {
            std::string line;
            for (int c = 0; c < rows.column_count(); ++c) line += (rows.is_null(c) ? "NULL" : rows.get_text(c)) + "|";
            lines.push_back(std::move(line));
        }
        std::sort(lines.begin(), lines.end());
        out += "[" + table + "]\n";
        for (const auto& line : lines) out += line + "\n";
    }
    return out;
}

class CliTest : public ::testing::Test {
protected:
    TempDir dir;
    std::string db = (dir / "test.db").string();
    std::vector<std::string> env{"JOBCENTER_NOW=2026-01-15T10:00:00Z"};
    bool quiet = false;  // --quiet: no warnings on stderr (set by tests that do not look at stderr)

    // Runs jobcenter on this test's database.
    RunResult jc(std::vector<std::string> args, const std::string& input = {}) {
        args.insert(args.begin(), {"--db", db});
        if (quiet) args.insert(args.begin(), "--quiet");
        return run_jobcenter(args, input, env);
    }
    // Runs with --format=json, expects exit 0, returns the parsed output.
    boost::json::value jc_json(std::vector<std::string> args) {
        args.push_back("--format=json");
        auto r = jc(args);
        EXPECT_EQ(r.exit_code, 0) << r.err;
        return r.out.empty() ? boost::json::value() : boost::json::parse(r.out);
    }
    // What every command must leave true of this test's database, checked at the end of each test (and by
    // a test before it moves on to a second database). Bulk commands check their foreign keys once before
    // they commit (ForeignKeyLedger): no row any command left may point nowhere. A plugin's fixture adds
    // the invariants of its own tables.
    void TearDown() override { expect_database_consistent(); }
    virtual void expect_database_consistent() {
        if (!std::filesystem::exists(db)) return;
        auto opened = Database::open(db);
        auto broken = opened.prepare("SELECT \"table\", rowid, parent FROM pragma_foreign_key_check");
        if (broken.step())
            ADD_FAILURE() << "a row of " << broken.get_text(0) << " (rowid " << broken.get_optional_text(1).value_or("-")
                          << ") points to a missing row of " << broken.get_text(2);
    }
    // Every row of every table as text (database_text): equal before and after a refused command when the command
    // changed nothing.
    std::string database_contents() { return database_text(db); }
    void add_unit(const std::string& name, const std::string& organisation = "KUTY") {
        auto r = jc({"unit", "add", name, "--title", "Unit " + name, "--organisation", organisation, "--role", "admin"});
        ASSERT_EQ(r.exit_code, 0) << r.err;
    }
};

}  // namespace jobcenter::testing
