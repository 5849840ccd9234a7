// The fill stage: cheap when the greedy pass meets the fill targets; otherwise the seats LP over all arcs and
// an exact search over the arcs it cannot rule out.
#include "matching/assignment/fill_stage.hpp"

#include <algorithm>
#include <cmath>

#include "matching/assignment/candidate_arcs.hpp"
#include "matching/assignment/exact_search.hpp"
#include "matching/assignment/first_assignments.hpp"
#include "matching/assignment/number_text.hpp"
#include "matching/assignment/relaxation.hpp"

namespace jobcenter::matching {
namespace {

constexpr double integer_slack = 1e-6;  // LP values this close to a whole number count as it

int whole_bound(double value) { return static_cast<int>(std::floor(value + integer_slack)); }

}  // namespace

FillOutcome settle_fill(const IndexedProblem& problem, const ClashTable& clashes, const WorkLimits& limits) {
    FillOutcome fill;
    fill.assignment = greedy_fill(problem, clashes);
    fill.seat_upper_bound = problem.seat_bound();
    if (static_cast<int>(fill.assignment.size()) == fill.seat_upper_bound) {
        fill.proven = true;
        fill.method = "seats: every fill target met";
        return fill;
    }

    const StageGoal goal{Objective::seats, 0};
    CandidateArcs candidates(problem);
    candidates.add_best_of_each_order();
    candidates.add_all(fill.assignment);
    const auto relaxation = relax_over_all_arcs(problem, goal, candidates, limits);
    fill.seat_upper_bound = std::min(fill.seat_upper_bound, whole_bound(relaxation.bound.value));
    const auto greedy_seats = static_cast<int>(fill.assignment.size());
    if (greedy_seats >= fill.seat_upper_bound) {
        fill.method = "seats: the greedy fill meets the seats lp's bound";
    } else if (!exact_search_fits(candidates.size(), limits)) {
        fill.method = "seats: the greedy fill, " + std::to_string(fill.seat_upper_bound - greedy_seats) +
                      " below the seats lp's bound (too many candidates for an exact search)";
    } else {
        const auto search = search_exactly(problem, goal, candidates, relaxation.bound, fill.assignment,
                                           1.0 - integer_slack, limits);
        fill.assignment = search.assignment;
        fill.seat_upper_bound = std::min(fill.seat_upper_bound, whole_bound(search.upper_bound));
        fill.timed_out = search.timed_out;
        fill.method = "seats: cbc over " + grouped(static_cast<long long>(candidates.size())) + " of " +
                      grouped(problem.arc_count()) + " arcs, bounded by the seats lp";
    }
    fill.proven = static_cast<int>(fill.assignment.size()) >= fill.seat_upper_bound;
    fill.timed_out = fill.timed_out || relaxation.timed_out;
    return fill;
}

}  // namespace jobcenter::matching
