// `register import`: a unit's CSV register read, checked row by row, normalised and stored as source
// records (all or nothing, or skipping bad rows; a dry run writes nothing; re-imports update in place).
#pragma once

#include <boost/json.hpp>

#include "jobcenter/context.hpp"

namespace jobcenter::register_plugin {

boost::json::value import_command(Context& ctx, const boost::json::object& request);

}  // namespace jobcenter::register_plugin
