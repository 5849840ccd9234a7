// End-to-end tests of the generator's orderers (tests/generator/matching_generator) in a real register: the
// orderers CSV imported into an empty register gives orderer n for row n, so the orders' register ids
// resolve, and the entry-time check finds each orderer by the business ID and name an order gives.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <map>

#include "generator/matching_generator.hpp"
#include "support/cli_fixture.hpp"

namespace {
namespace json = boost::json;
using jobcenter::testing::GeneratedOrderer;
using jobcenter::testing::MatchingGeneratorOptions;

class MatchingGeneratorOrderers : public jobcenter::testing::CliTest {
protected:
    MatchingGeneratorOrderers() { quiet = true; }

    // The generator's orderers, imported into this test's empty register by the unit pakila.
    std::vector<GeneratedOrderer> import_orderers(int count) {
        MatchingGeneratorOptions options;
        options.seed = 21;
        options.orderers = count;
        auto orderers = jobcenter::testing::matching_orderers(options);
        const auto csv = dir / "orderers.csv";
        jobcenter::testing::write_file(csv, jobcenter::testing::orderers_csv(orderers));
        add_unit("pakila");
        auto r = jc({"--unit", "pakila", "register", "import", csv.string()});
        EXPECT_EQ(r.exit_code, 0) << r.err;
        return orderers;
    }
};

TEST_F(MatchingGeneratorOrderers, ImportedIntoAnEmptyRegisterRowNBecomesOrdererN) {
    const auto orderers = import_orderers(60);
    const json::value list = jc_json({"register", "list", "--limit", "1000"});
    std::map<std::int64_t, json::object> listed;
    for (const auto& row : list.at("rows").as_array())
        listed[row.at("id").as_int64()] = row.as_object();
    ASSERT_EQ(listed.size(), orderers.size());
    for (const auto& o : orderers) {
        ASSERT_TRUE(listed.count(o.id)) << o.id;
        EXPECT_EQ(listed[o.id].at("name").as_string(), o.name) << o.id;
        EXPECT_EQ(listed[o.id].at("business_id").as_string(), o.business_id) << o.id;
    }
}

TEST_F(MatchingGeneratorOrderers, TheEntryTimeCheckFindsEachByBusinessIdAndName) {
    const auto orderers = import_orderers(60);
    for (std::size_t i = 0; i < orderers.size(); i += 7) {
        const auto& o = orderers[i];
        auto check = jc_json({"--unit", "pakila", "register", "check", "--name", o.name, "--business-id", o.business_id});
        int same = 0;
        for (const auto& m : check.at("matches").as_array()) {
            if (m.at("verdict").as_string() != "same orderer") continue;
            ++same;
            EXPECT_EQ(m.at("orderer").as_int64(), o.id) << o.name;
        }
        EXPECT_EQ(same, 1) << o.name << " " << o.business_id;
    }
}

}  // namespace
