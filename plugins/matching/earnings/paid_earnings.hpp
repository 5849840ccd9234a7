// `matching earnings record`: payroll hands back a paid run's lines (one per occurrence paid or adjusted, with its
// gross pay), so that the matching rules count paid work as paid, once, in the month it was done.
#pragma once

#include <boost/json.hpp>

#include "jobcenter/context.hpp"

namespace jobcenter::matching {

boost::json::value earnings_record_command(Context& ctx, const boost::json::object& request);

}  // namespace jobcenter::matching
