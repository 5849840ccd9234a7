// `pricing payroll coverage --from D --to D`: the cost coverage of the runs not cancelled whose pay date falls
// in the period (contributions are due by the pay date), per run and in all.
#pragma once

#include <boost/json.hpp>

#include "jobcenter/context.hpp"

namespace jobcenter::pricing {

boost::json::value payroll_coverage_command(Context& ctx, const boost::json::object& request);

}  // namespace jobcenter::pricing
