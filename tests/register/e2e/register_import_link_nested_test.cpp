// `register import --link` called inside a transaction that is already open (a command calling another),
// where SQLite checks foreign keys row by row instead of once at the commit: the new records are then
// written without an orderer and all of them given theirs after the clustering. Same clusters as the
// usual top-level run, and no row pointing nowhere.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "generator/register_generator.hpp"
#include "register/support/in_process_register.hpp"

namespace jobcenter {
namespace {
namespace json = boost::json;
using testing::InProcessRegister;

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
