// Cutting over-chosen orders down to their targets and filling the short ones.
#include "matching/assignment/schedule_repair.hpp"

#include <algorithm>

#include "matching/assignment/client_loads.hpp"

namespace jobcenter::matching {

std::vector<std::int32_t> repair_schedules(const IndexedProblem& problem, const ClashTable& clashes,
                                           std::vector<std::int32_t> chosen) {
    // Arcs are numbered by order: sorting groups each order's claimants; the best scores stay.
    std::sort(chosen.begin(), chosen.end(), [&](std::int32_t a, std::int32_t b) {
        const auto& x = problem.arc(a);
        const auto& y = problem.arc(b);
        if (x.order != y.order) return x.order < y.order;
        return x.score != y.score ? x.score > y.score : x.client < y.client;
    });
    ClientLoads loads(problem, clashes);
    std::vector<int> filled(static_cast<std::size_t>(problem.order_count()), 0);
    std::vector<std::int32_t> kept;
    for (const auto a : chosen) {
        const auto& arc = problem.arc(a);
        auto& count = filled[static_cast<std::size_t>(arc.order)];
        if (count == problem.fill_target(arc.order)) continue;
        ++count;
        loads.take(arc.client, arc.order);
        kept.push_back(a);
    }
    for (std::int32_t o = 0; o < problem.order_count(); ++o) {
        auto& count = filled[static_cast<std::size_t>(o)];
        for (const auto a : problem.arcs_by_score(o)) {
            if (count == problem.fill_target(o)) break;
            const auto client = problem.arc(a).client;
            if (!loads.fits(client, o)) continue;
            loads.take(client, o);
            kept.push_back(a);
            ++count;
        }
    }
    std::sort(kept.begin(), kept.end());
    return kept;
}

}  // namespace jobcenter::matching
