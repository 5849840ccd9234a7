// `pricing demo`: the app model's known prices, then, on the matching demo's approved gig, a quote of its order,
// a tax card, a payroll run with its proof, the invoice, the pay statement, the run marked paid, and the
// client's earnings against their benefit limits.
#pragma once

#include "jobcenter/plugin.hpp"

namespace jobcenter::pricing {

Command pricing_demo_command();

}  // namespace jobcenter::pricing
