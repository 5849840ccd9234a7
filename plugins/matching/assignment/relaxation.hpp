// A stage's linear relaxation over ALL arcs by column generation: solve the LP over the candidates, price
// every arc with its row prices, add the arcs that would raise the LP, and repeat until the bound over all arcs
// is within a hair of the candidates' LP. Whenever it stops, the last prices give a valid bound over all arcs
// (DualBound); once no arc prices in, that bound is the LP relaxation's value.
#pragma once

#include "matching/assignment/candidate_arcs.hpp"
#include "matching/assignment/work_limits.hpp"
#include "matching/assignment/dual_bound.hpp"
#include "matching/assignment/linear_model.hpp"

namespace jobcenter::matching {

struct Relaxation {
    DualBound bound;
    double lp_value = 0.0;  // over the final candidates
    std::vector<double> order_prices;   // the last LP's price of each order's row
    double fill_price = 0.0;            // ... and of the row keeping the fill, when there is one
    int rounds = 0;
    bool converged = false;  // no arc outside the candidates could raise the LP
    bool timed_out = false;  // the safety net's deadline stopped it
};

// Adds to `candidates` the arcs the pricing brings in.
Relaxation relax_over_all_arcs(const IndexedProblem& problem, const StageGoal& goal, CandidateArcs& candidates,
                               const WorkLimits& limits);

}  // namespace jobcenter::matching
