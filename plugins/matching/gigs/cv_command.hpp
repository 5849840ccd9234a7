// `matching cv CLIENT [--certificate fi|en]`: the client's work history as a result (text or JSON), or as a
// printable HTML certificate that the command line prints as it is.
#pragma once

#include <boost/json.hpp>

#include "jobcenter/context.hpp"

namespace jobcenter::matching {

boost::json::value cv_command(Context& ctx, const boost::json::object& request);

}  // namespace jobcenter::matching
