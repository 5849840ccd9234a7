// Which occurrences a run pays: new work gets a line, work whose recorded minutes now differ from what was
// paid gets an adjustment, work paid in full gets nothing, and commission work of a client on an unemployment
// benefit is held back with the reason (DOMAIN.md §9 P1).
#pragma once

#include <vector>

#include "pricing/payroll/payroll_result.hpp"

namespace jobcenter::pricing {

struct PayableWork {
    const WorkedOccurrence* occurrence = nullptr;
    LineKind kind = LineKind::work;
    const PaidSoFar* paid = nullptr;  // null for work never paid
};

struct PayablePlan {
    std::vector<PayableWork> pay;  // in the order of the occurrences
    std::vector<HeldWork> held;
};

PayablePlan payable_work(const PayrollInput& input);

// The client of an occurrence; InternalError when the reply that listed the occurrence left it out.
const WorkerClient& client_of(const PayrollInput& input, const WorkedOccurrence& occurrence);

}  // namespace jobcenter::pricing
