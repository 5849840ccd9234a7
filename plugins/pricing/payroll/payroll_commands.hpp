// The payroll area's command table: payroll run, list, cancel, mark-paid and coverage, and the tax cards.
#pragma once

#include <vector>

#include "jobcenter/plugin.hpp"

namespace jobcenter::pricing {

std::vector<Command> payroll_commands();

}  // namespace jobcenter::pricing
