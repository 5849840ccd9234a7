// The end-to-end fixture of the register's tests: CliTest with the register's clusters as the tests
// compare them, and the register's own invariant checked after every test (record_key holds exactly the
// keys of source_record, and the trigger a bulk import defers is back).
#pragma once

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "support/cli_fixture.hpp"

namespace jobcenter::testing {

class RegisterCliTest : public CliTest {
protected:
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
    void expect_database_consistent() override {
        CliTest::expect_database_consistent();
        if (!std::filesystem::exists(db)) return;
        auto opened = Database::open(db);
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
};

}  // namespace jobcenter::testing
