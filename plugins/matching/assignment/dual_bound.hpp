// An upper bound on every assignment, over ALL arcs, from any prices of a stage's rows (Lagrange's bound):
// for prices λ with the right signs, objective(x) <= Σ λ·rhs + Σ_a max(0, reduced cost of a) for every x
// that meets the rows, whatever λ is. The LP's optimal prices make it the LP relaxation's value.
#pragma once

#include <cstdint>
#include <vector>

#include "matching/assignment/coupling_rows.hpp"
#include "matching/assignment/indexed_problem.hpp"
#include "matching/assignment/linear_model.hpp"

namespace jobcenter::matching {

struct DualBound {
    double value = 0.0;
    std::vector<double> reduced_cost;  // per arc of the problem: its objective less the prices of its rows
};

// `prices` per row of `model` (for a maximisation: a row's price says how much the objective rises when the
// row's limit rises by one). A price of the wrong sign for its row is taken as 0, which keeps the bound valid.
DualBound price_all_arcs(const IndexedProblem& problem, const CouplingRows& coupling, const LinearModel& model,
                         Objective objective, std::vector<double> prices);

// The bound on any assignment that includes arc `a`: the bound less what `a` costs against the prices.
inline double bound_with(const DualBound& bound, std::int32_t a) {
    const auto cost = bound.reduced_cost[static_cast<std::size_t>(a)];
    return cost < 0.0 ? bound.value + cost : bound.value;
}

}  // namespace jobcenter::matching
