// The register's matching rules from Lua: the shipped defaults are the built-in ones and docs/scripts.md
// lists them as they are, a unit can change each weight, and a weight of the wrong type or outside its
// range is refused with its name.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "lua_sandbox.hpp"
#include "register/scoring/match_rules.hpp"

namespace {
using namespace jobcenter;
using namespace jobcenter::register_plugin;
namespace json = boost::json;

ScriptValue table(json::object fields) { return ScriptValue{json::value(std::move(fields)), ScriptSite{"pakila", "register.lua", 3, "match"}}; }

// The built-in rules as "field value" pairs, from the fingerprint dedupe keeps ("link_score 6",
// "blocking.phone on").
std::map<std::string, std::string> built_in_values() {
    std::map<std::string, std::string> out;
    std::istringstream parts(rules_fingerprint(MatchRules{}));
    for (std::string part; std::getline(parts, part, ';');) {
        part.erase(0, part.find_first_not_of(' '));
        const auto space = part.rfind(' ');
        std::string field = part.substr(0, space), value = part.substr(space + 1);
        if (field == "scoring") continue;
        if (field.rfind("blocking.", 0) == 0) {
            field.erase(0, std::string("blocking.").size());
            if (value == "on") value = "true";
            if (value == "off") value = "false";
            field = "blocking " + field;
        }
        out[field] = value;
    }
    return out;
}

// The rows `| `field` | default | ...` of the tables under docs/scripts.md's M.match and M.blocking
// headings, with the default as the code writes it (a typographic minus becomes '-', backticks go).
std::map<std::string, std::string> documented_values() {
    std::ifstream in(std::filesystem::path(JOBCENTER_SOURCE_DIR) / "docs/scripts.md");
    std::map<std::string, std::string> out;
    std::string section;
    for (std::string line; std::getline(in, line);) {
        if (line.rfind("### `M.match`", 0) == 0) section = "match";
        else if (line.rfind("### `M.blocking`", 0) == 0) section = "blocking";
        else if (line.rfind("#", 0) == 0) section.clear();
        if (section.empty() || line.rfind("| `", 0) != 0) continue;
        const auto field_end = line.find('`', 3);
        const std::string field = line.substr(3, field_end - 3);
        const auto value_start = line.find('|', field_end) + 1;
        std::string value = line.substr(value_start, line.find('|', value_start) - value_start);
        std::string plain;
        for (std::size_t k = 0; k < value.size(); ++k) {
            if (value.compare(k, 3, "\xe2\x88\x92") == 0) {
                plain += '-';
                k += 2;
            } else if (value[k] != ' ' && value[k] != '`') {
                plain += value[k];
            }
        }
        out[(section == "blocking" ? "blocking " : "") + field] = plain;
    }
    return out;
}

TEST(RegisterMatchRules, ShippedDefaultsAreTheBuiltInRules) {
    SandboxLimits limits;
    limits.memory_bytes = 8u << 20;
    limits.time_per_call = std::chrono::milliseconds(500);
    LuaSandbox box("", std::filesystem::path(JOBCENTER_SOURCE_DIR) / "scripts", limits);
    MatchRules shipped = match_rules_from(box.get("register", "match"));
    shipped.blocking = blocking_rules_from(box.get("register", "blocking"));
    EXPECT_EQ(rules_fingerprint(shipped), rules_fingerprint(MatchRules{}));
}

TEST(RegisterMatchRules, TheDocumentedValuesAreTheBuiltInOnes) {
    const auto documented = documented_values();
    const auto built_in = built_in_values();
    ASSERT_FALSE(documented.empty()) << "no rule tables found in docs/scripts.md";
    for (const auto& [field, value] : built_in) {
        const auto row = documented.find(field);
        if (row == documented.end()) {
            ADD_FAILURE() << field << " is not documented in docs/scripts.md";
            continue;
        }
        EXPECT_EQ(row->second, value) << field << ": docs/scripts.md says " << row->second << ", the code " << value;
    }
    for (const auto& [field, value] : documented)
        EXPECT_TRUE(built_in.count(field)) << "docs/scripts.md documents " << field << ", which the code does not have";
}

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
