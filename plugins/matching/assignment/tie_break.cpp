// Moving seats to lower-index clients of equal score, one move or one two-client trade at a time; every move
// makes the assignment smaller in (order, client) order, so the passes end.
#include "matching/assignment/tie_break.hpp"

#include <algorithm>
#include <cmath>

#include "matching/assignment/assignment_state.hpp"

namespace jobcenter::matching {
namespace {

bool same_score(double a, double b) {
    return std::abs(a - b) <= 1e-12 * std::max(1.0, std::max(std::abs(a), std::abs(b)));
}

class TieBreaker {
public:
    TieBreaker(const IndexedProblem& problem, const ClashTable& clashes, const std::vector<std::int32_t>& chosen)
        : problem_(problem), state_(problem, clashes, chosen) {}

    // One pass over the orders; true when anything moved.
    bool pass() {
        bool moved = false;
        for (std::int32_t o = 0; o < problem_.order_count(); ++o)
            for (auto a = problem_.first_arc(o); a < problem_.end_arc(o); ++a)
                if (state_.chosen(a) && improve_seat(a)) moved = true;
        return moved;
    }

    std::vector<std::int32_t> chosen() const { return state_.arcs(); }

private:
    // Gives seat `held` (order o, client c) to the lowest client below c with the same score who can take it.
    bool improve_seat(std::int32_t held) {
        const auto& arc = problem_.arc(held);
        for (auto lower = problem_.first_arc(arc.order); lower < held; ++lower) {
            if (state_.chosen(lower) || !same_score(problem_.arc(lower).score, arc.score)) continue;
            if (state_.fits(lower)) {
                state_.replace(held, lower);
                return true;
            }
            if (trade(held, lower)) return true;
        }
        return false;
    }

    // `to`'s client gives one of their later orders to `from`'s client and takes this seat instead, when the
    // total score stays the same and both fit after the trade.
    bool trade(std::int32_t from, std::int32_t to) {
        const auto& mine = problem_.arc(from);
        const auto& theirs = problem_.arc(to);
        for (const auto later : state_.loads().orders_of(theirs.client)) {
            if (later <= mine.order) continue;
            const auto given = problem_.find_arc(later, theirs.client);
            const auto taken = problem_.find_arc(later, mine.client);
            if (taken < 0 || state_.chosen(taken)) continue;
            if (!same_score(problem_.arc(taken).score + theirs.score, problem_.arc(given).score + mine.score)) continue;
            if (!state_.loads().fits_instead(mine.client, later, mine.order) ||
                !state_.loads().fits_instead(theirs.client, mine.order, later))
                continue;
            state_.replace(from, to);
            state_.replace(given, taken);
            return true;
        }
        return false;
    }

    const IndexedProblem& problem_;
    AssignmentState state_;
};

}  // namespace

std::vector<std::int32_t> prefer_lower_indices(const IndexedProblem& problem, const ClashTable& clashes,
                                               std::vector<std::int32_t> chosen) {
    TieBreaker breaker(problem, clashes, chosen);
    while (breaker.pass()) {
    }
    return breaker.chosen();
}

}  // namespace jobcenter::matching
