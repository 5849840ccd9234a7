// The run as CSV for the finance system (docs/pricing-exports.md lists every column): one record per invoice
// line and one per pay line of the pay statements the view shows, `record` saying which, the run id on every
// record, amounts in euros with a dot and two decimals, one fixed header.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "pricing/exports/run_scope.hpp"

namespace jobcenter::pricing {

// The header, in order.
const std::vector<std::string_view>& run_csv_columns();

std::string run_csv(const RunView& view);

}  // namespace jobcenter::pricing
