// What a run asks other parts of Jobcenter for, once it knows which work it pays: each unit's terms from its
// pricing script (the coefficient per contract and day, the discount once per unit and order) and each
// orderer's golden record from the register (register.show).
#pragma once

#include <map>
#include <vector>

#include "jobcenter/context.hpp"
#include "pricing/payroll/payable_work.hpp"

namespace jobcenter::pricing {

UnitTermsTable unit_terms_for(Context& ctx, const PayrollInput& input, const std::vector<PayableWork>& work);

std::map<std::int64_t, OrdererRecord> golden_records(Context& ctx, const std::vector<PayableWork>& work);

}  // namespace jobcenter::pricing
