// The task-type vocabulary that orders and worker skills refer to.
#pragma once

#include <boost/json.hpp>

#include "jobcenter/context.hpp"

namespace jobcenter::matching {

boost::json::value list_task_types(Context& ctx, const boost::json::object& request);
// Adds a task type to the code list (administrators): a lowercase code of letters, digits and '-', names in
// Finnish and English, and one of the areas.
boost::json::value add_task_type(Context& ctx, const boost::json::object& request);

}  // namespace jobcenter::matching
