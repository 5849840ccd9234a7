// The Lagrangian relaxation of the orders' seat rows (and of the row keeping the fill, when the fill targets
// cannot all be met). With a price per order and a reward per seat, each client alone takes their schedule of
// highest profit (score, less the order's price, plus the reward); then
//     Σ price·target − reward·seats to fill + Σ each client's best profit
// bounds every assignment that fills the seats, whatever the prices (prices of "at most" rows and the reward
// not negative). It is at least as tight as the LP at the LP's prices, because each client's own problem is
// solved in whole numbers. Subgradient steps move the prices towards the tightest bound, and each step's
// schedules, repaired into an assignment, are candidates for the best assignment.
#pragma once

#include <cstdint>
#include <limits>
#include <vector>

#include "matching/assignment/work_limits.hpp"
#include "matching/assignment/indexed_problem.hpp"
#include "matching/assignment/order_clashes.hpp"

namespace jobcenter::matching {

struct LagrangianPrices {
    std::vector<double> orders;  // one per order
    double seat_reward = 0.0;    // only when the fill has a row of its own (fewer seats than the fill targets)
};

struct LagrangianOutcome {
    double bound = std::numeric_limits<double>::infinity();  // the tightest bound found
    std::vector<std::int32_t> best;  // the best repaired assignment filling `seats_to_fill` seats (arcs), or empty
    double best_score = -std::numeric_limits<double>::infinity();
    int steps = 0;
    bool timed_out = false;
};

// `seats_to_fill`: the seats every assignment must fill (all fill targets, or fewer). `known_score`: the best
// assignment's score so far (it sets the step length). Stops when the bound meets an assignment, when the
// steps have become too short to matter, after the budget's steps, or at the safety net's deadline.
LagrangianOutcome lagrangian_search(const IndexedProblem& problem, const ClashTable& clashes, int seats_to_fill,
                                    LagrangianPrices prices, double known_score, const WorkLimits& limits);

}  // namespace jobcenter::matching
