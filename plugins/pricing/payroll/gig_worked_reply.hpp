// Reading the reply of matching.gig-worked (the approved occurrences of a period, their orders and clients)
// into a payroll run's input. The reply is another plugin's contract: anything missing or malformed in it is
// an InternalError naming the field.
#pragma once

#include <boost/json.hpp>

#include "pricing/payroll/payroll_input.hpp"

namespace jobcenter::pricing {

// Fills input.occurrences, input.orders and input.clients from `reply`.
void read_gig_worked(const boost::json::value& reply, PayrollInput& input);

}  // namespace jobcenter::pricing
