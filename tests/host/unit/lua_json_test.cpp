// Tests of the Boost.JSON <-> Lua conversion on a bare Lua state: nested values survive the round trip,
// the few JSON shapes Lua cannot tell apart come back as documented, and what is not data is refused.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

extern "C" {
#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>
}

#include <cstdint>
#include <limits>
#include <memory>
#include <string>

#include "jobcenter/errors.hpp"
#include "lua_json.hpp"

namespace jobcenter {
namespace {

namespace json = boost::json;
using ::testing::HasSubstr;

class LuaJsonTest : public ::testing::Test {
protected:
    void SetUp() override { luaL_openlibs(L()); }
    lua_State* L() { return state_.get(); }

    json::value round_trip(const json::value& value) {
        lua_json::push(L(), value);
        json::value back = lua_json::read(L(), -1);
        lua_pop(L(), 1);
        return back;
    }

    // The value the Lua expression `expression` evaluates to, read as data.
    json::value read_lua(const std::string& expression) {
        std::string chunk = "return " + expression;
        EXPECT_EQ(luaL_dostring(L(), chunk.c_str()), LUA_OK) << lua_tostring(L(), -1);
        json::value value = lua_json::read(L(), -1);
        lua_settop(L(), 0);
        return value;
    }

    // The message of the DataError reading `expression` throws.
    std::string refusal(const std::string& expression) {
        try {
            read_lua(expression);
        } catch (const lua_json::DataError& e) {
            lua_settop(L(), 0);
            return e.what();
        }
        ADD_FAILURE() << "expected a DataError for " << expression;
        return {};
    }

private:
    std::unique_ptr<lua_State, decltype(&lua_close)> state_{luaL_newstate(), &lua_close};
};

TEST_F(LuaJsonTest, NestedValuesSurviveTheRoundTrip) {
    auto value = json::parse(R"({"name": "Töölön kirjasto", "count": 3, "ratio": 0.25, "open": true,
                                 "rooms": [{"id": 1, "seats": [10, 12]}, {"id": 2, "tags": ["a", "b"]}],
                                 "deep": [[[[["bottom"]]]]], "negative": -7})");
    EXPECT_EQ(round_trip(value), value);
    EXPECT_TRUE(round_trip(json::value(2.0)).is_double());
    EXPECT_TRUE(round_trip(json::value(2)).is_int64());
}

TEST_F(LuaJsonTest, ShapesLuaCannotTellApartComeBackAsDocumented) {
    EXPECT_EQ(round_trip(json::parse(R"({"a": 1, "gone": null})")), json::parse(R"({"a": 1})"));
    EXPECT_EQ(round_trip(json::array{}), json::object{});
    EXPECT_EQ(round_trip(json::parse(R"({"1": "x"})")), json::parse(R"({"1": "x"})"));
    EXPECT_EQ(round_trip(nullptr), json::value(nullptr));
    std::uint64_t beyond = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()) + 1;
    EXPECT_TRUE(round_trip(beyond).is_double());
    EXPECT_EQ(round_trip(std::uint64_t{7}), json::value(7));
}

TEST_F(LuaJsonTest, ArgumentsNestedTooDeeplyAreRefused) {
    json::value value = json::array{};
    for (int i = 0; i < 65; ++i) value = json::array{value};
    try {
        lua_json::push(L(), value);
        ADD_FAILURE() << "expected an InternalError";
    } catch (const InternalError& e) {
        EXPECT_STREQ(e.what(), "script arguments are nested deeper than 64 levels");
    }
}

TEST_F(LuaJsonTest, SequencesBecomeArraysAndOtherTablesObjects) {
    EXPECT_EQ(read_lua("{ 'a', 'b' }"), json::parse(R"(["a", "b"])"));
    EXPECT_EQ(read_lua("{ [1] = 'a', [3] = 'c' }"), json::parse(R"({"1": "a", "3": "c"})"));
    EXPECT_EQ(read_lua("{ x = { 1, { y = false } } }"), json::parse(R"({"x": [1, {"y": false}]})"));
}

TEST_F(LuaJsonTest, ReadingUsesRawAccessOnly) {
    EXPECT_EQ(read_lua("setmetatable({ a = 1 }, { __index = function() error('ran') end,"
                       " __pairs = function() error('ran') end })"),
              json::parse(R"({"a": 1})"));
}

TEST_F(LuaJsonTest, WhatIsNotDataIsRefusedWithItsReason) {
    EXPECT_EQ(refusal("print"), "returned a function where data was expected");
    EXPECT_EQ(refusal("0/0"), "returned NaN (not a number), e.g. from 0/0");
    EXPECT_EQ(refusal("-math.huge"), "returned -infinity");
    EXPECT_EQ(refusal("'\\xff'"), "returned a string that is not valid UTF-8");
    EXPECT_EQ(refusal("{ [true] = 1 }"),
              "returned a table with a boolean as a key; only string and integer keys can be data");
    EXPECT_EQ(refusal("{ [1] = 'a', ['1'] = 'b' }"), "returned a table with both 1 and \"1\" as keys");
    EXPECT_THAT(refusal("(function() local t = {} t.self = t return t end)()"),
                HasSubstr("nested deeper than 32 levels"));
}

TEST(LuaJsonKindName, NamesEachLuaType) {
    EXPECT_STREQ(lua_json::kind_name(LUA_TNIL), "nothing (nil)");
    EXPECT_STREQ(lua_json::kind_name(LUA_TTABLE), "a table");
    EXPECT_STREQ(lua_json::kind_name(LUA_TFUNCTION), "a function");
    EXPECT_STREQ(lua_json::kind_name(LUA_TUSERDATA), "a userdata");
}

}  // namespace
}  // namespace jobcenter
