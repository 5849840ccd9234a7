// `matching load FILE.json`: adds or updates worker-clients and orders from the interchange file in one
// transaction, all or nothing; the first error names its JSON path and nothing is written.
#pragma once

#include <boost/json.hpp>

#include "jobcenter/context.hpp"

namespace jobcenter::matching {

boost::json::value load_command(Context& ctx, const boost::json::object& request);

}  // namespace jobcenter::matching
