// Solving a stage's linear relaxation with Clp (COIN-OR): its value and the row prices that prove it.
#pragma once

#include <vector>

#include "matching/assignment/linear_model.hpp"

namespace jobcenter::matching {

struct LpOutcome {
    bool optimal = false;
    double value = 0.0;           // the relaxation's maximum over the model's columns
    std::vector<double> prices;   // per row, for the maximisation (see DualBound)
};

// Where the simplex stops when it has not finished: an iteration budget, and seconds left as a safety net.
struct LpLimits {
    int iterations = 0;
    double seconds = 0.0;
};

LpOutcome solve_lp(const LinearModel& model, const LpLimits& limits);

}  // namespace jobcenter::matching
