// Per-client orders and weekly minutes of an assignment, and the fit test for one more order.
#include "matching/assignment/client_loads.hpp"

#include <algorithm>

namespace jobcenter::matching {

ClientLoads::ClientLoads(const IndexedProblem& problem, const ClashTable& clashes)
    : problem_(problem),
      clashes_(clashes),
      orders_(static_cast<std::size_t>(problem.client_count())),
      used_(static_cast<std::size_t>(problem.client_count())) {}

std::int32_t ClientLoads::used_minutes(std::int32_t client, std::int32_t week) const {
    for (const auto& entry : used_[static_cast<std::size_t>(client)])
        if (entry.week == week) return entry.minutes;
    return 0;
}

std::int32_t ClientLoads::minutes_in(std::int32_t order, std::int32_t week) const {
    for (const auto& entry : problem_.order_weeks(order))
        if (entry.week == week) return entry.minutes;
    return 0;
}

bool ClientLoads::fits(std::int32_t client, std::int32_t order) const { return fits_instead(client, order, -1); }

bool ClientLoads::fits_instead(std::int32_t client, std::int32_t order, std::int32_t instead) const {
    for (const auto held : orders_[static_cast<std::size_t>(client)])
        if (held != instead && (held == order || clashes_.clash(held, order))) return false;
    for (const auto& need : problem_.order_weeks(order)) {
        const auto freed = instead >= 0 ? minutes_in(instead, need.week) : 0;
        if (used_minutes(client, need.week) - freed + need.minutes > problem_.free_minutes(client, need.week))
            return false;
    }
    return true;
}

void ClientLoads::take(std::int32_t client, std::int32_t order) {
    orders_[static_cast<std::size_t>(client)].push_back(order);
    auto& used = used_[static_cast<std::size_t>(client)];
    for (const auto& need : problem_.order_weeks(order)) {
        auto entry = std::find_if(used.begin(), used.end(), [&](const WeekMinutes& w) { return w.week == need.week; });
        if (entry == used.end())
            used.push_back(need);
        else
            entry->minutes += need.minutes;
    }
}

void ClientLoads::release(std::int32_t client, std::int32_t order) {
    auto& held = orders_[static_cast<std::size_t>(client)];
    held.erase(std::find(held.begin(), held.end(), order));
    auto& used = used_[static_cast<std::size_t>(client)];
    for (const auto& need : problem_.order_weeks(order))
        std::find_if(used.begin(), used.end(), [&](const WeekMinutes& w) { return w.week == need.week; })->minutes -=
            need.minutes;
}

const std::vector<std::int32_t>& ClientLoads::orders_of(std::int32_t client) const {
    return orders_[static_cast<std::size_t>(client)];
}

bool respects_coupling(const IndexedProblem& problem, const ClashTable& clashes, const std::vector<std::int32_t>& arcs) {
    ClientLoads loads(problem, clashes);
    for (const auto a : arcs) {
        const auto& arc = problem.arc(a);
        if (!loads.fits(arc.client, arc.order)) return false;
        loads.take(arc.client, arc.order);
    }
    return true;
}

}  // namespace jobcenter::matching
