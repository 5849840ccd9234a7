// The sweep over occurrences that finds clashing orders, and the table the solver looks them up in.
#include "matching/assignment/order_clashes.hpp"

#include <algorithm>

namespace jobcenter::matching {
namespace {

struct Event {
    std::int64_t minute;
    bool starts;  // an end sorts before a start at the same minute: [start, end) spans that touch do not overlap
    std::int32_t order;
    std::int32_t span;  // which occurrence, to find it among the open ones
};

bool event_before(const Event& a, const Event& b) {
    if (a.minute != b.minute) return a.minute < b.minute;
    if (a.starts != b.starts) return !a.starts;
    return a.span < b.span;
}

}  // namespace

std::vector<std::pair<std::int32_t, std::int32_t>> find_clashing_orders(const std::vector<AssignmentOrder>& orders) {
    std::vector<Event> events;
    std::int32_t spans = 0;
    for (std::size_t o = 0; o < orders.size(); ++o)
        for (const auto& occurrence : orders[o].occurrences) {
            events.push_back({occurrence.start_minute, true, static_cast<std::int32_t>(o), spans});
            events.push_back({occurrence.end_minute, false, static_cast<std::int32_t>(o), spans});
            ++spans;
        }
    std::sort(events.begin(), events.end(), event_before);

    std::vector<std::pair<std::int32_t, std::int32_t>> pairs;
    std::vector<std::int32_t> open_orders;                        // the orders of the open spans
    std::vector<std::int32_t> open_span;                          // ... and which span each is
    std::vector<std::int32_t> position(static_cast<std::size_t>(spans), -1);  // span -> its place in the open lists
    for (const auto& event : events) {
        if (event.starts) {
            for (const auto other : open_orders)
                if (other != event.order) pairs.emplace_back(std::min(other, event.order), std::max(other, event.order));
            position[static_cast<std::size_t>(event.span)] = static_cast<std::int32_t>(open_orders.size());
            open_orders.push_back(event.order);
            open_span.push_back(event.span);
        } else {
            const auto at = static_cast<std::size_t>(position[static_cast<std::size_t>(event.span)]);
            open_orders[at] = open_orders.back();
            open_span[at] = open_span.back();
            position[static_cast<std::size_t>(open_span[at])] = static_cast<std::int32_t>(at);
            open_orders.pop_back();
            open_span.pop_back();
        }
    }
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
    return pairs;
}

ClashTable::ClashTable(std::int32_t order_count, const std::vector<std::pair<std::int32_t, std::int32_t>>& pairs)
    : first_(static_cast<std::size_t>(order_count) + 1, 0), neighbours_(pairs.size() * 2) {
    for (const auto& [a, b] : pairs) {
        ++first_[static_cast<std::size_t>(a) + 1];
        ++first_[static_cast<std::size_t>(b) + 1];
    }
    for (std::size_t o = 0; o + 1 < first_.size(); ++o) first_[o + 1] += first_[o];
    auto next = first_;
    for (const auto& [a, b] : pairs) {
        neighbours_[static_cast<std::size_t>(next[static_cast<std::size_t>(a)]++)] = b;
        neighbours_[static_cast<std::size_t>(next[static_cast<std::size_t>(b)]++)] = a;
    }
    for (std::size_t o = 0; o + 1 < first_.size(); ++o)
        std::sort(neighbours_.begin() + first_[o], neighbours_.begin() + first_[o + 1]);
}

std::span<const std::int32_t> ClashTable::clashing(std::int32_t order) const {
    const auto first = static_cast<std::size_t>(first_[static_cast<std::size_t>(order)]);
    const auto end = static_cast<std::size_t>(first_[static_cast<std::size_t>(order) + 1]);
    return {neighbours_.data() + first, end - first};
}

bool ClashTable::clash(std::int32_t a, std::int32_t b) const {
    const auto list = clashing(a);
    return std::binary_search(list.begin(), list.end(), b);
}

}  // namespace jobcenter::matching
