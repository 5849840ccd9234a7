// Passes of improving moves over the orders until none is left; each move raises the total score, so the
// passes end.
#include "matching/assignment/swap_improvement.hpp"

#include <algorithm>

#include "matching/assignment/client_loads.hpp"

namespace jobcenter::matching {
namespace {

constexpr double worth = 1e-9;  // a smaller gain is rounding, not an improvement

class Improver {
public:
    Improver(const IndexedProblem& problem, const ClashTable& clashes, const std::vector<std::int32_t>& chosen)
        : problem_(problem), loads_(loads_of(problem, clashes, chosen)),
          chosen_(static_cast<std::size_t>(problem.arc_count()), 0),
          filled_(static_cast<std::size_t>(problem.order_count()), 0) {
        for (const auto a : chosen) {
            chosen_[static_cast<std::size_t>(a)] = 1;
            ++filled_[static_cast<std::size_t>(problem.arc(a).order)];
        }
    }

    bool pass() {
        bool improved = false;
        for (std::int32_t o = 0; o < problem_.order_count(); ++o) {
            for (auto a = problem_.first_arc(o); a < problem_.end_arc(o); ++a)
                if (chosen_[static_cast<std::size_t>(a)] && improve_seat(a)) improved = true;
            while (filled_[static_cast<std::size_t>(o)] < problem_.fill_target(o) && fill_seat(o)) improved = true;
        }
        return improved;
    }

    std::vector<std::int32_t> chosen() const {
        std::vector<std::int32_t> arcs;
        for (std::int32_t a = 0; a < problem_.arc_count(); ++a)
            if (chosen_[static_cast<std::size_t>(a)]) arcs.push_back(a);
        return arcs;
    }

private:
    // Better clients of the seat's order, best first: the first one free for it, or freed by a hand-over.
    bool improve_seat(std::int32_t held) {
        const auto& arc = problem_.arc(held);
        for (const auto better : problem_.arcs_by_score(arc.order)) {
            const auto& candidate = problem_.arc(better);
            if (candidate.score <= arc.score + worth) return false;
            if (chosen_[static_cast<std::size_t>(better)]) continue;
            if (loads_.fits(candidate.client, arc.order)) {
                replace(held, better);
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
        const auto holds = loads_.orders_of(client);  // a copy: the loads change below
        for (const auto other : holds) {
            const auto given = problem_.find_arc(other, client);
            for (const auto taker : problem_.arcs_by_score(other)) {
                const auto& successor = problem_.arc(taker);
                if (gain + successor.score - problem_.arc(given).score <= worth) break;
                if (chosen_[static_cast<std::size_t>(taker)] || successor.client == problem_.arc(held).client) continue;
                if (!loads_.fits(successor.client, other)) continue;
                loads_.release(client, other);
                const bool fits = loads_.fits(client, order);
                loads_.take(client, other);
                if (!fits) break;
                replace(given, taker);
                replace(held, better);
                return true;
            }
        }
        return false;
    }

    // An empty seat of `order`: its best client who is free takes it, or the best one who gains by leaving
    // another order (which keeps an empty seat instead).
    bool fill_seat(std::int32_t order) {
        for (const auto a : problem_.arcs_by_score(order)) {
            if (chosen_[static_cast<std::size_t>(a)]) continue;
            const auto& arc = problem_.arc(a);
            if (loads_.fits(arc.client, order)) {
                take(a);
                return true;
            }
            const auto holds = loads_.orders_of(arc.client);  // a copy: the loads change below
            for (const auto other : holds) {
                const auto left = problem_.find_arc(other, arc.client);
                if (arc.score - problem_.arc(left).score <= worth) continue;
                loads_.release(arc.client, other);
                const bool fits = loads_.fits(arc.client, order);
                loads_.take(arc.client, other);
                if (!fits) continue;
                drop(left);
                take(a);
                return true;
            }
        }
        return false;
    }

    void take(std::int32_t a) {
        const auto& arc = problem_.arc(a);
        loads_.take(arc.client, arc.order);
        chosen_[static_cast<std::size_t>(a)] = 1;
        ++filled_[static_cast<std::size_t>(arc.order)];
    }

    void drop(std::int32_t a) {
        const auto& arc = problem_.arc(a);
        loads_.release(arc.client, arc.order);
        chosen_[static_cast<std::size_t>(a)] = 0;
        --filled_[static_cast<std::size_t>(arc.order)];
    }

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
    std::vector<int> filled_;  // per order: seats taken
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
