// A problem too large for brute force, with scarce clients: the assignment is feasible, fills every seat the
// bound allows, scores within its bounds, and the solver writes nothing to the standard output (the command
// line prints its JSON there).
#include <gtest/gtest.h>

#include "matching/assignment/assignment.hpp"
#include "matching/unit/assignment_test_support.hpp"

namespace jobcenter::matching {
namespace {

TEST(AssignmentScale, ALargerProblemGetsAFeasibleAssignmentWithinItsBounds) {
    const auto problem = testing::random_problem(3, 60, 40);
    ::testing::internal::CaptureStdout();
    const auto result = solve_assignment(problem, AssignmentLimits{1.5});
    EXPECT_EQ(::testing::internal::GetCapturedStdout(), "");
    EXPECT_EQ(testing::violations(problem, result.chosen), "");
    EXPECT_LE(result.seats_filled, result.seat_upper_bound);
    EXPECT_LE(result.total_score, result.score_upper_bound + 1e-9);
    EXPECT_LE(result.score_upper_bound, result.relaxation_score_bound + 1e-6);
    EXPECT_NEAR(result.gap,
                (result.score_upper_bound - result.total_score) / std::max(1.0, std::abs(result.score_upper_bound)),
                1e-12);
    EXPECT_FALSE(result.method.empty());
    int unfilled = 0;
    for (const auto& seats : result.unfilled) unfilled += seats.seats;
    int seats = 0;
    for (const auto& order : problem.orders) seats += order.seats;
    EXPECT_EQ(result.seats_filled + unfilled, seats);
}

TEST(AssignmentScale, NoTimeLeftStillGivesAFeasibleAssignmentAndSaysSo) {
    const auto problem = testing::random_problem(3, 60, 40);
    const auto result = solve_assignment(problem, AssignmentLimits{0.0});
    EXPECT_EQ(result.status, SolveStatus::time_limit) << result.method;
    EXPECT_EQ(testing::violations(problem, result.chosen), "");
    EXPECT_GT(result.seats_filled, 0);
    EXPECT_LE(result.total_score, result.score_upper_bound + 1e-9);
}

}  // namespace
}  // namespace jobcenter::matching
