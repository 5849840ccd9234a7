// `pricing report --from D --to D --by unit|organisation|orderer|task-type [--as csv|json]`: the pilot's monitoring
// figures per group and in total. Staff and viewers see their own unit's figures; coordinators every unit's (or the
// one --unit names).
#pragma once

#include <vector>

#include "jobcenter/plugin.hpp"

namespace jobcenter::pricing {

std::vector<Command> report_commands();

}  // namespace jobcenter::pricing
