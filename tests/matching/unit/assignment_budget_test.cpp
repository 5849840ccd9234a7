// The work budget, not the clock, decides where the solver stops: the same problem gives the same result with a
// busy machine or a longer time limit, as long as the budget runs out before the time limit's safety net.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "matching/assignment/assignment.hpp"
#include "matching/unit/assignment_test_support.hpp"

namespace jobcenter::matching {
namespace {

// A budget small enough that these problems stop on it rather than on a proof: a few Lagrangian steps and no
// exact search.
WorkBudget small_budget() {
    WorkBudget budget;
    budget.lagrangian_steps = 4;
    budget.exact_search_arcs = 0;
    return budget;
}

// Cbc too, stopped after a few nodes.
WorkBudget few_nodes() {
    WorkBudget budget;
    budget.lagrangian_steps = 4;
    budget.cbc_nodes = 20;
    return budget;
}

void expect_same(const AssignmentResult& a, const AssignmentResult& b) {
    ASSERT_EQ(a.chosen.size(), b.chosen.size());
    for (std::size_t i = 0; i < a.chosen.size(); ++i) {
        EXPECT_EQ(a.chosen[i].order, b.chosen[i].order) << "seat " << i;
        EXPECT_EQ(a.chosen[i].client, b.chosen[i].client) << "seat " << i;
    }
    EXPECT_EQ(a.total_score, b.total_score);
    EXPECT_EQ(a.score_upper_bound, b.score_upper_bound);
    EXPECT_EQ(a.status, b.status);
    EXPECT_EQ(a.method, b.method);
}

// Keeps a core busy until it is destroyed.
class CpuHog {
public:
    CpuHog()
        : thread_([this] {
              volatile unsigned long spin = 0;
              while (!stop_.load(std::memory_order_relaxed)) spin = spin + 1;
          }) {}
    ~CpuHog() {
        stop_ = true;
        thread_.join();
    }

private:
    std::atomic<bool> stop_{false};
    std::thread thread_;
};

TEST(AssignmentBudget, ABusyMachineGivesTheSameResult) {
    const auto problem = testing::random_problem(3, 40, 30);
    const auto quiet = solve_assignment(problem, AssignmentLimits{60.0}, small_budget());
    AssignmentResult busy;
    {
        const CpuHog first, second;
        busy = solve_assignment(problem, AssignmentLimits{60.0}, small_budget());
    }
    EXPECT_EQ(quiet.status, SolveStatus::heuristic) << quiet.method;
    expect_same(quiet, busy);
    EXPECT_EQ(testing::violations(problem, busy.chosen), "");
}

TEST(AssignmentBudget, ALongerTimeLimitGivesTheSameResult) {
    const auto problem = testing::random_problem(5, 40, 30);
    const auto shorter = solve_assignment(problem, AssignmentLimits{20.0}, few_nodes());
    const auto longer = solve_assignment(problem, AssignmentLimits{120.0}, few_nodes());
    EXPECT_NE(shorter.status, SolveStatus::time_limit) << shorter.method;
    expect_same(shorter, longer);
}

TEST(AssignmentBudget, AStageStoppedByTheBudgetSaysHeuristicNotTimeLimit) {
    const auto problem = testing::random_problem(3, 40, 30);
    auto one_step = small_budget();
    one_step.lagrangian_steps = 1;
    const auto result = solve_assignment(problem, AssignmentLimits{60.0}, one_step);
    EXPECT_EQ(result.status, SolveStatus::heuristic) << result.method;
    EXPECT_EQ(testing::violations(problem, result.chosen), "");
    EXPECT_LE(result.total_score, result.score_upper_bound + 1e-9);
}

}  // namespace
}  // namespace jobcenter::matching
