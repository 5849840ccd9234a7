// A GoogleTest fixture for end-to-end tests of the jobcenter program: a fresh database in a temporary
// folder, a fixed clock, and helpers that run a command and parse its JSON output. Every test ends with
// SQLite's own check of every foreign key in that database, whatever the commands it ran.
#pragma once

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "jobcenter/database.hpp"
#include "support/test_support.hpp"

namespace jobcenter::testing {

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
    // `register export-clusters` as "unit/source_id" -> orderer id.
    std::map<std::string, std::int64_t> register_clusters() {
        std::map<std::string, std::int64_t> out;
        const boost::json::value exported = jc_json({"register", "export-clusters"});
        for (const auto& row : exported.at("rows").as_array())
            out[std::string(row.at("unit").as_string()) + "/" + std::string(row.at("source_id").as_string())] =
                row.at("orderer_id").as_int64();
        return out;
    }
    // Each record's cluster as the set of the records in it ("unit/source_id"): the partition, whatever the
    // orderer ids.
    std::map<std::string, std::set<std::string>> register_partition() {
        std::map<std::int64_t, std::set<std::string>> members;
        const auto ids = register_clusters();
        for (const auto& [record, orderer] : ids) members[orderer].insert(record);
        std::map<std::string, std::set<std::string>> out;
        for (const auto& [record, orderer] : ids) out[record] = members[orderer];
        return out;
    }
    // What every command must leave true of this test's database, checked at the end of each test (and by
    // a test before it moves on to a second database). Bulk commands check their foreign keys once before
    // they commit (ForeignKeyLedger): no row any command left may point nowhere.
    void TearDown() override { expect_database_consistent(); }
    void expect_database_consistent() {
        if (!std::filesystem::exists(db)) return;
        auto opened = Database::open(db);
        auto broken = opened.prepare("SELECT \"table\", rowid, parent FROM pragma_foreign_key_check");
        if (broken.step())
            ADD_FAILURE() << "a row of " << broken.get_text(0) << " (rowid " << broken.get_optional_text(1).value_or("-")
                          << ") points to a missing row of " << broken.get_text(2);
        // record_key holds exactly the keys of source_record, however they were written (by its triggers, or by
        // a bulk import in key order), and the trigger a bulk import defers is back.
        auto tables = opened.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'record_key'");
        if (!tables.step() || tables.get_int(0) == 0) return;
        auto differing = opened.prepare(
            "SELECT (SELECT count(*) FROM (SELECT * FROM source_record_keys EXCEPT SELECT * FROM record_key)),"
            "       (SELECT count(*) FROM (SELECT * FROM record_key EXCEPT SELECT * FROM source_record_keys)),"
            "       (SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name = 'record_keys_of_new_record')");
        differing.step();
        EXPECT_EQ(differing.get_int(0), 0) << "keys of source_record missing from record_key";
        EXPECT_EQ(differing.get_int(1), 0) << "rows of record_key that no source_record has";
        EXPECT_EQ(differing.get_int(2), 1) << "the trigger that adds a new record's keys is missing";
    }
    void add_unit(const std::string& name, const std::string& organisation = "KUTY") {
        auto r = jc({"unit", "add", name, "--title", "Unit " + name, "--organisation", organisation, "--role", "admin"});
        ASSERT_EQ(r.exit_code, 0) << r.err;
    }
};

}  // namespace jobcenter::testing
