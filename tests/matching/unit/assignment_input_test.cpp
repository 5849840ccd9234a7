// A malformed assignment problem is refused with an InputError naming the field, before any work.
#include <gtest/gtest.h>

#include <limits>

#include "jobcenter/errors.hpp"
#include "matching/assignment/assignment.hpp"
#include "matching/unit/assignment_test_support.hpp"

namespace jobcenter::matching {
namespace {

AssignmentProblem valid_problem() {
    AssignmentProblem problem;
    problem.orders = {testing::make_order(1, {{600, 720}}), testing::make_order(2, {{800, 900}})};
    problem.clients = {AssignmentClient{600, {}}, AssignmentClient{600, {}}};
    problem.arcs = {{0, 0, 1.0}, {1, 1, 2.0}, {1, 0, 0.5}};
    return problem;
}

// The error's `where` and message when `problem` is solved; fails the test when nothing is thrown.
std::pair<std::string, std::string> refusal(const AssignmentProblem& problem) {
    try {
        solve_assignment(problem);
    } catch (const InputError& error) {
        return {error.where(), error.what()};
    }
    ADD_FAILURE() << "no InputError";
    return {};
}

TEST(AssignmentInput, ArcNamingAMissingOrderIsRefused) {
    auto problem = valid_problem();
    problem.arcs[2].order = 7;
    EXPECT_EQ(refusal(problem), std::make_pair(std::string("arcs[2].order"),
                                               std::string("names order 7, but there are 2 orders (0 to 1)")));
}

TEST(AssignmentInput, ArcNamingAMissingClientIsRefused) {
    auto problem = valid_problem();
    problem.arcs[0].client = -1;
    EXPECT_EQ(refusal(problem).first, "arcs[0].client");
}

TEST(AssignmentInput, SeatsBelowOneAreRefused) {
    auto problem = valid_problem();
    problem.orders[1].seats = 0;
    EXPECT_EQ(refusal(problem), std::make_pair(std::string("orders[1].seats"),
                                               std::string("seats must be at least 1, not 0")));
}

TEST(AssignmentInput, AnOccurrenceThatDoesNotEndAfterItStartsIsRefused) {
    auto problem = valid_problem();
    problem.orders[0].occurrences.push_back({1000, 1000});
    EXPECT_EQ(refusal(problem).first, "orders[0].occurrences[1]");
}

TEST(AssignmentInput, NegativeOrRepeatedWeekMinutesAreRefused) {
    auto problem = valid_problem();
    problem.orders[0].minutes_per_week.push_back({0, 30});
    EXPECT_EQ(refusal(problem), std::make_pair(std::string("orders[0].minutes_per_week[1].week"),
                                               std::string("week 0 is listed twice (also at 0)")));
    problem = valid_problem();
    problem.orders[1].minutes_per_week[0].minutes = -5;
    EXPECT_EQ(refusal(problem).first, "orders[1].minutes_per_week[0].minutes");
    problem = valid_problem();
    problem.clients[1].default_week_minutes = -1;
    EXPECT_EQ(refusal(problem).first, "clients[1].default_week_minutes");
}

TEST(AssignmentInput, AScoreThatIsNotFiniteIsRefused) {
    auto problem = valid_problem();
    problem.arcs[1].score = std::numeric_limits<double>::quiet_NaN();
    EXPECT_EQ(refusal(problem), std::make_pair(std::string("arcs[1].score"), std::string("score must be a finite number")));
}

TEST(AssignmentInput, ASecondArcForTheSamePairIsRefused) {
    auto problem = valid_problem();
    problem.arcs.push_back({1, 0, 3.0});
    EXPECT_EQ(refusal(problem), std::make_pair(std::string("arcs[3]"),
                                               std::string("order 1 and client 0 are paired twice (first at arcs[2])")));
}

TEST(AssignmentInput, AClientOverTheirCapThisWeekIsNotMalformed) {
    auto problem = valid_problem();
    problem.clients[0].free_minutes_per_week = {{0, -30}};
    const auto result = solve_assignment(problem);
    for (const auto& arc : result.chosen) EXPECT_NE(arc.client, 0);
}

}  // namespace
}  // namespace jobcenter::matching
