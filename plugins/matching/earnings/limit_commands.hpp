// `matching limits [--on DATE]` and `matching limit-set` (administrator): the dated benefit limits the earnings
// rules read, listed and added to; rows already there are never changed, a later row wins from its valid_from.
#pragma once

#include <boost/json.hpp>

#include "jobcenter/context.hpp"

namespace jobcenter::matching {

boost::json::value limits_command(Context& ctx, const boost::json::object& request);
boost::json::value limit_set_command(Context& ctx, const boost::json::object& request);

}  // namespace jobcenter::matching
