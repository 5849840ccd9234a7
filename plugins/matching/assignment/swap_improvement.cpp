// Passes of improving moves over the orders until none is left; each move fills a seat more or raises the
// total score with as many seats, so the passes end.
#include "matching/assignment/swap_improvement.hpp"

#include "matching/assignment/assignment_state.hpp"

namespace jobcenter::matching {
namespace {

constexpr double worth = 1e-9;  // a smaller gain is rounding, not an improvement

class Improver {
public:
    Improver(const IndexedProblem& problem, const ClashTable& clashes, const std::vector<std::int32_t>& chosen)
        : problem_(problem), state_(problem, clashes, chosen) {}

    bool pass() {
        bool improved = false;
        for (std::int32_t o = 0; o < problem_.order_count(); ++o) {
            for (auto a = problem_.first_arc(o); a < problem_.end_arc(o); ++a)
                if (state_.chosen(a) && improve_seat(a)) improved = true;
            while (!state_.full(o) && fill_seat(o)) improved = true;
        }
        return improved;
    }

    std::vector<std::int32_t> chosen() const { return state_.arcs(); }

private:
    // Better clients of the seat's order, best first: the first one free for it, or freed by a hand-over.
    bool improve_seat(std::int32_t held) {
        const auto& arc = problem_.arc(held);
        for (const auto better : problem_.arcs_by_score(arc.order)) {
            if (problem_.arc(better).score <= arc.score + worth) return false;
            if (state_.chosen(better)) continue;
            if (state_.fits(better)) {
                state_.replace(held, better);
                return true;
            }
            if (hand_over(held, better)) return true;
        }
        return false;
    }

    // `better`'s client gives one of their orders to a free client, then takes `held`'s seat, when the two
    // changes together raise the score.
    bool hand_over(std::int32_t held, std::int32_t better) {
        const auto gain = problem_.arc(better).score - problem_.arc(held).score;
        const auto client = problem_.arc(better).client;
        const auto order = problem_.arc(held).order;
        for (const auto other : state_.loads().orders_of(client)) {
            if (!state_.loads().fits_instead(client, order, other)) continue;
            const auto given = problem_.find_arc(other, client);
            for (const auto taker : problem_.arcs_by_score(other)) {
                if (gain + problem_.arc(taker).score - problem_.arc(given).score <= worth) break;
                if (state_.chosen(taker) || problem_.arc(taker).client == problem_.arc(held).client) continue;
                if (!state_.fits(taker)) continue;
                state_.replace(given, taker);
                state_.replace(held, better);
                return true;
            }
        }
        return false;
    }

    // An empty seat of `order`: its best client who is free takes it, or the best one who gains by leaving
    // another order (which keeps an empty seat instead).
    bool fill_seat(std::int32_t order) {
        for (const auto a : problem_.arcs_by_score(order)) {
            if (state_.chosen(a)) continue;
            if (state_.fits(a)) {
                state_.take(a);
                return true;
            }
            const auto client = problem_.arc(a).client;
            for (const auto other : state_.loads().orders_of(client)) {
                const auto left = problem_.find_arc(other, client);
                if (problem_.arc(a).score - problem_.arc(left).score <= worth) continue;
                if (!state_.loads().fits_instead(client, order, other)) continue;
                state_.drop(left);
                state_.take(a);
                return true;
            }
        }
        return false;
    }

    const IndexedProblem& problem_;
    AssignmentState state_;
};

}  // namespace

std::vector<std::int32_t> improve_by_swaps(const IndexedProblem& problem, const ClashTable& clashes,
                                           std::vector<std::int32_t> chosen) {
    Improver improver(problem, clashes, chosen);
    while (improver.pass()) {
    }
    return improver.chosen();
}

}  // namespace jobcenter::matching
