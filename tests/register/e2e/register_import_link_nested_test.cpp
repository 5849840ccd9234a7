// `register import --link` called inside a transaction that is already open (a command calling another),
// where SQLite checks foreign keys row by row instead of once at the commit: the new records are then
// written without an orderer and all of them given theirs after the clustering. Same clusters as the
// usual top-level run, and no row pointing nowhere.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <map>
#include <memory>
#include <set>
#include <string>

#include "generator/register_generator.hpp"
#include "host_commands.hpp"
#include "host_services.hpp"
#include "router.hpp"
#include "support/test_support.hpp"
#include "terminal_progress.hpp"

namespace jobcenter {
namespace {
namespace json = boost::json;

class InProcessRegister {
public:
    explicit InProcessRegister(const std::filesystem::path& db)
        : router_(std::make_unique<CommandRouter>(
              HostPaths{db, JOBCENTER_BUILD_DIR "/plugins", JOBCENTER_SOURCE_DIR "/schema", JOBCENTER_SOURCE_DIR "/scripts"},
              load_plugins(JOBCENTER_BUILD_DIR "/plugins"), clock_, log_)) {
        add_host_commands(*router_);
    }
    json::value run(Role role, const char* group, const char* command, const json::object& args) {
        return router_->execute({"", role}, group, command, args, progress_);
    }
    Database& database() { return router_->database(); }
    // Each orderer's records ("unit/source_id"), as a set of groups: the partition, whatever the ids.
    std::set<std::set<std::string>> partition() {
        std::map<std::int64_t, std::set<std::string>> by_orderer;
        const json::value exported = run(Role::viewer, "register", "export-clusters", {});
        for (const auto& row : exported.at("rows").as_array())
            by_orderer[row.at("orderer_id").as_int64()].insert(std::string(row.at("unit").as_string()) + "/" +
                                                                std::string(row.at("source_id").as_string()));
        std::set<std::set<std::string>> groups;
        for (auto& [orderer, records] : by_orderer) groups.insert(std::move(records));
        return groups;
    }

private:
    SystemClock clock_;
    StderrLogger log_{Logger::Level::error};  // as --quiet: errors only
    TerminalProgress progress_{false};
    std::unique_ptr<CommandRouter> router_;
};

TEST(RegisterImportLinkNested, InsideAnOpenTransactionGivesTheSameClustersWithForeignKeysCheckedPerRow) {
    testing::TempDir dir;
    testing::GeneratorOptions options;
    options.records = 3000;
    options.seed = 11;
    testing::write_registers_csv(testing::generate_registers(options), dir / "registers.csv", false);
    const json::object import{{"file", (dir / "registers.csv").string()}, {"unit_column", "unit"}, {"link", true}};

    InProcessRegister top(dir / "top.db"), nested(dir / "nested.db");
    for (auto* r : {&top, &nested})
        for (const auto& unit : options.units)
            r->run(Role::admin, "unit", "add", {{"name", unit}, {"title", unit}, {"organisation", "KUTY"}});

    const json::value linked = top.run(Role::coordinator, "register", "import", import);
    nested.database().exec("BEGIN IMMEDIATE");
    const json::value linked_nested = nested.run(Role::coordinator, "register", "import", import);
    {
        auto enforced = nested.database().prepare("PRAGMA foreign_keys");
        ASSERT_TRUE(enforced.step());
        EXPECT_EQ(enforced.get_int(0), 1) << "inside an open transaction SQLite keeps checking each row";
    }
    nested.database().exec("COMMIT");

    EXPECT_EQ(linked.at("linked").at("orderers_created"), linked_nested.at("linked").at("orderers_created"));
    EXPECT_EQ(linked.at("linked").at("new_records_joined"), linked_nested.at("linked").at("new_records_joined"));
    const auto groups = top.partition();
    EXPECT_LT(groups.size(), options.records) << "some records were linked";
    EXPECT_EQ(nested.partition(), groups);
    auto broken = nested.database().prepare("SELECT count(*) FROM pragma_foreign_key_check");
    ASSERT_TRUE(broken.step());
    EXPECT_EQ(broken.get_int(0), 0);
}

}  // namespace
}  // namespace jobcenter
