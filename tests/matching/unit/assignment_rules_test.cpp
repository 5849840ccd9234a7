// The assignment's rules on small hand-made problems: clashes, weekly caps, several orders for one client,
// negative scores, repeating orders, and the reason given for every empty seat.
#include <gtest/gtest.h>

#include "matching/assignment/assignment.hpp"
#include "matching/unit/assignment_test_support.hpp"

namespace jobcenter::matching {
namespace {

using testing::make_order;
using testing::minutes_per_week;

constexpr std::int64_t monday = 2 * minutes_per_week;  // a Monday 00:00 in week 2

TimeInterval hours(std::int64_t day_start, int from, int to) { return {day_start + from * 60, day_start + to * 60}; }

AssignmentClient client_with(std::int32_t week_minutes) { return AssignmentClient{week_minutes, {}}; }

std::vector<std::pair<std::int32_t, std::int32_t>> pairs(const AssignmentResult& result) {
    std::vector<std::pair<std::int32_t, std::int32_t>> chosen;
    for (const auto& arc : result.chosen) chosen.emplace_back(arc.order, arc.client);
    return chosen;
}

TEST(AssignmentRules, OverlappingOrdersGoToDifferentClients) {
    AssignmentProblem problem;
    problem.orders = {make_order(1, {hours(monday, 9, 12)}), make_order(1, {hours(monday, 11, 13)})};
    problem.clients = {client_with(600), client_with(600)};
    problem.arcs = {{0, 0, 5.0}, {1, 0, 4.0}, {1, 1, 1.0}};
    const auto result = solve_assignment(problem);
    EXPECT_EQ(pairs(result), (std::vector<std::pair<std::int32_t, std::int32_t>>{{0, 0}, {1, 1}}));
    EXPECT_DOUBLE_EQ(result.total_score, 6.0);
    EXPECT_EQ(result.status, SolveStatus::optimal);
}

TEST(AssignmentRules, OneClientTakesOrdersThatDoNotOverlap) {
    AssignmentProblem problem;
    problem.orders = {make_order(1, {hours(monday, 9, 11)}), make_order(1, {hours(monday, 11, 13)}),
                      make_order(1, {hours(monday + minutes_per_day, 9, 11)})};
    problem.clients = {client_with(600)};
    problem.arcs = {{0, 0, 1.0}, {1, 0, 1.0}, {2, 0, 1.0}};
    const auto result = solve_assignment(problem);
    EXPECT_EQ(result.seats_filled, 3) << "touching spans [9, 11) and [11, 13) do not clash";
    EXPECT_EQ(testing::violations(problem, result.chosen), "");
}

TEST(AssignmentRules, WeeklyFreeMinutesLimitTheOrdersOfAWeek) {
    AssignmentProblem problem;
    problem.orders = {make_order(1, {hours(monday, 9, 12)}), make_order(1, {hours(monday + minutes_per_day, 9, 12)}),
                      make_order(1, {hours(monday + minutes_per_week, 9, 12)})};
    problem.clients = {client_with(240)};  // four hours a week: one three-hour order per week
    problem.arcs = {{0, 0, 2.0}, {1, 0, 3.0}, {2, 0, 1.0}};
    const auto result = solve_assignment(problem);
    EXPECT_EQ(pairs(result), (std::vector<std::pair<std::int32_t, std::int32_t>>{{1, 0}, {2, 0}}));
    ASSERT_EQ(result.unfilled.size(), 1u);
    EXPECT_EQ(result.unfilled[0].order, 0);
    EXPECT_EQ(result.unfilled[0].reason, UnfilledReason::eligible_clients_taken);
}

TEST(AssignmentRules, AWeekListedForTheClientOverridesTheirDefault) {
    AssignmentProblem problem;
    problem.orders = {make_order(1, {hours(monday, 9, 11)}), make_order(1, {hours(monday + minutes_per_week, 9, 11)})};
    AssignmentClient client = client_with(600);
    client.free_minutes_per_week = {{2, 60}};  // week 2 has one free hour left: not enough for two hours
    problem.clients = {client};
    problem.arcs = {{0, 0, 1.0}, {1, 0, 1.0}};
    const auto result = solve_assignment(problem);
    EXPECT_EQ(pairs(result), (std::vector<std::pair<std::int32_t, std::int32_t>>{{1, 0}}));
    ASSERT_EQ(result.unfilled.size(), 1u);
    EXPECT_EQ(result.unfilled[0].reason, UnfilledReason::no_eligible_clients) << "the pair breaks the cap alone";
    EXPECT_EQ(result.unfilled[0].eligible, 0);
}

TEST(AssignmentRules, NegativeScoresStillFillSeats) {
    AssignmentProblem problem;
    problem.orders = {make_order(2, {hours(monday, 9, 11)})};
    problem.clients = {client_with(600), client_with(600), client_with(600)};
    problem.arcs = {{0, 0, -5.0}, {0, 1, -1.0}, {0, 2, -3.0}};
    const auto result = solve_assignment(problem);
    EXPECT_EQ(pairs(result), (std::vector<std::pair<std::int32_t, std::int32_t>>{{0, 1}, {0, 2}}));
    EXPECT_DOUBLE_EQ(result.total_score, -4.0);
}

TEST(AssignmentRules, MoreSeatsComeBeforeAHigherScore) {
    // Client 0 is the best for both orders, but only client 0 can take order 1: giving order 0 to client 1
    // fills both seats.
    AssignmentProblem problem;
    problem.orders = {make_order(1, {hours(monday, 9, 12)}), make_order(1, {hours(monday, 10, 13)})};
    problem.clients = {client_with(600), client_with(600)};
    problem.arcs = {{0, 0, 10.0}, {0, 1, 0.5}, {1, 0, 1.0}};
    const auto result = solve_assignment(problem);
    EXPECT_EQ(pairs(result), (std::vector<std::pair<std::int32_t, std::int32_t>>{{0, 1}, {1, 0}}));
    EXPECT_EQ(result.seats_filled, 2);
    EXPECT_EQ(result.seat_upper_bound, 2);
}

TEST(AssignmentRules, ARepeatingOrderHasTheSameClientsForEveryOccurrence) {
    AssignmentProblem problem;
    // Order 0 repeats a week later, where order 1 takes the only client's time; order 1 scores less.
    problem.orders = {make_order(1, {hours(monday, 9, 11), hours(monday + minutes_per_week, 9, 11)}),
                      make_order(1, {hours(monday + minutes_per_week, 10, 12)})};
    problem.clients = {client_with(600)};
    problem.arcs = {{0, 0, 5.0}, {1, 0, 1.0}};
    const auto result = solve_assignment(problem);
    EXPECT_EQ(pairs(result), (std::vector<std::pair<std::int32_t, std::int32_t>>{{0, 0}}));
    EXPECT_EQ(testing::violations(problem, result.chosen), "");
}

TEST(AssignmentRules, EveryEmptySeatSaysWhy) {
    AssignmentProblem problem;
    problem.orders = {make_order(2, {hours(monday, 9, 11)}),   // nobody eligible
                      make_order(3, {hours(monday, 13, 15)}),  // two eligible for three seats
                      make_order(1, {hours(monday, 9, 11)}),   // its one eligible client is taken by order 3
                      make_order(1, {hours(monday, 10, 12)})};
    problem.clients = {client_with(600), client_with(600), client_with(600)};
    problem.arcs = {{1, 0, 1.0}, {1, 1, 1.0}, {2, 2, 1.0}, {3, 2, 2.0}};
    const auto result = solve_assignment(problem);
    ASSERT_EQ(result.unfilled.size(), 3u);
    EXPECT_EQ(result.unfilled[0].order, 0);
    EXPECT_EQ(result.unfilled[0].seats, 2);
    EXPECT_EQ(result.unfilled[0].reason, UnfilledReason::no_eligible_clients);
    EXPECT_EQ(result.unfilled[1].order, 1);
    EXPECT_EQ(result.unfilled[1].seats, 1);
    EXPECT_EQ(result.unfilled[1].reason, UnfilledReason::fewer_eligible_than_seats);
    EXPECT_EQ(result.unfilled[1].eligible, 2);
    EXPECT_EQ(result.unfilled[2].order, 2);
    EXPECT_EQ(result.unfilled[2].reason, UnfilledReason::eligible_clients_taken);
    EXPECT_EQ(unfilled_reason_text(UnfilledReason::no_eligible_clients), "no eligible clients");
    EXPECT_EQ(unfilled_reason_text(UnfilledReason::fewer_eligible_than_seats), "fewer eligible clients than seats");
    EXPECT_EQ(unfilled_reason_text(UnfilledReason::eligible_clients_taken),
              "the eligible clients' time goes to other orders or is past their weekly hours");
}

TEST(AssignmentRules, AnEmptyProblemIsSolvedAtOnce) {
    const auto result = solve_assignment(AssignmentProblem{});
    EXPECT_TRUE(result.chosen.empty());
    EXPECT_EQ(result.seats_filled, 0);
    EXPECT_EQ(result.status, SolveStatus::optimal);
    EXPECT_EQ(solve_status_name(result.status), "optimal");
}

}  // namespace
}  // namespace jobcenter::matching
