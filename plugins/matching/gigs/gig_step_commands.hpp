// The commands of the gig steps (`matching gig propose|confirm|accept|done|approve|cancel|decline|feedback|hours`):
// each reads its request, takes the step through gig_steps and answers with the gig as it now stands.
#pragma once

#include <boost/json.hpp>

#include "jobcenter/context.hpp"

namespace jobcenter::matching {

boost::json::value gig_propose_command(Context& ctx, const boost::json::object& request);
boost::json::value gig_confirm_command(Context& ctx, const boost::json::object& request);
boost::json::value gig_accept_command(Context& ctx, const boost::json::object& request);
boost::json::value gig_done_command(Context& ctx, const boost::json::object& request);
boost::json::value gig_approve_command(Context& ctx, const boost::json::object& request);
boost::json::value gig_cancel_command(Context& ctx, const boost::json::object& request);
boost::json::value gig_decline_command(Context& ctx, const boost::json::object& request);
boost::json::value gig_hours_command(Context& ctx, const boost::json::object& request);
boost::json::value gig_feedback_command(Context& ctx, const boost::json::object& request);

}  // namespace jobcenter::matching
