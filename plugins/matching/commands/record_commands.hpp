// The single-record commands: `matching client add|update|show|list` and `matching order
// add|update|show|list|cancel`. add and update take the record as the request object, in the interchange form.
#pragma once

#include <boost/json.hpp>

#include "jobcenter/context.hpp"

namespace jobcenter::matching {

boost::json::value client_add_command(Context& ctx, const boost::json::object& request);
boost::json::value client_update_command(Context& ctx, const boost::json::object& request);
boost::json::value client_show_command(Context& ctx, const boost::json::object& request);
boost::json::value client_list_command(Context& ctx, const boost::json::object& request);
boost::json::value order_add_command(Context& ctx, const boost::json::object& request);
boost::json::value order_update_command(Context& ctx, const boost::json::object& request);
boost::json::value order_show_command(Context& ctx, const boost::json::object& request);
boost::json::value order_list_command(Context& ctx, const boost::json::object& request);
// Cancels an open order with a reason, and every gig on it that can still be cancelled.
boost::json::value order_cancel_command(Context& ctx, const boost::json::object& request);

}  // namespace jobcenter::matching
