// The loop of Cbc searches and the pricing that decides whether another one is needed.
#include "matching/assignment/exact_search.hpp"

#include <algorithm>
#include <limits>

#include "matching/assignment/coupling_rows.hpp"
#include "matching/assignment/mip_search.hpp"

namespace jobcenter::matching {
namespace {

// Arcs outside the candidates, and the best bound any assignment using one of them could reach.
struct LeftOut {
    std::vector<std::int32_t> still_open;  // could beat `value` by more than the tolerance
    double best_bound = -std::numeric_limits<double>::infinity();
};

LeftOut rule_out(const IndexedProblem& problem, const CandidateArcs& candidates, const DualBound& bound, double value,
                 double tolerance) {
    LeftOut left;
    for (std::int32_t a = 0; a < problem.arc_count(); ++a) {
        if (candidates.contains(a)) continue;
        const auto reach = bound_with(bound, a);
        left.best_bound = std::max(left.best_bound, reach);
        if (reach > value + tolerance) left.still_open.push_back(a);
    }
    return left;
}

}  // namespace

bool exact_search_fits(std::size_t candidates, const WorkLimits& limits) {
    return candidates <= limits.budget.exact_search_arcs && !limits.deadline.passed();
}

ExactSearch search_exactly(const IndexedProblem& problem, const StageGoal& goal, CandidateArcs& candidates,
                           const DualBound& prices_bound, std::vector<std::int32_t> start, double tolerance,
                           const WorkLimits& limits) {
    ExactSearch search;
    search.assignment = std::move(start);
    candidates.add_all(search.assignment);
    const double step = goal.objective == Objective::seats ? 1.0 - 1e-6 : tolerance / 10;
    while (true) {
        ++search.searches;
        const CouplingRows coupling(problem, candidates.flags());
        const auto model = build_linear_model(problem, coupling, candidates.list(), goal);
        const auto mip = search_mip(model, search.assignment, {limits.budget.cbc_nodes, limits.deadline.seconds_left()}, step);
        search.assignment = mip.chosen;
        search.value = mip.value;
        const auto left = rule_out(problem, candidates, prices_bound, search.value, tolerance);
        // Within the candidates Cbc's bound holds; an assignment using an arc left out is bounded by that arc.
        search.upper_bound = std::max(search.value, std::min(prices_bound.value, std::max(mip.bound, left.best_bound)));
        search.timed_out = mip.end == MipEnd::time_limit;
        if (mip.end != MipEnd::optimal) return search;
        if (left.still_open.empty()) {
            search.proven = true;
            return search;
        }
        if (!exact_search_fits(candidates.size() + left.still_open.size(), limits)) {
            search.timed_out = limits.deadline.passed();
            return search;
        }
        candidates.add_all(left.still_open);
    }
}

}  // namespace jobcenter::matching
