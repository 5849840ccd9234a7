// Local improvement of a feasible assignment that never fills fewer seats: a seat goes to a better-scoring
// client who is free for it, or to one who first hands another of their orders to a free client; an order
// with an empty seat takes a client who is free for it, or one who leaves a lower-scoring order for it.
#pragma once

#include <cstdint>
#include <vector>

#include "matching/assignment/indexed_problem.hpp"
#include "matching/assignment/order_clashes.hpp"

namespace jobcenter::matching {

// Returns the improved assignment's arcs, ascending.
std::vector<std::int32_t> improve_by_swaps(const IndexedProblem& problem, const ClashTable& clashes,
                                           std::vector<std::int32_t> chosen);

}  // namespace jobcenter::matching
