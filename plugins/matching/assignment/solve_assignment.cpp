// solve_assignment: check and index the problem, take the relaxed optimum when it already fits, else settle
// the seats, then the score, break ties by index, and report what was proven.
#include "matching/assignment/assignment.hpp"

#include <algorithm>
#include <cmath>

#include "matching/assignment/client_loads.hpp"
#include "matching/assignment/work_limits.hpp"
#include "matching/assignment/fill_stage.hpp"
#include "matching/assignment/first_assignments.hpp"
#include "matching/assignment/indexed_problem.hpp"
#include "matching/assignment/order_clashes.hpp"
#include "matching/assignment/problem_check.hpp"
#include "matching/assignment/score_stage.hpp"
#include "matching/assignment/tie_break.hpp"
#include "matching/assignment/unfilled_seats.hpp"

namespace jobcenter::matching {
namespace {

// What the stages found, before it is written out in the caller's terms.
struct Solution {
    std::vector<std::int32_t> arcs;
    int seat_upper_bound = 0;
    double score_upper_bound = 0.0;
    double relaxation_bound = 0.0;
    SolveStatus status = SolveStatus::optimal;
    std::string method;
};

// Every order's best clients, when they fit together, are optimal: nothing fills more seats (each order
// meets its fill target) and nothing filling as many scores more (each order has its best).
bool take_best_alone(const IndexedProblem& problem, const ClashTable& clashes, Solution& solution) {
    auto best = best_clients_alone(problem);
    if (!respects_coupling(problem, clashes, best)) return false;
    const double score = score_of(problem, best);
    solution = {std::move(best), problem.seat_bound(), score, score, SolveStatus::optimal,
                "every order's best clients fit together: optimal without a search"};
    return true;
}

Solution search(const IndexedProblem& problem, const ClashTable& clashes, const WorkLimits& limits) {
    Solution solution;
    if (take_best_alone(problem, clashes, solution)) return solution;
    const auto fill = settle_fill(problem, clashes, limits);
    auto score = maximise_score(problem, clashes, fill, limits);
    solution.arcs = std::move(score.assignment);
    solution.seat_upper_bound = fill.seat_upper_bound;
    solution.score_upper_bound = score.upper_bound;
    solution.relaxation_bound = score.relaxation_bound;
    if (fill.proven && score.proven)
        solution.status = SolveStatus::optimal;
    else
        solution.status = fill.timed_out || score.timed_out ? SolveStatus::time_limit : SolveStatus::heuristic;
    solution.method = fill.method + "; " + score.method;
    return solution;
}

AssignmentResult report(const IndexedProblem& problem, const Solution& solution) {
    AssignmentResult result;
    for (const auto a : solution.arcs) {
        const auto& arc = problem.arc(a);
        result.chosen.push_back({arc.order, arc.client, arc.score});
        result.total_score += arc.score;
    }
    result.unfilled = unfilled_seats(problem, solution.arcs);
    result.seats_filled = static_cast<int>(solution.arcs.size());
    result.seat_upper_bound = solution.seat_upper_bound;
    result.score_upper_bound = std::max(solution.score_upper_bound, result.total_score);
    result.relaxation_score_bound = solution.relaxation_bound;
    result.gap = (result.score_upper_bound - result.total_score) / std::max(1.0, std::abs(result.score_upper_bound));
    result.status = solution.status;
    result.method = solution.method;
    return result;
}

}  // namespace

AssignmentResult solve_assignment(const AssignmentProblem& problem, const AssignmentLimits& limits,
                                  const WorkBudget& budget) {
    check_assignment_problem(problem);
    const WorkLimits work{budget, Deadline(limits.time_limit_seconds)};
    const IndexedProblem indexed(problem);
    const ClashTable clashes(indexed.order_count(), find_clashing_orders(problem.orders));
    auto solution = search(indexed, clashes, work);
    solution.arcs = prefer_lower_indices(indexed, clashes, std::move(solution.arcs));
    return report(indexed, solution);
}

std::string_view solve_status_name(SolveStatus status) {
    switch (status) {
        case SolveStatus::optimal: return "optimal";
        case SolveStatus::time_limit: return "time_limit";
        case SolveStatus::heuristic: return "heuristic";
    }
    return "unknown";
}

}  // namespace jobcenter::matching
