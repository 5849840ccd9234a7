// The two cheap assignments the solver starts from: every order's best clients regardless of the others (the
// optimum when they happen to fit together), and a greedy pass that fills seats first.
#pragma once

#include <cstdint>
#include <vector>

#include "matching/assignment/indexed_problem.hpp"
#include "matching/assignment/order_clashes.hpp"

namespace jobcenter::matching {

// Each order's fill target of best arcs (score, then lower client), ignoring clashes and caps. Its score
// bounds every assignment that fills the targets, and it is optimal when it respects the coupling.
std::vector<std::int32_t> best_clients_alone(const IndexedProblem& problem);

// A feasible assignment that favours filling seats: orders with the least spare eligible clients first, each
// taking its best-scoring clients who still fit. Arc numbers, ascending.
std::vector<std::int32_t> greedy_fill(const IndexedProblem& problem, const ClashTable& clashes);

// Sum of the arcs' scores.
double score_of(const IndexedProblem& problem, const std::vector<std::int32_t>& arcs);

}  // namespace jobcenter::matching
