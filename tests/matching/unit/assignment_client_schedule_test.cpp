// One client's best schedule (the Lagrangian's subproblem) against enumerating every subset of their orders.
#include <gtest/gtest.h>

#include <random>

#include "matching/assignment/client_schedule.hpp"
#include "matching/unit/assignment_test_support.hpp"

namespace jobcenter::matching {
namespace {

// The best total profit over every subset of `items` that the client can take together.
double best_by_enumeration(const AssignmentProblem& problem, const IndexedProblem& indexed,
                           const std::vector<ScheduleItem>& items) {
    double best = 0.0;
    for (unsigned mask = 0; mask < (1u << items.size()); ++mask) {
        std::vector<AssignmentArc> chosen;
        double total = 0.0;
        for (std::size_t i = 0; i < items.size(); ++i)
            if (mask >> i & 1) {
                const auto& arc = indexed.arc(items[i].arc);
                chosen.push_back({arc.order, arc.client, arc.score});
                total += items[i].profit;
            }
        if (total > best && testing::violations(problem, chosen).empty()) best = total;
    }
    return best;
}

TEST(AssignmentClientSchedule, MatchesEnumerationOfEverySubset) {
    std::mt19937 random(5);
    for (std::uint32_t seed = 1; seed <= 60; ++seed) {
        const auto problem = testing::random_problem(seed, 12, 1);  // one client, up to twelve orders
        const IndexedProblem indexed(problem);
        const ClashTable clashes(indexed.order_count(), find_clashing_orders(problem.orders));
        std::vector<ScheduleItem> items;
        for (const auto a : indexed.client_arcs(0))
            items.push_back({a, std::uniform_real_distribution<double>(0.1, 5.0)(random)});
        ScheduleSolver solver(indexed, clashes);
        const auto schedule = solver.best(0, items);
        EXPECT_TRUE(schedule.exact);
        EXPECT_NEAR(schedule.value, best_by_enumeration(problem, indexed, items), 1e-9) << "seed " << seed;
        EXPECT_NEAR(schedule.upper_bound, schedule.value, 1e-9);
        std::vector<AssignmentArc> chosen;
        for (const auto a : schedule.arcs) chosen.push_back({indexed.arc(a).order, 0, indexed.arc(a).score});
        EXPECT_EQ(testing::violations(problem, chosen), "") << "seed " << seed;
    }
}

}  // namespace
}  // namespace jobcenter::matching
