// `matching earnings CLIENT [--on DATE]`: a client's earnings per month and year against the dated limits of
// their benefits (earnings_report), scoped to the caller's unit and audited as `client show` is.
#pragma once

#include <boost/json.hpp>

#include "jobcenter/context.hpp"

namespace jobcenter::matching {

boost::json::value earnings_command(Context& ctx, const boost::json::object& request);

}  // namespace jobcenter::matching
