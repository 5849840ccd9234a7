// A worker's pay statement for a run, from the worker's lines: wages, holiday compensation and the employer's
// and employee's contributions on employment wages only (RATES.md A3, A7), tax withheld by the tax card on
// file. Each figure here is computed on the worker's run total and rounded half up once.
#pragma once

#include <string>
#include <vector>

#include "pricing/payroll/payroll_result.hpp"

namespace jobcenter::pricing {

// The pay statements of `lines` (whose `worker` index this sets), one per client, by client id. Rates follow
// the pay date: the tax card (or withholding.no-tax-card), holiday compensation and the contributions.
std::vector<WorkerPay> pay_statements(const PayrollInput& input, std::vector<PayrollLine>& lines);

}  // namespace jobcenter::pricing
