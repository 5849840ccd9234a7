// The Lagrangian relaxation's bound holds at any prices: never below the proven optimum, and its repaired
// assignments are feasible and never above it.
#include <gtest/gtest.h>

#include <random>

#include "matching/assignment/assignment.hpp"
#include "matching/assignment/lagrangian.hpp"
#include "matching/unit/assignment_test_support.hpp"

namespace jobcenter::matching {
namespace {

TEST(AssignmentLagrangian, BoundsTheOptimumFromAnyPrices) {
    std::mt19937 random(3);
    int compared = 0;
    for (std::uint32_t seed = 1; seed <= 40; ++seed) {
        SCOPED_TRACE("seed " + std::to_string(seed));
        const auto problem = testing::random_problem(seed, 12, 15);
        const auto optimum = solve_assignment(problem, AssignmentLimits{30.0});
        if (optimum.status != SolveStatus::optimal) continue;
        ++compared;
        const IndexedProblem indexed(problem);
        const ClashTable clashes(indexed.order_count(), find_clashing_orders(problem.orders));
        for (int trial = 0; trial < 3; ++trial) {
            LagrangianPrices prices;
            for (std::int32_t o = 0; o < indexed.order_count(); ++o)
                prices.orders.push_back(trial == 0 ? 0.0 : std::uniform_real_distribution<double>(-3.0, 6.0)(random));
            prices.seat_reward = trial == 0 ? 0.0 : std::uniform_real_distribution<double>(0.0, 4.0)(random);
            const auto outcome =
                lagrangian_search(indexed, clashes, optimum.seats_filled, prices, -1e9, WorkLimits{{}, Deadline(30.0)});
            EXPECT_GE(outcome.bound, optimum.total_score - 1e-6);
            if (outcome.best.empty()) continue;
            EXPECT_LE(outcome.best_score, optimum.total_score + 1e-6);
            std::vector<AssignmentArc> chosen;
            for (const auto a : outcome.best)
                chosen.push_back({indexed.arc(a).order, indexed.arc(a).client, indexed.arc(a).score});
            EXPECT_EQ(testing::violations(problem, chosen), "");
            EXPECT_EQ(static_cast<int>(chosen.size()), optimum.seats_filled);
        }
    }
    EXPECT_GE(compared, 30) << "most of these problems are proven optimal";
}

}  // namespace
}  // namespace jobcenter::matching
