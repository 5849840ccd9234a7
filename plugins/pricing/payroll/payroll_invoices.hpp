// The invoices of a run: one per orderer with a line per occurrence, totals per VAT rate (each rate's sums of
// its lines), numbered "YYYY-NNNNNN" (the pay date's year, a sequence over all invoices), dated the pay date
// and due `due_days` later.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "pricing/payroll/payroll_result.hpp"

namespace jobcenter::pricing {

// The invoices of `lines` (whose `invoice` index this sets), by orderer id.
std::vector<Invoice> orderer_invoices(const PayrollInput& input, std::vector<PayrollLine>& lines);

std::string invoice_number(const std::string& pay_date, std::int64_t sequence);
// `date` (YYYY-MM-DD) plus `days` calendar days.
std::string add_days(const std::string& date, std::int64_t days);

}  // namespace jobcenter::pricing
