// The relaxed best choice per order and the fill-first greedy assignment.
#include "matching/assignment/first_assignments.hpp"

#include <algorithm>
#include <numeric>

#include "matching/assignment/assignment_state.hpp"

namespace jobcenter::matching {

std::vector<std::int32_t> best_clients_alone(const IndexedProblem& problem) {
    std::vector<std::int32_t> chosen;
    for (std::int32_t o = 0; o < problem.order_count(); ++o) {
        const auto ranked = problem.arcs_by_score(o);
        chosen.insert(chosen.end(), ranked.begin(), ranked.begin() + problem.fill_target(o));
    }
    std::sort(chosen.begin(), chosen.end());
    return chosen;
}

std::vector<std::int32_t> greedy_fill(const IndexedProblem& problem, const ClashTable& clashes) {
    std::vector<std::int32_t> orders(static_cast<std::size_t>(problem.order_count()));
    std::iota(orders.begin(), orders.end(), 0);
    std::stable_sort(orders.begin(), orders.end(), [&](std::int32_t a, std::int32_t b) {
        return problem.eligible(a) - problem.seats(a) < problem.eligible(b) - problem.seats(b);
    });
    AssignmentState state(problem, clashes);
    for (const auto o : orders) state.fill_with_best(o);
    return state.arcs();
}

double score_of(const IndexedProblem& problem, const std::vector<std::int32_t>& arcs) {
    double total = 0.0;
    for (const auto a : arcs) total += problem.arc(a).score;
    return total;
}

}  // namespace jobcenter::matching
