// `matching assign [--from DATE --to DATE] [--dry-run]`: fills the seats of every open order starting in the
// period at once, under every hard rule, the clients' weekly caps and time clashes, with the gigs already
// proposed or confirmed counted: first as many seats as the rules allow, then the highest total score.
// Each assignment becomes a proposed gig.
#pragma once

#include <boost/json.hpp>

#include "jobcenter/context.hpp"

namespace jobcenter::matching {

boost::json::value assign_command(Context& ctx, const boost::json::object& request);

}  // namespace jobcenter::matching
