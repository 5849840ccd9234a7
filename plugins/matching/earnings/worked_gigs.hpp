// `matching gig worked --from D --to D`: what payroll pays, read through this command and never from matching's
// tables: every occurrence (recorded hours) of the approved gigs in the period, and those before it whose hours
// were corrected, with their orders and clients (docs/matching-earnings.md).
#pragma once

#include <boost/json.hpp>

#include "jobcenter/context.hpp"

namespace jobcenter::matching {

boost::json::value gig_worked_command(Context& ctx, const boost::json::object& request);

}  // namespace jobcenter::matching
