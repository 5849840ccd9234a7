// The register's demo: the main job on sample unit registers (import, deduplicate, show the clusters,
// check a new employer), as `jobcenter demo` runs it.
#pragma once

#include <boost/json.hpp>

#include "jobcenter/context.hpp"

namespace jobcenter::register_plugin {

boost::json::value demo_command(Context& ctx, const boost::json::object& request);

}  // namespace jobcenter::register_plugin
