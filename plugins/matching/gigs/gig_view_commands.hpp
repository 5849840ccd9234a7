// The commands that read gigs: `matching gig list` (scoped to the caller's unit unless coordinator) and
// `matching gig show ID` (the gig, its order, events, hours and feedback). Each client whose gig is shown is
// written to the audit trail.
#pragma once

#include <boost/json.hpp>

#include "jobcenter/context.hpp"

namespace jobcenter::matching {

// Adds the gig's hours to `view`: "total_hours" and "hours" ([{date, hours}], oldest first).
void add_hours_view(boost::json::object& view, Database& db, std::int64_t gig_id);

boost::json::value gig_list_command(Context& ctx, const boost::json::object& request);
boost::json::value gig_show_command(Context& ctx, const boost::json::object& request);

}  // namespace jobcenter::matching
