// The register's matching rules from Lua: the shipped defaults are the built-in ones, a unit can change
// each weight, and a weight of the wrong type or outside its range is refused with its name.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>

#include "lua_sandbox.hpp"
#include "register/scoring/match_rules.hpp"

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
    EXPECT_EQ(lua.review_per_orderer, built_in.review_per_orderer);
    const BlockingRules lua_keys = blocking_rules_from(box.get("register", "blocking"));
    const BlockingRules built_in_keys;
    EXPECT_EQ(lua_keys.business_id, built_in_keys.business_id);
    EXPECT_EQ(lua_keys.phone, built_in_keys.phone);
    EXPECT_EQ(lua_keys.email, built_in_keys.email);
    EXPECT_EQ(lua_keys.street, built_in_keys.street);
    EXPECT_EQ(lua_keys.name, built_in_keys.name);
    EXPECT_EQ(lua_keys.name_words, built_in_keys.name_words);
    EXPECT_EQ(lua_keys.name_word_prefix, built_in_keys.name_word_prefix);
    EXPECT_EQ(lua_keys.pair_whole, built_in_keys.pair_whole);
    EXPECT_EQ(lua_keys.window, built_in_keys.window);
    EXPECT_EQ(lua_keys.max_block, built_in_keys.max_block);
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


ScriptValue blocking(json::object fields) {
    return ScriptValue{json::value(std::move(fields)), ScriptSite{"pakila", "register.lua", 9, "blocking"}};
}

TEST(RegisterBlockingRules, AUnitCanTurnKeysOffAndChangeCounts) {
    BlockingRules keys = blocking_rules_from(blocking({{"phone", false}, {"name_words", 3}, {"window", 12}}));
    EXPECT_FALSE(keys.phone);
    EXPECT_EQ(keys.name_words, 3u);
    EXPECT_EQ(keys.window, 12u);
    EXPECT_TRUE(keys.email);  // keys left out keep their defaults
    EXPECT_EQ(keys.max_block, BlockingRules{}.max_block);
}

TEST(RegisterBlockingRules, WrongKeysTypesAndRangesAreRefusedByName) {
    auto message = [](json::object fields) -> std::string {
        try {
            blocking_rules_from(blocking(std::move(fields)));
        } catch (const ScriptError& e) {
            return e.what();
        }
        return "";
    };
    EXPECT_NE(message({{"phone", 1}}).find("phone"), std::string::npos);
    EXPECT_NE(message({{"name_words", 5}}).find("name_words"), std::string::npos);
    EXPECT_NE(message({{"postcode", true}}).find("postcode"), std::string::npos);
    EXPECT_NE(message({{"name_word_prefix", 2}}).find("name_word_prefix"), std::string::npos);
    EXPECT_NE(message({{"max_block", 1}}).find("max_block"), std::string::npos);
    EXPECT_NE(message({{"pair_whole", 0}}).find("pair_whole"), std::string::npos);
    EXPECT_NE(message({{"business_id", false}, {"phone", false}, {"email", false}, {"street", false}, {"name", false},
                       {"name_words", 0}, {"name_word_prefix", 0}})
                  .find("every key off"),
              std::string::npos);
    // max_block belongs under blocking; given directly under match, the error names its place.
    try {
        match_rules_from(table({{"max_block", 50}}));
        ADD_FAILURE() << "match.max_block was accepted";
    } catch (const ScriptError& e) {
        EXPECT_NE(std::string(e.what()).find("blocking.max_block"), std::string::npos) << e.what();
    }
}

TEST(RegisterBlockingRules, ChangedKeysChangeTheRulesFingerprint) {
    MatchRules rules;
    const std::string before = rules_fingerprint(rules);
    rules.blocking.email = false;
    EXPECT_NE(rules_fingerprint(rules), before);
}

}  // namespace
