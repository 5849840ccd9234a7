// The register's matching rules from Lua: the shipped defaults are the built-in ones, a unit can change
// each weight, and a weight of the wrong type or outside its range is refused with its name.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>

#include "../../plugins/register/match_rules.hpp"
#include "lua_sandbox.hpp"

namespace {
using namespace jobcenter;
using namespace jobcenter::register_plugin;
namespace json = boost::json;

ScriptValue table(json::object fields) { return ScriptValue{json::value(std::move(fields)), ScriptSite{"pakila", "register.lua", 3, "match"}}; }

#ifdef JOBCENTER_SOURCE_DIR
TEST(RegisterMatchRules, ShippedDefaultsAreTheBuiltInRules) {
    SandboxLimits limits;
    limits.memory_bytes = 8u << 20;
    limits.time_per_call = std::chrono::milliseconds(500);
    LuaSandbox box("", std::filesystem::path(JOBCENTER_SOURCE_DIR) / "scripts", limits);
    const MatchRules lua = match_rules_from(box.get("register", "match"));
    const MatchRules built_in;
    EXPECT_EQ(lua.link_score, built_in.link_score);
    EXPECT_EQ(lua.review_score, built_in.review_score);
    EXPECT_EQ(lua.name_weight, built_in.name_weight);
    EXPECT_EQ(lua.name_offset, built_in.name_offset);
    EXPECT_EQ(lua.phone_equal, built_in.phone_equal);
    EXPECT_EQ(lua.address_equal, built_in.address_equal);
    EXPECT_EQ(lua.address_similar, built_in.address_similar);
    EXPECT_EQ(lua.address_different, built_in.address_different);
    EXPECT_EQ(lua.address_unclear, built_in.address_unclear);
    EXPECT_EQ(lua.contact_at_other_building, built_in.contact_at_other_building);
    EXPECT_EQ(lua.sharing_penalty, built_in.sharing_penalty);
    EXPECT_EQ(lua.max_block, built_in.max_block);
}
#endif

TEST(RegisterMatchRules, AUnitCanChangeTheAddressLevels) {
    MatchRules rules = match_rules_from(table({{"address_similar", 3}, {"address_different", -9.5}, {"address_unclear", 0}}));
    EXPECT_EQ(rules.address_similar, 3);
    EXPECT_EQ(rules.address_different, -9.5);
    EXPECT_EQ(rules.address_unclear, 0);
    EXPECT_EQ(rules.address_equal, MatchRules{}.address_equal);  // fields left out keep their defaults
}

TEST(RegisterMatchRules, AddressWeightsOfTheWrongSignOrTypeAreRefused) {
    EXPECT_THROW(match_rules_from(table({{"address_similar", -1}})), ScriptError);
    EXPECT_THROW(match_rules_from(table({{"address_different", 2}})), ScriptError);
    EXPECT_THROW(match_rules_from(table({{"address_unclear", "low"}})), ScriptError);
    EXPECT_THROW(match_rules_from(table({{"address_levels", 1}})), ScriptError);
    EXPECT_THROW(match_rules_from(table({{"contact_at_other_building", 1.5}})), ScriptError);  // a share: 0..1
    EXPECT_EQ(match_rules_from(table({{"contact_at_other_building", 0}})).contact_at_other_building, 0);
    try {
        match_rules_from(table({{"address_different", 2}}));
    } catch (const ScriptError& e) {
        EXPECT_NE(std::string(e.what()).find("address_different"), std::string::npos) << e.what();
    }
}

}  // namespace
