// The payroll engine: a run's lines, pay statements, invoices, held work, proof and cost coverage as a pure
// function of its input (payroll_input.hpp). Every line is priced by price_work() on the figures of its day of
// work and its unit's terms; an adjustment is the price now less what was paid, field by field, so that the
// lines of an occurrence always add up to its price now.
#pragma once

#include "pricing/payroll/payroll_result.hpp"

namespace jobcenter::pricing {

PayrollRunResult compute_payroll(const PayrollInput& input);

}  // namespace jobcenter::pricing
