// The proof a run prints and stores: the invoices sum to the lines (net, VAT, gross) and their VAT rates to
// the invoices; per contract type net = pay + side costs + service costs; the pay statements sum to the
// lines' pay; and what is withheld plus what is paid out equals the workers' gross.
#pragma once

#include <vector>

#include "pricing/payroll/payroll_result.hpp"

namespace jobcenter::pricing {

std::vector<ProofItem> payroll_proof(const PayrollRunResult& run);

}  // namespace jobcenter::pricing
