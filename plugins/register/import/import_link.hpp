// `register import --link`: the file's new records clustered with the register as `register dedupe` would
// cluster them, and given the orderers their clusters keep or get, in the import's transaction.
#pragma once

#include <boost/json.hpp>

#include "jobcenter/context.hpp"
#include "jobcenter/phase_timer.hpp"
#include "register/import/import_request.hpp"
#include "register/import/import_rows.hpp"
#include "register/import/import_write.hpp"

namespace jobcenter::register_plugin {

// What linking gave: the report's "linked" object, and whether records were linked (when nothing was new,
// the import wrote nothing that its last writes would finish).
struct LinkOutcome {
    boost::json::object report;
    bool linked = false;
};

// Writes run.changed and links the new records. Once their orderers are written, the file's table and rows
// (and run.changed) are released: what is left needs only the register's index.
LinkOutcome link_import(Context& ctx, const ImportRequest& request, ImportFile& file, ImportRun& run, PhaseTimer& timer);

}  // namespace jobcenter::register_plugin
