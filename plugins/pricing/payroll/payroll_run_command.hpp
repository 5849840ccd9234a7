// `pricing payroll run --from D --to D [--pay-date D] [--due-days N] [--dry-run]` (coordinator): pays the
// approved gig occurrences of a period, all or nothing, never one twice.
#pragma once

#include <boost/json.hpp>

#include "jobcenter/context.hpp"

namespace jobcenter::pricing {

boost::json::value payroll_run_command(Context& ctx, const boost::json::object& request);

}  // namespace jobcenter::pricing
