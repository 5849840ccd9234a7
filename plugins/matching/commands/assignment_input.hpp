// Turning the period's orders and the visible clients into the solver's problem: every (order, client)
// pair the rules allow, scored by the unit's script, and each client's free minutes per week.
#pragma once

#include <string>
#include <vector>

#include "matching/assignment/assignment_problem.hpp"
#include "matching/commands/matching_data.hpp"
#include "matching/model/order.hpp"

namespace jobcenter::matching {

struct AssignmentInput {
    AssignmentProblem problem;
    std::vector<const Order*> orders;    // problem.orders[i] is orders[i]
    std::vector<const Client*> clients;  // problem.clients[j] is clients[j]
    std::vector<int> seats_taken;        // per order: live gigs already on it
    long scored_pairs = 0;               // M.score calls
    double scoring_seconds = 0;          // time in M.score and its arguments
};

AssignmentInput build_assignment_input(Scripts& scripts, const MatchingData& data, const std::vector<Order>& orders);

}  // namespace jobcenter::matching
