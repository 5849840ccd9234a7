// Stage one: the most seats the rules allow, with a bound that proves it, and an assignment filling that many.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "matching/assignment/work_limits.hpp"
#include "matching/assignment/indexed_problem.hpp"
#include "matching/assignment/order_clashes.hpp"

namespace jobcenter::matching {

struct FillOutcome {
    std::vector<std::int32_t> assignment;  // arcs
    int seat_upper_bound = 0;
    bool proven = false;     // the assignment fills seat_upper_bound seats
    bool timed_out = false;  // the time limit stopped the search for more seats
    std::string method;
};

// The greedy fill, and when it falls short of the fill targets, the seats LP over all arcs by column
// generation and (when it can finish in the time left) Cbc over every arc that could still add a seat.
FillOutcome settle_fill(const IndexedProblem& problem, const ClashTable& clashes, const WorkLimits& limits);

}  // namespace jobcenter::matching
