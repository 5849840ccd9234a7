// Tests of what a library call costs the sandbox's budget: a byte of text or an element per instruction,
// Lua's positions (negative from the end, clamped to the text), and string.rep of nothing spotted.
#include <gtest/gtest.h>

#include "lua_sandbox_call_cost.hpp"

namespace jobcenter {
namespace {

using lua_call_cost::Argument;
using lua_call_cost::CallShape;
using lua_call_cost::LibraryFunction;
using Kind = Argument::Kind;

Argument text(double bytes) { return {Kind::string, bytes}; }
Argument number(double value) { return {Kind::number, value}; }
Argument table(double length) { return {Kind::table, length}; }

// A call with these arguments, the way the sandbox describes it.
CallShape call(std::initializer_list<Argument> arguments) {
    CallShape shape;
    for (const Argument& argument : arguments) {
        if (shape.count < CallShape::detailed) shape.first[static_cast<std::size_t>(shape.count)] = argument;
        if (argument.kind == Kind::string) shape.string_bytes += argument.size;
        ++shape.count;
    }
    return shape;
}

TEST(LuaCallCost, TextIsChargedByTheBytesWalked) {
    EXPECT_DOUBLE_EQ(lua_call_cost::before_call(LibraryFunction::string_upper, call({text(1000)})), 1000);
    EXPECT_DOUBLE_EQ(lua_call_cost::before_call(LibraryFunction::utf8_len, call({text(1000)})), 1000);
    EXPECT_DOUBLE_EQ(lua_call_cost::before_call(LibraryFunction::tonumber, call({text(30)})), 30);
    EXPECT_DOUBLE_EQ(lua_call_cost::before_call(LibraryFunction::string_format, call({text(2), text(500)})), 2 + 502);
    EXPECT_DOUBLE_EQ(lua_call_cost::for_bytes(4096), 4096);
}

TEST(LuaCallCost, RangesFollowLuasPositions) {
    // utf8.len(s, i, j): j defaults to the end; negative positions count from it; the range is clamped.
    EXPECT_DOUBLE_EQ(lua_call_cost::before_call(LibraryFunction::utf8_len, call({text(100), number(91)})), 10);
    EXPECT_DOUBLE_EQ(lua_call_cost::before_call(LibraryFunction::utf8_len, call({text(100), number(-5)})), 5);
    EXPECT_DOUBLE_EQ(lua_call_cost::before_call(LibraryFunction::utf8_len, call({text(100), number(1), number(1e9)})),
                     100);
    EXPECT_DOUBLE_EQ(lua_call_cost::before_call(LibraryFunction::utf8_len, call({text(100), number(50), number(10)})), 0);
    // string.byte(s, i, j) pushes one value per byte; j defaults to i.
    EXPECT_DOUBLE_EQ(lua_call_cost::before_call(LibraryFunction::string_byte, call({text(100)})), 1);
    EXPECT_DOUBLE_EQ(lua_call_cost::before_call(LibraryFunction::string_byte, call({text(100), number(1), number(-1)})),
                     100);
    EXPECT_DOUBLE_EQ(lua_call_cost::bytes_from(100, 1), 100);
    EXPECT_DOUBLE_EQ(lua_call_cost::bytes_from(100, -10), 10);
    EXPECT_DOUBLE_EQ(lua_call_cost::bytes_from(100, 200), 0);
    EXPECT_DOUBLE_EQ(lua_call_cost::bytes_from(100, -200), 100);
}

TEST(LuaCallCost, TableFunctionsAreChargedByTheElementsTheyVisit) {
    EXPECT_DOUBLE_EQ(lua_call_cost::before_call(LibraryFunction::table_insert, call({table(1000), number(1), text(1)})),
                     1000);
    EXPECT_DOUBLE_EQ(lua_call_cost::before_call(LibraryFunction::table_insert, call({table(1000), text(1)})), 1);
    EXPECT_DOUBLE_EQ(lua_call_cost::before_call(LibraryFunction::table_move,
                                                call({table(0), number(1), number(1e12), number(2)})),
                     1e12);
    EXPECT_DOUBLE_EQ(lua_call_cost::before_call(LibraryFunction::table_concat, call({table(10), text(1), number(3)})), 8);
    EXPECT_DOUBLE_EQ(lua_call_cost::before_call(LibraryFunction::table_unpack, call({table(10)})), 10);
}

TEST(LuaCallCost, SortingStringsCountsTheTextCompared) {
    CallShape plain = call({table(1022)});
    double comparisons = lua_call_cost::before_call(LibraryFunction::table_sort, plain);
    EXPECT_DOUBLE_EQ(comparisons, 1022.0 * 10);
    plain.element_bytes = 1e6;
    EXPECT_DOUBLE_EQ(lua_call_cost::before_call(LibraryFunction::table_sort, plain), comparisons + 2 * 10 * 1e6);
    plain.custom_order = true;  // the order function's comparisons are Lua instructions, counted by the VM
    EXPECT_DOUBLE_EQ(lua_call_cost::before_call(LibraryFunction::table_sort, plain), comparisons);
}

TEST(LuaCallCost, RepeatingNothingIsSpotted) {
    EXPECT_TRUE(lua_call_cost::repeats_nothing(call({text(0), number(1e9)})));
    EXPECT_TRUE(lua_call_cost::repeats_nothing(call({text(0), number(1e9), {Kind::nil, 0}})));
    EXPECT_TRUE(lua_call_cost::repeats_nothing(call({text(0), number(1e9), text(0)})));
    EXPECT_FALSE(lua_call_cost::repeats_nothing(call({text(0), number(1e9), text(1)})));
    EXPECT_FALSE(lua_call_cost::repeats_nothing(call({text(1), number(1e9)})));
    EXPECT_FALSE(lua_call_cost::repeats_nothing(call({number(0), number(1e9)})));  // 0 is the text "0"
}

}  // namespace
}  // namespace jobcenter
