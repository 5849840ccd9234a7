// The assignment problem as the solver receives it: orders with seats and occurrences, clients with weekly
// free minutes, and the (order, client) pairs the rules allow, each with the unit's score. Plain values only.
#pragma once

#include <cstdint>
#include <vector>

namespace jobcenter::matching {

// A half-open span [start_minute, end_minute) of local time, in minutes since 1970-01-01.
struct TimeInterval {
    std::int64_t start_minute = 0;
    std::int64_t end_minute = 0;
};

// Minutes in one week; a week is a number the caller chooses (the same for orders and clients).
struct WeekMinutes {
    std::int32_t week = 0;
    std::int32_t minutes = 0;
};

// An order's seats are filled by different clients, and each of them works every occurrence.
struct AssignmentOrder {
    int seats = 1;
    std::vector<TimeInterval> occurrences;
    std::vector<WeekMinutes> minutes_per_week;  // the minutes of its occurrences in each week they touch
};

// A client's free minutes per week: a listed week's entry (may be negative when already over the cap, which
// leaves no room), else `default_week_minutes`.
struct AssignmentClient {
    std::int32_t default_week_minutes = 0;
    std::vector<WeekMinutes> free_minutes_per_week;
};

// The client may take the order on its own (every rule of the order alone passed); a higher score is better.
struct AssignmentArc {
    std::int32_t order = 0;
    std::int32_t client = 0;
    double score = 0.0;
};

struct AssignmentProblem {
    std::vector<AssignmentOrder> orders;
    std::vector<AssignmentClient> clients;
    std::vector<AssignmentArc> arcs;  // at most one per (order, client), in any order
};

}  // namespace jobcenter::matching
