// Names, flags, roles and handlers of the earnings commands: `matching earnings CLIENT`, `earnings record`
// (payroll's paid runs), `limits` and `limit-set`. The gig commands payroll uses (`gig worked`, `gig hours`)
// are in the gig table.
#pragma once

#include <vector>

#include "jobcenter/plugin.hpp"

namespace jobcenter::matching {

std::vector<Command> earnings_commands();

}  // namespace jobcenter::matching
