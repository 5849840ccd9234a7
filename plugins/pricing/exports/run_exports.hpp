// The documents `pricing payroll export` makes of a run, each format in its own function: the run as CSV or JSON,
// invoices as HTML or Finvoice, pay statements as HTML. Each pay statement put in a document is audited.
#pragma once

#include <vector>

#include "jobcenter/context.hpp"
#include "pricing/exports/export_files.hpp"
#include "pricing/exports/export_request.hpp"
#include "pricing/exports/run_scope.hpp"

namespace jobcenter::pricing {

// The documents asked for: one without --out; every one of the format with --out unless --invoice or --worker
// picks one.
std::vector<ExportDocument> run_exports(Context& ctx, const ExportRequest& request, const RunView& view);

// Whether the documents asked for hold pay statements (so that those left out are worth saying).
bool exports_pay_statements(const ExportRequest& request);

}  // namespace jobcenter::pricing
