// `pricing seller show [--on DATE]` and `pricing seller set --name ... --from DATE`: the seller's details invoices
// print (the installation's own configuration, kept as dated rows; an administrator sets them).
#pragma once

#include <vector>

#include "jobcenter/plugin.hpp"

namespace jobcenter::pricing {

std::vector<Command> seller_commands();

}  // namespace jobcenter::pricing
