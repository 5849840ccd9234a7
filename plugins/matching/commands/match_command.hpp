// `matching match ORDER`: the candidates ranked with every score term and warning, and every client left
// out with the rules that failed.
#pragma once

#include <boost/json.hpp>

#include "jobcenter/context.hpp"

namespace jobcenter::matching {

boost::json::value match_command(Context& ctx, const boost::json::object& request);

}  // namespace jobcenter::matching
