// Which orders overlap in time, so that no client can take both: found with one sweep over every occurrence.
#pragma once

#include <cstdint>
#include <span>
#include <utility>
#include <vector>

#include "matching/assignment/assignment_problem.hpp"

namespace jobcenter::matching {

// Every pair (a, b), a < b, of orders with occurrences that share a minute ([start, end) spans: one ending
// at 10:00 and one starting at 10:00 do not clash), sorted. Time O(n log n + pairs) for n occurrences.
std::vector<std::pair<std::int32_t, std::int32_t>> find_clashing_orders(const std::vector<AssignmentOrder>& orders);

// The clashing pairs as a lookup: each order's clashing orders, sorted.
class ClashTable {
public:
    ClashTable(std::int32_t order_count, const std::vector<std::pair<std::int32_t, std::int32_t>>& pairs);
    bool clash(std::int32_t a, std::int32_t b) const;
    std::span<const std::int32_t> clashing(std::int32_t order) const;
    std::size_t pair_count() const { return neighbours_.size() / 2; }

private:
    std::vector<std::int32_t> first_;
    std::vector<std::int32_t> neighbours_;
};

}  // namespace jobcenter::matching
