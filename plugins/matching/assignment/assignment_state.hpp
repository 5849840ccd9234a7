// An assignment being built or changed: which arcs are chosen, what each client holds and how many seats each
// order has; every change keeps the three in step.
#pragma once

#include <cstdint>
#include <vector>

#include "matching/assignment/client_loads.hpp"
#include "matching/assignment/indexed_problem.hpp"
#include "matching/assignment/order_clashes.hpp"

namespace jobcenter::matching {

class AssignmentState {
public:
    // `chosen`: the arcs of a feasible assignment to start from.
    AssignmentState(const IndexedProblem& problem, const ClashTable& clashes,
                    const std::vector<std::int32_t>& chosen = {});

    bool chosen(std::int32_t a) const { return chosen_[static_cast<std::size_t>(a)] != 0; }
    int filled(std::int32_t order) const { return filled_[static_cast<std::size_t>(order)]; }
    bool full(std::int32_t order) const { return filled(order) >= problem_.fill_target(order); }
    const ClientLoads& loads() const { return loads_; }

    // Whether arc `a`'s client may take its order besides what they hold.
    bool fits(std::int32_t a) const;
    void take(std::int32_t a);
    void drop(std::int32_t a);
    // Chosen arc `out` gives its seat to `in`, of the same order.
    void replace(std::int32_t out, std::int32_t in);
    // The order's best-scoring arcs whose clients fit, until it meets its fill target.
    void fill_with_best(std::int32_t order);

    // The chosen arcs, ascending.
    std::vector<std::int32_t> arcs() const;

private:
    const IndexedProblem& problem_;
    ClientLoads loads_;
    std::vector<char> chosen_;
    std::vector<int> filled_;
};

}  // namespace jobcenter::matching
