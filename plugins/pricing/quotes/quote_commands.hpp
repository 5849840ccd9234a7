// `pricing quote` and `pricing rates`: prices for an orderer from the dated figures and the
// calling unit's coefficient.
#pragma once

#include <vector>

#include "jobcenter/plugin.hpp"

namespace jobcenter::pricing {

std::vector<Command> quote_commands();

}  // namespace jobcenter::pricing
