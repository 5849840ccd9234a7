// The --from D --to D of the payroll commands: both required, real dates, the end not before the start.
#pragma once

#include <boost/json.hpp>
#include <string>

namespace jobcenter::pricing {

struct Period {
    std::string from;
    std::string to;
};

Period period_of(const boost::json::object& request);

}  // namespace jobcenter::pricing
