// `pricing figures list [--on DATE]` and `pricing figures set NAME VALUE --from DATE --source TEXT` (admin).
#pragma once

#include <vector>

#include "jobcenter/plugin.hpp"

namespace jobcenter::pricing {

std::vector<Command> figure_commands();

}  // namespace jobcenter::pricing
