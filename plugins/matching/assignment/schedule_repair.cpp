// Cutting over-chosen orders down to their targets and filling the short ones.
#include "matching/assignment/schedule_repair.hpp"

#include <algorithm>

#include "matching/assignment/assignment_state.hpp"

namespace jobcenter::matching {

std::vector<std::int32_t> repair_schedules(const IndexedProblem& problem, const ClashTable& clashes,
                                           std::vector<std::int32_t> chosen) {
    // Each order's claimants by score, best first; those beyond its fill target give the seat up.
    std::sort(chosen.begin(), chosen.end(), [&](std::int32_t a, std::int32_t b) {
        const auto& x = problem.arc(a);
        const auto& y = problem.arc(b);
        if (x.order != y.order) return x.order < y.order;
        return x.score != y.score ? x.score > y.score : x.client < y.client;
    });
    AssignmentState state(problem, clashes);
    for (const auto a : chosen)
        if (!state.full(problem.arc(a).order)) state.take(a);
    for (std::int32_t o = 0; o < problem.order_count(); ++o) state.fill_with_best(o);
    return state.arcs();
}

}  // namespace jobcenter::matching
