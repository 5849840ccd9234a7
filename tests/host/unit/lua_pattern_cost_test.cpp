// Tests of the pattern cost estimate the sandbox uses to refuse patterns that could backtrack past the
// budget: each repetition multiplies by the subject's positions, '?' doubles, '^' anchors.
#include <gtest/gtest.h>

#include <cstring>

#include "lua_pattern_cost.hpp"

namespace jobcenter {
namespace {

// The estimate for `pattern` over a subject of `n` bytes, as string.find/match would use it.
double steps(std::size_t n, const char* pattern, bool plain = false, bool anchorable = true) {
    return lua_pattern::worst_case_steps(n, pattern, std::strlen(pattern), plain, anchorable);
}

TEST(LuaPatternCost, LiteralTextCostsPositionsTimesLength) {
    EXPECT_DOUBLE_EQ(steps(10, "abc"), 11.0 * 3);
    EXPECT_DOUBLE_EQ(steps(10, "a*b", true), 11.0 * 3);  // plain find: the '*' is a character
    EXPECT_DOUBLE_EQ(steps(0, ""), 1.0);
}

TEST(LuaPatternCost, EachRepetitionMultipliesByThePositions) {
    EXPECT_DOUBLE_EQ(steps(10, "a*"), 11.0 * 2 * 11);
    EXPECT_DOUBLE_EQ(steps(10, "a+b-"), 11.0 * 4 * 11 * 11);
    EXPECT_DOUBLE_EQ(steps(10, "[a-z]+"), 11.0 * 6 * 11);
    EXPECT_DOUBLE_EQ(steps(10, "%d*"), 11.0 * 3 * 11);
    EXPECT_DOUBLE_EQ(steps(10, "%bxy"), 11.0 * 4 * 11);
}

TEST(LuaPatternCost, OptionalItemsDoubleAndFrontiersAndCapturesAddNothing) {
    EXPECT_DOUBLE_EQ(steps(10, "a?b?"), 11.0 * 4 * 2 * 2);
    EXPECT_DOUBLE_EQ(steps(10, "%f[%w]"), 11.0 * 6);
    EXPECT_DOUBLE_EQ(steps(10, "(a)"), 11.0 * 3);
}

TEST(LuaPatternCost, ABracketRightAfterTheOpeningOneIsInTheSet) {
    EXPECT_DOUBLE_EQ(steps(10, "[]]*"), 11.0 * 4 * 11);
    EXPECT_DOUBLE_EQ(steps(10, "[^]]*"), 11.0 * 5 * 11);
}

TEST(LuaPatternCost, AnAnchorCountsOneStartExceptForGmatch) {
    EXPECT_DOUBLE_EQ(steps(10, "^a*"), 3.0 * 11);
    EXPECT_DOUBLE_EQ(steps(10, "^a*", false, false), 11.0 * 3 * 11);
}

TEST(LuaPatternCost, NestedLazyRepetitionsOnALongSubjectExceedAnyBudget) {
    EXPECT_GT(steps(1000, "(.-)(.-)(.-)(.-)x"), 1e9);
    EXPECT_LT(steps(1000, "^%d+$"), 1e6);
}

}  // namespace
}  // namespace jobcenter
