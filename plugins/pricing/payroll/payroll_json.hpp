// A run as JSON: what `pricing payroll run` prints, and the totals with the proof and the coverage that
// payroll_run.totals stores. Money is text with two decimals ("14.50"), rates are decimal text.
#pragma once

#include <boost/json.hpp>
#include <cstdint>
#include <string>

#include "pricing/payroll/payroll_result.hpp"

namespace jobcenter::pricing {

// Hours as decimal text from minutes ("1.5", "-0.25").
std::string hours_of(std::int64_t minutes);

boost::json::array proof_json(const std::vector<ProofItem>& proof);
boost::json::object coverage_json(const CostCoverage& coverage);
// Counts, sums and the sums per contract type (the run stores them with the proof and the coverage).
boost::json::object totals_json(const PayrollRunResult& run);

boost::json::array lines_json(const PayrollRunResult& run);
boost::json::array workers_json(const std::vector<WorkerPay>& workers);
boost::json::array invoices_json(const std::vector<Invoice>& invoices);
boost::json::array held_json(const std::vector<HeldWork>& held);

}  // namespace jobcenter::pricing
