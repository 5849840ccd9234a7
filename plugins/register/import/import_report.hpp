// The import's report: what the file held and what the import did to the register, as JSON, and the
// import's close (its total time, progress and audit entry).
#pragma once

#include <boost/json.hpp>
#include <cstdint>

#include "jobcenter/context.hpp"
#include "jobcenter/phase_timer.hpp"
#include "register/import/import_request.hpp"
#include "register/import/import_rows.hpp"

namespace jobcenter::register_plugin {

// file, encoding, delimiter, rows, added, updated, unchanged, skipped, dry_run, restored (values whose
// leading zeros were put back, per column) and any bad_rows: all a dry run reports.
boost::json::object import_report(const ImportRequest& request, const ImportFile& file, const StoredMatch& stored);

// Ends an import that wrote batch `import_id`: its time, progress and audit entry, and the id in `report`.
void close_import(Context& ctx, const ImportRequest& request, std::int64_t import_id, PhaseTimer& timer,
                  boost::json::object& report);

}  // namespace jobcenter::register_plugin
