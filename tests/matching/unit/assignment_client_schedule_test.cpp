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

TEST(AssignmentClientSchedule, MoreOrdersThanTheSearchTakesAreBoundedByTheWeeksMinutes) {
    // Eighty two-hour orders one after another in one week, the client free for four hours: the best two, and
    // the week's minutes bound the rest tightly although the search sees only the first 64.
    AssignmentProblem problem;
    problem.clients.push_back({240, {}});
    std::vector<ScheduleItem> items;
    for (int o = 0; o < 80; ++o) {
        const std::int64_t start = o * 120;  // back to back: none overlap
        problem.orders.push_back(testing::make_order(1, {{start, start + 120}}));
        problem.arcs.push_back({o, 0, 1.0});
    }
    const IndexedProblem indexed(problem);
    const ClashTable clashes(indexed.order_count(), find_clashing_orders(problem.orders));
    for (const auto a : indexed.client_arcs(0)) items.push_back({a, 1.0 + 0.01 * (a % 7)});
    ScheduleSolver solver(indexed, clashes);
    const auto schedule = solver.best(0, items);
    EXPECT_NEAR(schedule.value, 2.12, 1e-9);
    EXPECT_NEAR(schedule.upper_bound, 2.12, 1e-9);
    EXPECT_TRUE(schedule.exact);
    EXPECT_EQ(schedule.arcs.size(), 2u);
}

}  // namespace
}  // namespace jobcenter::matching
