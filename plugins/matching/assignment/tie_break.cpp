// Moving seats to lower-index clients of equal score, one move or one two-client trade at a time; every move
// makes the assignment smaller in (order, client) order, so the passes end.
#include "matching/assignment/tie_break.hpp"

#include <algorithm>
#include <cmath>

#include "matching/assignment/client_loads.hpp"

namespace jobcenter::matching {
namespace {

bool same_score(double a, double b) { return std::abs(a - b) <= 1e-12 * std::max(1.0, std::max(std::abs(a), std::abs(b))); }

class TieBreaker {
public:
    TieBreaker(const IndexedProblem& problem, const ClashTable& clashes, const std::vector<std::int32_t>& chosen)
        : problem_(problem), loads_(loads_of(problem, clashes, chosen)) {
        chosen_.assign(static_cast<std::size_t>(problem.arc_count()), 0);
        for (const auto a : chosen) chosen_[static_cast<std::size_t>(a)] = 1;
    }

    // One pass over the orders; true when anything moved.
    bool pass() {
        bool moved = false;
        for (std::int32_t o = 0; o < problem_.order_count(); ++o)
            for (auto a = problem_.first_arc(o); a < problem_.end_arc(o); ++a)
                if (chosen_[static_cast<std::size_t>(a)] && improve_seat(a)) moved = true;
        return moved;
    }

    std::vector<std::int32_t> chosen() const {
        std::vector<std::int32_t> arcs;
        for (std::int32_t a = 0; a < problem_.arc_count(); ++a)
            if (chosen_[static_cast<std::size_t>(a)]) arcs.push_back(a);
        return arcs;
    }

private:
    // Gives seat `held` (order o, client c) to the lowest client below c with the same score who can take it.
    bool improve_seat(std::int32_t held) {
        const auto& arc = problem_.arc(held);
        for (auto lower = problem_.first_arc(arc.order); lower < held; ++lower) {
            const auto& other = problem_.arc(lower);
            if (chosen_[static_cast<std::size_t>(lower)] || !same_score(other.score, arc.score)) continue;
            if (move(held, lower) || trade(held, lower)) return true;
        }
        return false;
    }

    bool move(std::int32_t from, std::int32_t to) {
        const auto& target = problem_.arc(to);
        if (!loads_.fits(target.client, target.order)) return false;
        replace(from, to);
        return true;
    }

    // `to`'s client gives one of their later orders to `from`'s client and takes this seat instead, when the
    // total score stays the same and both fit after the trade.
    bool trade(std::int32_t from, std::int32_t to) {
        const auto& mine = problem_.arc(from);
        const auto& theirs = problem_.arc(to);
        const auto held = loads_.orders_of(theirs.client);  // a copy: the loads change below
        for (const auto later : held) {
            if (later <= mine.order) continue;
            const auto given = problem_.find_arc(later, theirs.client);
            const auto taken = problem_.find_arc(later, mine.client);
            if (taken < 0 || chosen_[static_cast<std::size_t>(taken)]) continue;
            if (!same_score(problem_.arc(taken).score + theirs.score, problem_.arc(given).score + mine.score)) continue;
            loads_.release(mine.client, mine.order);
            loads_.release(theirs.client, later);
            const bool fits = loads_.fits(mine.client, later) && loads_.fits(theirs.client, mine.order);
            loads_.take(mine.client, mine.order);
            loads_.take(theirs.client, later);
            if (!fits) continue;
            replace(from, to);
            replace(given, taken);
            return true;
        }
        return false;
    }

    // Chosen arc `out` gives its seat to `in`, of the same order.
    void replace(std::int32_t out, std::int32_t in) {
        const auto& leaving = problem_.arc(out);
        const auto& coming = problem_.arc(in);
        loads_.release(leaving.client, leaving.order);
        loads_.take(coming.client, coming.order);
        chosen_[static_cast<std::size_t>(out)] = 0;
        chosen_[static_cast<std::size_t>(in)] = 1;
    }

    const IndexedProblem& problem_;
    ClientLoads loads_;
    std::vector<char> chosen_;
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
