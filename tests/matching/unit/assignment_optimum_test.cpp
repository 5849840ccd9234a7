// The solver against brute force on many small random problems: the same seats, the same optimal score, a
// feasible assignment, bounds that hold, and `optimal` as the status.
#include <gtest/gtest.h>

#include "matching/assignment/assignment.hpp"
#include "matching/unit/assignment_test_support.hpp"

namespace jobcenter::matching {
namespace {

void expect_optimal(const AssignmentProblem& problem, std::uint32_t seed) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    const auto expected = testing::BruteForce(problem).solve();
    const auto result = solve_assignment(problem);
    EXPECT_EQ(testing::violations(problem, result.chosen), "");
    EXPECT_EQ(result.seats_filled, expected.seats);
    EXPECT_NEAR(result.total_score, expected.score, 1e-6);
    EXPECT_EQ(result.status, SolveStatus::optimal) << result.method;
    EXPECT_GE(result.seat_upper_bound, expected.seats);
    EXPECT_GE(result.score_upper_bound, expected.score - 1e-6);
    EXPECT_GE(result.relaxation_score_bound, expected.score - 1e-6) << result.method;
    EXPECT_LE(result.gap, 1e-6);
}

TEST(AssignmentOptimum, MatchesBruteForceOnFourOrdersAndFiveClients) {
    for (std::uint32_t seed = 1; seed <= 150; ++seed) expect_optimal(testing::random_problem(seed, 4, 5), seed);
}

TEST(AssignmentOptimum, MatchesBruteForceWhenClientsAreScarce) {
    for (std::uint32_t seed = 1; seed <= 100; ++seed) expect_optimal(testing::random_problem(seed, 5, 3), seed);
}

}  // namespace
}  // namespace jobcenter::matching
