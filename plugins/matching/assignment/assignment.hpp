// The optimal group assignment: who takes which seat of which order, first as many seats as the clients'
// time clashes and weekly caps allow, then the highest total score. A pure function over plain structs.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "matching/assignment/assignment_problem.hpp"

namespace jobcenter::matching {

enum class UnfilledReason {
    no_eligible_clients,        // no client may take the order at all
    fewer_eligible_than_seats,  // every eligible client got a seat, and there are fewer of them than seats
    eligible_clients_taken,     // eligible clients are left, but their time went to other orders or their caps
};

struct UnfilledSeats {
    std::int32_t order = 0;
    int seats = 0;     // seats left empty
    UnfilledReason reason = UnfilledReason::no_eligible_clients;
    int eligible = 0;  // clients who could take the order on its own
};

enum class SolveStatus {
    optimal,     // proven: no assignment fills more seats, none of as many seats scores higher
    time_limit,  // the time limit stopped the search; the best assignment found is kept
    heuristic,   // the exact search could not finish for another reason; the best assignment found is kept
};

struct AssignmentResult {
    std::vector<AssignmentArc> chosen;  // sorted by order, then client
    std::vector<UnfilledSeats> unfilled;  // by order
    int seats_filled = 0;
    int seat_upper_bound = 0;       // no assignment fills more seats than this
    double total_score = 0.0;
    double score_upper_bound = 0.0;  // no assignment filling as many seats scores more than this
    double relaxation_score_bound = 0.0;  // the linear relaxation's bound over every pair (independent evidence)
    double gap = 0.0;               // (score_upper_bound - total_score) / max(1, |score_upper_bound|)
    SolveStatus status = SolveStatus::optimal;
    std::string method;             // one line: how this result was found and bounded
};

// Counts of work that decide where each stage stops, so that the same problem gives the same result on any
// machine and under any load. The defaults take about a second on the generated week of the size.
struct WorkBudget {
    int lagrangian_steps = 30;            // subgradient steps, each every client's best schedule and a repair
    int lp_iterations = 200000;           // simplex iterations per LP solve
    std::size_t exact_search_arcs = 3000;  // Cbc runs only over at most this many candidate arcs
    int cbc_nodes = 5000;                 // branch-and-bound nodes per Cbc search
};

struct AssignmentLimits {
    double time_limit_seconds = 4.0;  // a safety net on the wall clock; when it stops a stage, the status says so
};

// Solves `problem`; the same problem, in any order of its lists, gives the same result unless the time limit
// stops the search (the status is then time_limit). Throws InputError naming the field when the problem is malformed.
AssignmentResult solve_assignment(const AssignmentProblem& problem, const AssignmentLimits& limits = {},
                                  const WorkBudget& budget = {});

// Short English for an unfilled seat's "why".
std::string_view unfilled_reason_text(UnfilledReason reason);

// "optimal", "time_limit" or "heuristic".
std::string_view solve_status_name(SolveStatus status);

}  // namespace jobcenter::matching
