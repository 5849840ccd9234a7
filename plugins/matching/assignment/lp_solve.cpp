// The Clp call: the model loaded as a minimisation of the negated objective, quiet, solved by the dual simplex.
#include "matching/assignment/lp_solve.hpp"

#include <ClpSimplex.hpp>

namespace jobcenter::matching {
namespace {

void load(ClpSimplex& lp, const LinearModel& model) {
    const std::vector<CoinBigIndex> starts(model.column_starts.begin(), model.column_starts.end());
    const std::vector<double> lower(model.columns.size(), 0.0);
    const std::vector<double> upper(model.columns.size(), 1.0);
    std::vector<double> cost(model.objective.size());
    for (std::size_t j = 0; j < cost.size(); ++j) cost[j] = -model.objective[j];
    lp.loadProblem(static_cast<int>(model.columns.size()), static_cast<int>(model.row_lower.size()), starts.data(),
                   model.row_indices.data(), model.values.data(), lower.data(), upper.data(), cost.data(),
                   model.row_lower.data(), model.row_upper.data());
}

}  // namespace

LpOutcome solve_lp(const LinearModel& model, const LpLimits& limits) {
    ClpSimplex lp;
    lp.setLogLevel(0);
    load(lp, model);
    lp.setMaximumIterations(limits.iterations);
    lp.setMaximumWallSeconds(limits.seconds);
    lp.dual();

    LpOutcome outcome;
    outcome.optimal = lp.isProvenOptimal();
    outcome.value = -lp.objectiveValue();
    // Clp's duals are for the minimisation of -objective: the maximisation's prices are their negation.
    const auto rows = static_cast<std::size_t>(lp.numberRows());
    const double* duals = lp.dualRowSolution();
    outcome.prices.resize(rows);
    for (std::size_t r = 0; r < rows; ++r) outcome.prices[r] = -duals[r];
    return outcome;
}

}  // namespace jobcenter::matching
