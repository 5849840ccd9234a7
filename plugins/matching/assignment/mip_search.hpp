// Solving a stage's model in whole numbers with Cbc (COIN-OR branch and cut), single-threaded and quiet,
// from a known feasible assignment, within a time limit that keeps the best assignment found.
#pragma once

#include <cstdint>
#include <vector>

#include "matching/assignment/linear_model.hpp"

namespace jobcenter::matching {

enum class MipEnd { optimal, node_limit, time_limit, failed };

struct MipOutcome {
    MipEnd end = MipEnd::failed;
    std::vector<std::int32_t> chosen;  // arcs of the best assignment found (the start when nothing better)
    double value = 0.0;                // its objective
    double bound = 0.0;                // no assignment of the model's columns does better
};

// Where Cbc stops when it has not finished: a node budget, and seconds left as a safety net.
struct MipLimits {
    int nodes = 0;
    double seconds = 0.0;
};

// `start`: arcs of a feasible assignment within the model's columns. `step`: the smallest improvement worth
// searching for (1 for seats; a tolerance for scores).
MipOutcome search_mip(const LinearModel& model, const std::vector<std::int32_t>& start, const MipLimits& limits,
                      double step);

}  // namespace jobcenter::matching
