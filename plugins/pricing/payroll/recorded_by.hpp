// Who did something, as the payroll and tax-card tables record it: the role, and the unit when there is one
// ("coordinator", "staff of pakila").
#pragma once

#include <string>

#include "jobcenter/context.hpp"

namespace jobcenter::pricing {

std::string recorded_by(const Context& ctx);

}  // namespace jobcenter::pricing
