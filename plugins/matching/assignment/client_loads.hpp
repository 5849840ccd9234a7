// What each client holds in an assignment being built or changed: their orders and the minutes used per week,
// so that "may this client take one more order?" (no clash, every week within its cap) is a quick question.
#pragma once

#include <cstdint>
#include <vector>

#include "matching/assignment/indexed_problem.hpp"
#include "matching/assignment/order_clashes.hpp"

namespace jobcenter::matching {

class ClientLoads {
public:
    ClientLoads(const IndexedProblem& problem, const ClashTable& clashes);

    // True when `client` may take `order` besides what they hold: no clash with their orders and every week's
    // minutes within their free minutes.
    bool fits(std::int32_t client, std::int32_t order) const;
    // The same, as if the client gave up `instead` (one of the orders they hold) first.
    bool fits_instead(std::int32_t client, std::int32_t order, std::int32_t instead) const;
    void take(std::int32_t client, std::int32_t order);
    void release(std::int32_t client, std::int32_t order);
    const std::vector<std::int32_t>& orders_of(std::int32_t client) const;

private:
    std::int32_t used_minutes(std::int32_t client, std::int32_t week) const;
    std::int32_t minutes_in(std::int32_t order, std::int32_t week) const;

    const IndexedProblem& problem_;
    const ClashTable& clashes_;
    std::vector<std::vector<std::int32_t>> orders_;     // per client, in the order taken
    std::vector<std::vector<WeekMinutes>> used_;        // per client: minutes taken in each week touched
};

// True when the arcs, taken together, respect every client's clashes and weekly caps.
bool respects_coupling(const IndexedProblem& problem, const ClashTable& clashes, const std::vector<std::int32_t>& arcs);

}  // namespace jobcenter::matching
