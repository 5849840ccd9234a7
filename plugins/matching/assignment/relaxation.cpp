// The column-generation loop of a stage's relaxation.
#include "matching/assignment/relaxation.hpp"

#include <algorithm>
#include <cmath>

#include "matching/assignment/coupling_rows.hpp"
#include "matching/assignment/lp_solve.hpp"

namespace jobcenter::matching {
namespace {

// Below this a positive reduced cost is the LP's rounding, not an arc worth adding.
double entry_threshold(double value) { return 1e-9 * std::max(1.0, std::abs(value)); }

// When the bound over all arcs exceeds the candidates' LP by less than this, more rounds are not worth it.
double settled(double value) { return 1e-3 * std::max(1.0, std::abs(value)); }

// Small models are solved until the bound settles; on large ones (each round a costly solve from scratch) the
// second round's prices are good enough to start the Lagrangian from.
constexpr std::size_t small_model = 2000;
constexpr int large_model_rounds = 2;

}  // namespace

Relaxation relax_over_all_arcs(const IndexedProblem& problem, const StageGoal& goal, CandidateArcs& candidates,
                               const WorkLimits& limits) {
    Relaxation relaxation;
    while (true) {
        ++relaxation.rounds;
        const CouplingRows coupling(problem, candidates.flags());
        const auto model = build_linear_model(problem, coupling, candidates.list(), goal);
        auto lp = solve_lp(model, {limits.budget.lp_iterations, limits.deadline.seconds_left()});
        relaxation.lp_value = lp.value;
        relaxation.order_prices.assign(lp.prices.begin(), lp.prices.begin() + problem.order_count());
        relaxation.fill_price = model.fill_row >= 0 ? lp.prices[static_cast<std::size_t>(model.fill_row)] : 0.0;
        relaxation.bound = price_all_arcs(problem, coupling, model, goal.objective, std::move(lp.prices));
        if (!lp.optimal) {
            relaxation.timed_out = limits.deadline.passed();
            return relaxation;
        }
        relaxation.converged = relaxation.bound.value - lp.value <= settled(lp.value);
        if (relaxation.converged) return relaxation;
        if (limits.deadline.passed()) {
            relaxation.timed_out = true;
            return relaxation;
        }
        if (relaxation.rounds >= large_model_rounds && candidates.size() > small_model) return relaxation;
        const double threshold = entry_threshold(lp.value);
        const auto before = candidates.size();
        for (std::int32_t a = 0; a < problem.arc_count(); ++a)
            if (!candidates.contains(a) && relaxation.bound.reduced_cost[static_cast<std::size_t>(a)] > threshold)
                candidates.add(a);
        if (candidates.size() == before) return relaxation;  // only rounding noise is left to price in
    }
}

}  // namespace jobcenter::matching
