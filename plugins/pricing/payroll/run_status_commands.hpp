// `pricing payroll list` (runs newest first), `pricing payroll cancel RUN --reason TEXT` (an open run only: its
// occurrences become payable again) and `pricing payroll mark-paid RUN` (open -> paid; the paid lines go to
// matching.earnings-record).
#pragma once

#include <boost/json.hpp>

#include "jobcenter/context.hpp"

namespace jobcenter::pricing {

boost::json::value payroll_list_command(Context& ctx, const boost::json::object& request);
boost::json::value payroll_cancel_command(Context& ctx, const boost::json::object& request);
boost::json::value payroll_mark_paid_command(Context& ctx, const boost::json::object& request);

}  // namespace jobcenter::pricing
