// Choosing and recording candidate arcs.
#include "matching/assignment/candidate_arcs.hpp"

#include <algorithm>

namespace jobcenter::matching {

CandidateArcs::CandidateArcs(const IndexedProblem& problem)
    : problem_(problem), flags_(static_cast<std::size_t>(problem.arc_count()), 0) {}

void CandidateArcs::add_best_of_each_order() {
    for (std::int32_t o = 0; o < problem_.order_count(); ++o) {
        const auto target = problem_.fill_target(o);
        const auto wanted = std::min(problem_.eligible(o), target + std::max(target, 3));
        const auto ranked = problem_.arcs_by_score(o);
        for (int i = 0; i < wanted; ++i) add(ranked[static_cast<std::size_t>(i)]);
    }
}

void CandidateArcs::add(std::int32_t a) {
    auto& flag = flags_[static_cast<std::size_t>(a)];
    if (flag) return;
    flag = 1;
    ++count_;
}

void CandidateArcs::add_all(const std::vector<std::int32_t>& arcs) {
    for (const auto a : arcs) add(a);
}

std::vector<std::int32_t> CandidateArcs::list() const {
    std::vector<std::int32_t> arcs;
    arcs.reserve(count_);
    for (std::int32_t a = 0; a < problem_.arc_count(); ++a)
        if (contains(a)) arcs.push_back(a);
    return arcs;
}

}  // namespace jobcenter::matching
