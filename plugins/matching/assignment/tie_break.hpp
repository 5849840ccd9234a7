// Ties between equally good assignments, broken by index: orders in index order, each seat goes to the lowest-
// index client with the same score who can take it, directly or by trading orders with the client who holds
// it when the trade keeps the total score and both trades fit. Seats and total score never change.
#pragma once

#include <cstdint>
#include <vector>

#include "matching/assignment/indexed_problem.hpp"
#include "matching/assignment/order_clashes.hpp"

namespace jobcenter::matching {

// `chosen`: arcs of a feasible assignment; returned ascending.
std::vector<std::int32_t> prefer_lower_indices(const IndexedProblem& problem, const ClashTable& clashes,
                                               std::vector<std::int32_t> chosen);

}  // namespace jobcenter::matching
