// Changes to an assignment that keep its arcs, client loads and seat counts in step.
#include "matching/assignment/assignment_state.hpp"

namespace jobcenter::matching {

AssignmentState::AssignmentState(const IndexedProblem& problem, const ClashTable& clashes,
                                 const std::vector<std::int32_t>& chosen)
    : problem_(problem),
      loads_(problem, clashes),
      chosen_(static_cast<std::size_t>(problem.arc_count()), 0),
      filled_(static_cast<std::size_t>(problem.order_count()), 0) {
    for (const auto a : chosen) take(a);
}

bool AssignmentState::fits(std::int32_t a) const { return loads_.fits(problem_.arc(a).client, problem_.arc(a).order); }

void AssignmentState::take(std::int32_t a) {
    const auto& arc = problem_.arc(a);
    loads_.take(arc.client, arc.order);
    chosen_[static_cast<std::size_t>(a)] = 1;
    ++filled_[static_cast<std::size_t>(arc.order)];
}

void AssignmentState::drop(std::int32_t a) {
    const auto& arc = problem_.arc(a);
    loads_.release(arc.client, arc.order);
    chosen_[static_cast<std::size_t>(a)] = 0;
    --filled_[static_cast<std::size_t>(arc.order)];
}

void AssignmentState::replace(std::int32_t out, std::int32_t in) {
    drop(out);
    take(in);
}

void AssignmentState::fill_with_best(std::int32_t order) {
    for (const auto a : problem_.arcs_by_score(order)) {
        if (full(order)) return;
        if (!chosen(a) && fits(a)) take(a);
    }
}

std::vector<std::int32_t> AssignmentState::arcs() const {
    std::vector<std::int32_t> chosen;
    for (std::int32_t a = 0; a < problem_.arc_count(); ++a)
        if (this->chosen(a)) chosen.push_back(a);
    return chosen;
}

}  // namespace jobcenter::matching
