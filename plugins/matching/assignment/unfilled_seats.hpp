// Why an order's seats stayed empty: no eligible client, fewer eligible clients than seats, or eligible
// clients whose time went to other orders or to their weekly caps.
#pragma once

#include <cstdint>
#include <vector>

#include "matching/assignment/assignment.hpp"
#include "matching/assignment/indexed_problem.hpp"

namespace jobcenter::matching {

// `chosen`: the arcs of the final assignment. One entry per order with an empty seat, by order.
std::vector<UnfilledSeats> unfilled_seats(const IndexedProblem& problem, const std::vector<std::int32_t>& chosen);

}  // namespace jobcenter::matching
