// The JSON document of a payroll run that `pricing payroll show` prints and `payroll export --as json` writes:
// one builder for both. Flat tables joined by key (a pay line names its client, an invoice line its invoice
// number), so that the host's text output reads as tables.
#pragma once

#include <boost/json.hpp>

#include "pricing/exports/run_scope.hpp"

namespace jobcenter::pricing {

// The run, its totals as stored, the pay statements the view shows (with their lines and the employer's
// contributions), how many were left out, and every invoice with its VAT totals and lines.
boost::json::object run_document(const RunView& view);

}  // namespace jobcenter::pricing
