// Pricing every arc of the problem against a stage's row prices, and the bound those prices prove.
#include "matching/assignment/dual_bound.hpp"

namespace jobcenter::matching {
namespace {

bool finite(double limit) { return limit > -unbounded && limit < unbounded; }

// The part of the bound a row adds: its price times the limit the price's sign refers to; a price whose
// limit is infinite is set to 0 (the bound would be infinite otherwise).
double row_term(double& price, double lower, double upper) {
    if (price > 0.0 && finite(upper)) return price * upper;
    if (price < 0.0 && finite(lower)) return price * lower;
    price = 0.0;
    return 0.0;
}

}  // namespace

DualBound price_all_arcs(const IndexedProblem& problem, const CouplingRows& coupling, const LinearModel& model,
                         Objective objective, std::vector<double> prices) {
    DualBound bound;
    for (std::size_t r = 0; r < prices.size(); ++r)
        bound.value += row_term(prices[r], model.row_lower[r], model.row_upper[r]);
    const double fill_price = model.fill_row >= 0 ? prices[static_cast<std::size_t>(model.fill_row)] : 0.0;

    bound.reduced_cost.resize(static_cast<std::size_t>(problem.arc_count()));
    for (std::int32_t a = 0; a < problem.arc_count(); ++a) {
        double cost = arc_objective(problem, objective, a) - prices[static_cast<std::size_t>(problem.arc(a).order)] -
                      fill_price;
        coupling.for_each_row_of(a, [&](std::int32_t row, double coefficient) {
            cost -= prices[static_cast<std::size_t>(model.first_coupling_row + row)] * coefficient;
        });
        bound.reduced_cost[static_cast<std::size_t>(a)] = cost;
        if (cost > 0.0) bound.value += cost;
    }
    return bound;
}

}  // namespace jobcenter::matching
