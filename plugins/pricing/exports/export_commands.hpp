// `pricing payroll show RUN`, `pricing payroll export RUN --as csv|json|html|finvoice` and `pricing seller show|set`:
// a run's documents for people, the finance system and e-invoicing, and the seller's details they print.
#pragma once

#include <vector>

#include "jobcenter/plugin.hpp"

namespace jobcenter::pricing {

std::vector<Command> export_commands();

}  // namespace jobcenter::pricing
