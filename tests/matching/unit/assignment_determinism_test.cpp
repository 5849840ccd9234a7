// The same problem gives the same assignment, whatever the order of its lists, and equally good choices
// go to lower indices.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "matching/assignment/assignment.hpp"
#include "matching/unit/assignment_test_support.hpp"

namespace jobcenter::matching {
namespace {

using testing::make_order;

bool same(const AssignmentResult& a, const AssignmentResult& b) {
    if (a.chosen.size() != b.chosen.size()) return false;
    for (std::size_t i = 0; i < a.chosen.size(); ++i)
        if (a.chosen[i].order != b.chosen[i].order || a.chosen[i].client != b.chosen[i].client) return false;
    return a.total_score == b.total_score && a.seats_filled == b.seats_filled && a.status == b.status;
}

AssignmentProblem shuffled(AssignmentProblem problem, std::uint32_t seed) {
    std::mt19937 random(seed);
    std::shuffle(problem.arcs.begin(), problem.arcs.end(), random);
    for (auto& order : problem.orders) {
        std::shuffle(order.occurrences.begin(), order.occurrences.end(), random);
        std::shuffle(order.minutes_per_week.begin(), order.minutes_per_week.end(), random);
    }
    for (auto& client : problem.clients)
        std::shuffle(client.free_minutes_per_week.begin(), client.free_minutes_per_week.end(), random);
    return problem;
}

TEST(AssignmentDeterminism, TheSameProblemTwiceGivesTheSameResult) {
    const auto problem = testing::random_problem(7, 12, 20);
    const auto first = solve_assignment(problem);
    const auto second = solve_assignment(problem);
    EXPECT_TRUE(same(first, second));
    EXPECT_EQ(first.method, second.method);
}

TEST(AssignmentDeterminism, ListsInAnotherOrderGiveTheSameResult) {
    for (std::uint32_t seed = 1; seed <= 20; ++seed) {
        const auto problem = testing::random_problem(seed, 10, 12);
        EXPECT_TRUE(same(solve_assignment(problem), solve_assignment(shuffled(problem, seed)))) << "seed " << seed;
    }
}

TEST(AssignmentDeterminism, EqualScoresGoToTheLowerClient) {
    AssignmentProblem problem;
    problem.orders = {make_order(2, {{600, 720}})};
    problem.clients.assign(4, AssignmentClient{600, {}});
    problem.arcs = {{0, 3, 1.0}, {0, 2, 1.0}, {0, 1, 1.0}, {0, 0, 0.5}};
    const auto result = solve_assignment(problem);
    ASSERT_EQ(result.chosen.size(), 2u);
    EXPECT_EQ(result.chosen[0].client, 1);
    EXPECT_EQ(result.chosen[1].client, 2);
}

TEST(AssignmentDeterminism, AnEarlierOrderGetsTheLowerClientWhenTwoOrdersTie) {
    // Orders 0 and 1 clash; clients 0 and 1 score the same for each. Either way round is optimal: order 0
    // gets client 0. A third order, clashing with both, keeps the shortcut of independent best choices away.
    AssignmentProblem problem;
    problem.orders = {make_order(1, {{600, 720}}), make_order(1, {{660, 780}}), make_order(1, {{700, 760}})};
    problem.clients.assign(3, AssignmentClient{600, {}});
    problem.arcs = {{0, 0, 2.0}, {0, 1, 2.0}, {1, 0, 1.0}, {1, 1, 1.0}, {2, 1, 3.0}, {2, 2, 3.0}};
    const auto result = solve_assignment(problem);
    ASSERT_EQ(result.chosen.size(), 3u);
    EXPECT_EQ(result.chosen[0].client, 0);
    EXPECT_EQ(result.chosen[1].client, 1);
    EXPECT_EQ(result.chosen[2].client, 2);
    EXPECT_DOUBLE_EQ(result.total_score, 6.0);
}

}  // namespace
}  // namespace jobcenter::matching
