// End-to-end tests that an incremental dedupe run gives exactly the clusters of a run over the whole
// register on the same records: new records, records changed in place by a re-import (name, phone, street,
// email), through `register dedupe` and through `register import --link`, on generated registers.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <string>
#include <vector>

#include "generator/register_generator.hpp"
#include "register/support/register_cli_fixture.hpp"

namespace {
using jobcenter::testing::GeneratedRecord;

class RegisterIncremental : public jobcenter::testing::RegisterCliTest {
protected:
    RegisterIncremental() { quiet = true; }

    // A generated register in two files: nine records in ten first; then the tenth, with every 37th record
    // of the first file changed in place (another record's name, no phone, another street or another email).
    // 3,600 and 4,000 records are within one step of the register's size (3,328 to 4,095), so the second
    // run may be incremental.
    void write_files(std::uint64_t seed) {
        jobcenter::testing::GeneratorOptions options;
        options.records = 4000;
        options.seed = seed;
        units = options.units;
        const auto records = jobcenter::testing::generate_registers(options);
        std::vector<GeneratedRecord> first, later;
        for (std::size_t i = 0; i < records.size(); ++i) (i % 10 == 9 ? later : first).push_back(records[i]);
        for (std::size_t i = 0; i < first.size(); i += 37) {
            const std::size_t k = i / 37;
            GeneratedRecord changed = first[i];
            const GeneratedRecord& other = first[(i * 7919 + 13) % first.size()];
            switch (k % 4) {
                case 0: changed.name = other.name; break;
                case 1: changed.phone.clear(); break;
                case 2:
                    changed.street = other.street;
                    changed.postcode = other.postcode;
                    break;
                default: changed.email = other.email; break;
            }
            later.push_back(changed);
        }
        jobcenter::testing::write_registers_csv(first, dir / "first.csv", false);
        jobcenter::testing::write_registers_csv(later, dir / "later.csv", false);
    }

    boost::json::value import(const char* file, bool link) {
        std::vector<std::string> args{"register", "import", (dir / file).string(), "--unit-column", "unit", "--role", "coordinator"};
        if (link) args.push_back("--link");
        return jc_json(args);
    }

    // The partition of a register given both files at once and a run over the whole of it.
    std::map<std::string, std::set<std::string>> whole_run_partition(const std::string& name) {
        expect_database_consistent();
        db = (dir / name).string();
        for (const auto& unit : units) add_unit(unit);
        import("first.csv", false);
        import("later.csv", false);
        auto whole = jc_json({"register", "dedupe", "--full", "--role", "coordinator"});
        EXPECT_EQ(whole.at("mode").as_string(), "full");
        return register_partition();
    }

    std::vector<std::string> units;
};

TEST_F(RegisterIncremental, ADedupeAfterNewAndChangedRecordsGivesTheClustersOfAWholeRun) {
    for (std::uint64_t seed : {3u, 8u}) {
        SCOPED_TRACE("seed " + std::to_string(seed));
        db = (dir / ("incremental-" + std::to_string(seed) + ".db")).string();
        write_files(seed);
        for (const auto& unit : units) add_unit(unit);
        import("first.csv", false);
        jc_json({"register", "dedupe", "--role", "coordinator"});
        auto later = import("later.csv", false);
        EXPECT_GT(later.at("updated").as_int64(), 90);
        auto run = jc_json({"register", "dedupe", "--role", "coordinator"});
        ASSERT_EQ(run.at("mode").as_string(), "incremental") << run.at("why").as_string();
        EXPECT_LT(run.at("reclustered").as_int64(), run.at("records").as_int64());
        const auto incremental = register_partition();
        EXPECT_EQ(incremental, whole_run_partition("whole-" + std::to_string(seed) + ".db"));
    }
}

TEST_F(RegisterIncremental, AnImportThatLinksGivesTheClustersOfAWholeRun) {
    write_files(5);
    for (const auto& unit : units) add_unit(unit);
    import("first.csv", true);
    auto later = import("later.csv", true);
    ASSERT_EQ(later.at("linked").at("mode").as_string(), "incremental") << later.at("linked").at("why").as_string();
    const auto incremental = register_partition();
    EXPECT_EQ(incremental, whole_run_partition("whole.db"));
}

// Past a step of the register's size every name word weighs differently: the run is over the whole register,
// and says why.
TEST_F(RegisterIncremental, ARegisterGrownPastASizeStepIsRunWhole) {
    jobcenter::testing::GeneratorOptions options;
    options.records = 1400;
    options.seed = 4;
    units = options.units;
    const auto records = jobcenter::testing::generate_registers(options);
    std::vector<GeneratedRecord> first(records.begin(), records.begin() + 1000), later(records.begin() + 1000, records.end());
    jobcenter::testing::write_registers_csv(first, dir / "first.csv", false);
    jobcenter::testing::write_registers_csv(later, dir / "later.csv", false);
    for (const auto& unit : units) add_unit(unit);
    import("first.csv", true);
    auto grown = import("later.csv", true).at("linked");
    EXPECT_EQ(grown.at("mode").as_string(), "full");
    EXPECT_NE(grown.at("why").as_string().find("grew past a step of its size"), boost::json::string::npos);
}

}  // namespace
