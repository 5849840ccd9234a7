// Assembling a stage's rows, bounds and columns over the candidate arcs.
#include "matching/assignment/linear_model.hpp"

namespace jobcenter::matching {

double arc_objective(const IndexedProblem& problem, Objective objective, std::int32_t a) {
    return objective == Objective::seats ? 1.0 : problem.arc(a).score;
}

LinearModel build_linear_model(const IndexedProblem& problem, const CouplingRows& coupling,
                               const std::vector<std::int32_t>& candidates, const StageGoal& goal) {
    LinearModel model;
    const bool exact_targets = goal.objective == Objective::score && goal.seats_to_fill == problem.seat_bound();
    for (std::int32_t o = 0; o < problem.order_count(); ++o) {
        const auto target = static_cast<double>(problem.fill_target(o));
        model.row_lower.push_back(exact_targets ? target : -unbounded);
        model.row_upper.push_back(target);
    }
    model.first_coupling_row = problem.order_count();
    for (const auto& row : coupling.rows()) {
        model.row_lower.push_back(-unbounded);
        model.row_upper.push_back(row.capacity);
    }
    if (goal.objective == Objective::score && !exact_targets) {
        model.fill_row = static_cast<std::int32_t>(model.row_lower.size());
        model.row_lower.push_back(static_cast<double>(goal.seats_to_fill));
        model.row_upper.push_back(unbounded);
    }

    model.columns = candidates;
    model.column_starts.push_back(0);
    for (const auto a : candidates) {
        model.objective.push_back(arc_objective(problem, goal.objective, a));
        model.row_indices.push_back(problem.arc(a).order);
        model.values.push_back(1.0);
        coupling.for_each_row_of(a, [&](std::int32_t row, double coefficient) {
            model.row_indices.push_back(model.first_coupling_row + row);
            model.values.push_back(coefficient);
        });
        if (model.fill_row >= 0) {
            model.row_indices.push_back(model.fill_row);
            model.values.push_back(1.0);
        }
        model.column_starts.push_back(static_cast<int>(model.row_indices.size()));
    }
    return model;
}

}  // namespace jobcenter::matching
