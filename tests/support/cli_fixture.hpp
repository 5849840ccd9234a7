// A GoogleTest fixture for end-to-end tests of the jobcenter program: a fresh database in a temporary
// folder, a fixed clock, and helpers that run a command and parse its JSON output.
#pragma once

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <map>
#include <string>
#include <vector>

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
    void add_unit(const std::string& name, const std::string& organisation = "KUTY") {
        auto r = jc({"unit", "add", name, "--title", "Unit " + name, "--organisation", organisation, "--role", "admin"});
        ASSERT_EQ(r.exit_code, 0) << r.err;
    }
};

}  // namespace jobcenter::testing
