// The task-type vocabulary that orders and worker skills refer to.
#pragma once

#include <boost/json.hpp>

#include "jobcenter/context.hpp"

namespace jobcenter::matching {

boost::json::value list_task_types(Context& ctx, const boost::json::object& request);

}  // namespace jobcenter::matching
