// What bounds the solver's work inside: the work budget, which decides where each stage stops (the same on any
// machine), and the wall-clock deadline, a safety net that only a runaway stage reaches.
#pragma once

#include "matching/assignment/assignment.hpp"
#include "matching/assignment/deadline.hpp"

namespace jobcenter::matching {

struct WorkLimits {
    WorkBudget budget;
    Deadline deadline;
};

}  // namespace jobcenter::matching
