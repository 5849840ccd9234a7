// One stage's linear model over candidate arcs, in the column form Clp and Cbc load: a 0..1 column per
// candidate, a seats row per order, the coupling rows, and in the score stage, when the fill targets cannot
// all be met, one row that keeps the number of seats filled.
#pragma once

#include <cstdint>
#include <vector>

#include "matching/assignment/coupling_rows.hpp"
#include "matching/assignment/indexed_problem.hpp"

namespace jobcenter::matching {

enum class Objective { seats, score };

// What a stage maximises, and under which fill: for the score stage, the seats every solution must fill.
struct StageGoal {
    Objective objective = Objective::seats;
    int seats_to_fill = 0;  // score stage only
};

// Each order's row is "at most its fill target"; in the score stage an order's row is "exactly its fill
// target" when the fill to keep is the sum of the targets, and otherwise one more row keeps the fill.
struct LinearModel {
    std::vector<std::int32_t> columns;  // candidate arcs, ascending
    std::vector<double> objective;      // per column, to maximise
    std::vector<double> row_lower;      // -infinity as -max double
    std::vector<double> row_upper;
    std::vector<int> column_starts;     // column-wise sparse matrix
    std::vector<int> row_indices;
    std::vector<double> values;
    std::int32_t first_coupling_row = 0;  // orders' rows come first, in order
    std::int32_t fill_row = -1;           // the row keeping the fill, or -1
};

constexpr double unbounded = 1.7976931348623157e308;  // what Clp and Cbc read as infinity

// The value one arc adds to the stage's objective.
double arc_objective(const IndexedProblem& problem, Objective objective, std::int32_t a);

LinearModel build_linear_model(const IndexedProblem& problem, const CouplingRows& coupling,
                               const std::vector<std::int32_t>& candidates, const StageGoal& goal);

}  // namespace jobcenter::matching
