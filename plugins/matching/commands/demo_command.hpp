// `matching demo`: sample clients and orders of a VATTI and a Kuty unit loaded, one order matched with its
// reasons, a week assigned, and one gig walked to approved, all through the real commands.
#pragma once

#include <boost/json.hpp>

#include "jobcenter/context.hpp"

namespace jobcenter::matching {

boost::json::value demo_command(Context& ctx, const boost::json::object& request);

}  // namespace jobcenter::matching
