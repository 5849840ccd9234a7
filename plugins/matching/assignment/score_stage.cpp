// The score stage in named steps: the LP relaxation over all arcs, the Lagrangian relaxation from its prices,
// local improvement of the best assignment, and an exact search when Cbc can finish in the time left.
#include "matching/assignment/score_stage.hpp"

#include <algorithm>
#include <cmath>

#include "matching/assignment/candidate_arcs.hpp"
#include "matching/assignment/exact_search.hpp"
#include "matching/assignment/first_assignments.hpp"
#include "matching/assignment/lagrangian.hpp"
#include "matching/assignment/number_text.hpp"
#include "matching/assignment/relaxation.hpp"
#include "matching/assignment/swap_improvement.hpp"

namespace jobcenter::matching {
namespace {

// Keeps `candidate` when it fills as many seats as `best` and scores more.
void keep_better(const IndexedProblem& problem, std::vector<std::int32_t>& best, std::vector<std::int32_t> candidate) {
    if (candidate.size() == best.size() && score_of(problem, candidate) > score_of(problem, best))
        best = std::move(candidate);
}

// Tightens the bound from the LP's prices and keeps the best repaired schedules, improved by swaps.
void relax_seat_rows(const IndexedProblem& problem, const ClashTable& clashes, const StageGoal& goal,
                     const Relaxation& relaxation, const WorkLimits& limits, ScoreOutcome& outcome) {
    // The LP's price of the fill row is at most 0 (more seats to fill cost score): its negation is the reward.
    LagrangianPrices prices{relaxation.order_prices, -relaxation.fill_price};
    const auto lagrangian = lagrangian_search(problem, clashes, goal.seats_to_fill, std::move(prices),
                                              score_of(problem, outcome.assignment), limits);
    outcome.upper_bound = std::min(outcome.upper_bound, lagrangian.bound);
    outcome.timed_out = outcome.timed_out || lagrangian.timed_out;
    if (!lagrangian.best.empty()) keep_better(problem, outcome.assignment, lagrangian.best);
    outcome.assignment = improve_by_swaps(problem, clashes, std::move(outcome.assignment));
    outcome.score = score_of(problem, outcome.assignment);
    outcome.method += ", lagrangian relaxation of the seat rows (" + std::to_string(lagrangian.steps) +
                      " steps), its best repaired schedules improved by swaps";
}

// Cbc over the candidates, keeping what it proves.
void search_candidates(const IndexedProblem& problem, const StageGoal& goal, CandidateArcs& candidates,
                       const Relaxation& relaxation, const WorkLimits& limits, ScoreOutcome& outcome) {
    const double tolerance = score_tolerance(outcome.upper_bound);
    const auto search =
        search_exactly(problem, goal, candidates, relaxation.bound, outcome.assignment, tolerance, limits);
    keep_better(problem, outcome.assignment, search.assignment);
    outcome.score = score_of(problem, outcome.assignment);
    outcome.upper_bound = std::max(outcome.score, std::min(outcome.upper_bound, search.upper_bound));
    outcome.proven = search.proven || outcome.score >= outcome.upper_bound - tolerance;
    outcome.timed_out = outcome.timed_out || search.timed_out;
    outcome.method += ", cbc over " + grouped(static_cast<long long>(candidates.size())) + " of " +
                      grouped(problem.arc_count()) + " arcs (" + std::to_string(search.searches) +
                      (search.searches == 1 ? " search)" : " searches)");
}

}  // namespace

double score_tolerance(double bound) { return 1e-6 * std::max(1.0, std::abs(bound)); }

ScoreOutcome maximise_score(const IndexedProblem& problem, const ClashTable& clashes, const FillOutcome& fill,
                            const WorkLimits& limits) {
    const StageGoal goal{Objective::score, static_cast<int>(fill.assignment.size())};
    CandidateArcs candidates(problem);
    candidates.add_best_of_each_order();
    candidates.add_all(fill.assignment);
    const auto relaxation = relax_over_all_arcs(problem, goal, candidates, limits);

    ScoreOutcome outcome;
    outcome.assignment = fill.assignment;
    outcome.relaxation_bound = relaxation.bound.value;
    outcome.upper_bound = relaxation.bound.value;
    outcome.timed_out = relaxation.timed_out;
    outcome.method = "score: lp relaxation priced over all arcs (" + std::to_string(relaxation.rounds) + " rounds)";
    relax_seat_rows(problem, clashes, goal, relaxation, limits, outcome);
    outcome.proven = outcome.score >= outcome.upper_bound - score_tolerance(outcome.upper_bound);
    if (!outcome.proven && exact_search_fits(candidates.size(), limits))
        search_candidates(problem, goal, candidates, relaxation, limits, outcome);
    return outcome;
}

}  // namespace jobcenter::matching
