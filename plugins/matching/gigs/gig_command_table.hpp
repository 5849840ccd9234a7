// The command table entries of the gigs and the CV: `matching gig propose|confirm|accept|done|approve|cancel|
// decline|feedback|list|show` and `matching cv`, appended to the plugin's commands.
#pragma once

#include <vector>

#include "jobcenter/plugin.hpp"

namespace jobcenter::matching {

std::vector<Command> gig_commands();

}  // namespace jobcenter::matching
