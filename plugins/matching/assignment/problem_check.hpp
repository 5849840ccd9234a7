// Refusing a malformed assignment problem before any work: each error names the field that is wrong.
#pragma once

#include "matching/assignment/assignment_problem.hpp"

namespace jobcenter::matching {

// Throws InputError ("arcs[12].order: ...") for seats below 1, an occurrence that does not end after it starts,
// negative or repeated week minutes, an arc naming a missing order or client, a score that is not finite, or
// a second arc for the same (order, client).
void check_assignment_problem(const AssignmentProblem& problem);

}  // namespace jobcenter::matching
