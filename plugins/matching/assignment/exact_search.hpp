// Cbc over the candidate arcs, proven over all arcs: after each search, an arc left out could only be in a
// better assignment if the LP's prices allow it (DualBound); such arcs join the candidates and the search is
// repeated. When none is left, the assignment is optimal over all arcs.
#pragma once

#include <cstdint>
#include <vector>

#include "matching/assignment/candidate_arcs.hpp"
#include "matching/assignment/work_limits.hpp"
#include "matching/assignment/dual_bound.hpp"
#include "matching/assignment/linear_model.hpp"

namespace jobcenter::matching {

struct ExactSearch {
    std::vector<std::int32_t> assignment;  // arcs
    double value = 0.0;                    // its objective
    double upper_bound = 0.0;              // no assignment over all arcs does better
    bool proven = false;                   // value is within `tolerance` of the optimum over all arcs
    bool timed_out = false;
    int searches = 0;
};

// `start`: a feasible assignment of the stage (its arcs join the candidates). `tolerance`: how much better an
// assignment must be to count as better.
ExactSearch search_exactly(const IndexedProblem& problem, const StageGoal& goal, CandidateArcs& candidates,
                           const DualBound& prices_bound, std::vector<std::int32_t> start, double tolerance,
                           const WorkLimits& limits);

// Whether the work budget lets Cbc search over this many candidates (and the safety net has not passed).
bool exact_search_fits(std::size_t candidates, const WorkLimits& limits);

}  // namespace jobcenter::matching
