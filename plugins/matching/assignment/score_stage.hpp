// Stage two: among assignments filling the stage-one seats, the highest total score, with an upper bound
// valid over all arcs.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "matching/assignment/work_limits.hpp"
#include "matching/assignment/fill_stage.hpp"
#include "matching/assignment/indexed_problem.hpp"
#include "matching/assignment/order_clashes.hpp"

namespace jobcenter::matching {

struct ScoreOutcome {
    std::vector<std::int32_t> assignment;  // arcs
    double score = 0.0;
    double upper_bound = 0.0;         // no assignment filling as many seats scores more
    double relaxation_bound = 0.0;    // the score LP's bound over all arcs
    bool proven = false;              // optimal within score_tolerance
    bool timed_out = false;
    std::string method;
};

// Scores closer than this to the bound count as optimal.
double score_tolerance(double bound);

// The score LP over all arcs by column generation, the Lagrangian relaxation of the seat rows from its prices
// (a tighter bound, and repaired schedules that are nearly optimal), swaps, and when Cbc can finish in the time
// left, an exact search over the candidates, repeated with the arcs the LP's prices cannot rule out.
ScoreOutcome maximise_score(const IndexedProblem& problem, const ClashTable& clashes, const FillOutcome& fill,
                            const WorkLimits& limits);

}  // namespace jobcenter::matching
