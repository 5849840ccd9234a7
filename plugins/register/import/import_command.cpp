// The import command: its stages in order. The file is read and mapped, its rows matched with the stored
// records and reported; unless it is a dry run, they are then written (and, with --link, linked) in the
// command's one transaction.
#include "register/import/import_command.hpp"

#include "jobcenter/phase_timer.hpp"
#include "register/import/import_link.hpp"
#include "register/import/import_report.hpp"
#include "register/import/import_request.hpp"
#include "register/import/import_rows.hpp"
#include "register/import/import_write.hpp"
#include "register/index/key_revision.hpp"
#include "register/resident/register_change.hpp"
#include "register/store/bulk_write.hpp"

namespace jobcenter::register_plugin {

boost::json::value import_command(Context& ctx, const boost::json::object& params) {
    const ImportRequest request = read_import_request(ctx, params);
    PhaseTimer timer("import");
    ImportFile file = read_import_file(ctx, request, params, timer);
    MemoryMapOff whole_register_read(ctx.db());
    const StoredMatch stored = match_stored_records(ctx.db(), file.rows);
    timer.end("existing records");
    boost::json::object report = import_report(request, file, stored);
    if (request.dry_run) return report;

    BulkWriteSettings bulk(ctx.db(), bulk_cache_kib(static_cast<std::size_t>(stored.records_before) + file.rows.size()));
    // Records about to be written are keyed by this revision; with --link, those stored are read again first
    // when an older one keyed them, so that the link compares keys read alike.
    mark_keys_current_if_empty(ctx.db());
    if (request.link) {
        const KeysReadAgain keys_read = read_keys_again_if_outdated(ctx);
        if (keys_read.records > 0) {
            report["keys_read_again"] = keys_read_again_json(keys_read);
            timer.end("read keys again");
        }
    }
    ImportRun run = start_import_run(ctx, request, file, stored, timer);
    if (request.link) {
        LinkOutcome outcome = link_import(ctx, request, file, run, timer);
        report["linked"] = std::move(outcome.report);
        if (outcome.linked) finish_writes(ctx.db(), run, timer);
    } else {
        write_records(ctx, request, run, run.changed);
        publish_written_records(ctx, written_record_ids(run));
        timer.end("write records");
        finish_writes(ctx.db(), run, timer);
    }
    close_import(ctx, request, run.import_id, timer, report);
    return report;
}

}  // namespace jobcenter::register_plugin
