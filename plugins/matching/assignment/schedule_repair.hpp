// An assignment from the clients' own best schedules (the Lagrangian relaxation's solution): an order that
// too many clients chose keeps its best-scoring ones, then every order short of its fill target takes the
// best clients who still fit.
#pragma once

#include <cstdint>
#include <vector>

#include "matching/assignment/indexed_problem.hpp"
#include "matching/assignment/order_clashes.hpp"

namespace jobcenter::matching {

// `chosen`: the arcs of all the clients' schedules. Returns arcs, ascending; it fills fewer seats than the
// targets when some order cannot be filled.
std::vector<std::int32_t> repair_schedules(const IndexedProblem& problem, const ClashTable& clashes,
                                           std::vector<std::int32_t> chosen);

}  // namespace jobcenter::matching
