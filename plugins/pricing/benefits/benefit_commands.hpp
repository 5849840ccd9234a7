// `pricing benefits CLIENT [--on DATE]`: the benefit watch of one client, from the matching plugin's earnings
// report (read through Context::call, never matching's tables).
#pragma once

#include <vector>

#include "jobcenter/plugin.hpp"

namespace jobcenter::pricing {

std::vector<Command> benefit_commands();

}  // namespace jobcenter::pricing
