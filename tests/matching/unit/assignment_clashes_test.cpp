// Clashing orders found by the sweep agree with checking every pair of occurrences.
#include <gtest/gtest.h>

#include <random>

#include "matching/assignment/order_clashes.hpp"
#include "matching/unit/assignment_test_support.hpp"

namespace jobcenter::matching {
namespace {

std::vector<std::pair<std::int32_t, std::int32_t>> every_pair(const std::vector<AssignmentOrder>& orders) {
    std::vector<std::pair<std::int32_t, std::int32_t>> pairs;
    for (std::size_t a = 0; a < orders.size(); ++a)
        for (std::size_t b = a + 1; b < orders.size(); ++b)
            if (testing::overlap(orders[a], orders[b]))
                pairs.emplace_back(static_cast<std::int32_t>(a), static_cast<std::int32_t>(b));
    return pairs;
}

TEST(AssignmentClashes, TheSweepFindsExactlyTheOverlappingPairs) {
    std::mt19937 random(11);
    auto uniform = [&](int low, int high) { return std::uniform_int_distribution<int>(low, high)(random); };
    for (int round = 0; round < 50; ++round) {
        std::vector<AssignmentOrder> orders;
        for (int o = 0; o < 40; ++o) {
            std::vector<TimeInterval> spans;
            for (int k = uniform(0, 3); k > 0; --k) {
                const std::int64_t start = uniform(0, 100);
                spans.push_back({start, start + uniform(1, 12)});
            }
            orders.push_back(testing::make_order(1, spans));
        }
        EXPECT_EQ(find_clashing_orders(orders), every_pair(orders)) << "round " << round;
    }
}

TEST(AssignmentClashes, SpansThatOnlyTouchDoNotClash) {
    const std::vector<AssignmentOrder> orders = {testing::make_order(1, {{0, 60}}), testing::make_order(1, {{60, 120}}),
                                                 testing::make_order(1, {{30, 61}})};
    const auto pairs = find_clashing_orders(orders);
    EXPECT_EQ(pairs, (std::vector<std::pair<std::int32_t, std::int32_t>>{{0, 2}, {1, 2}}));
    const ClashTable table(3, pairs);
    EXPECT_FALSE(table.clash(0, 1));
    EXPECT_TRUE(table.clash(2, 0));
    EXPECT_EQ(table.pair_count(), 2u);
}

}  // namespace
}  // namespace jobcenter::matching
