// `register dedupe`: takes the register's index (the one kept in memory, or loaded), clusters it as planned
// (whole or incrementally), writes the clusters back as orderers and records the run; and
// `register export-clusters`.
#include "register/commands/dedupe_command.hpp"

#include "jobcenter/params.hpp"
#include "jobcenter/phase_timer.hpp"
#include "register/clustering/cluster_writeback.hpp"
#include "register/index/key_revision.hpp"
#include "register/resident/resident_index.hpp"
#include "register/scoring/match_rules.hpp"
#include "register/store/bulk_write.hpp"

#include "register/review/unit_rights.hpp"

namespace jobcenter::register_plugin {
namespace json = boost::json;
namespace {

// What a run says of its keys: read again (`keys_read_again`), or, in a dry run, outdated (`warnings`).
void add_key_notes(json::object& result, const KeysReadAgain& read, std::optional<int> outdated) {
    if (read.records > 0) result["keys_read_again"] = keys_read_again_json(read);
    if (outdated)
        result["warnings"] = json::array{outdated_keys_warning(
            *outdated, "this dry run uses them as stored; a dedupe that writes reads them again")};
}

}  // namespace

json::value dedupe_command(Context& ctx, const json::object& request) {
    const bool dry_run = params::flag(request, "dry_run");
    PhaseTimer timer("dedupe");
    MatchRules rules = load_match_rules(ctx);
    Database& db = ctx.db();
    // Keys an older normalisation read are read again first (not in a dry run, which writes nothing).
    std::optional<int> outdated_keys = std::nullopt;
    if (dry_run) outdated_keys = outdated_key_revision(db);
    const KeysReadAgain keys_read = dry_run ? KeysReadAgain{} : read_keys_again_if_outdated(ctx);
    if (keys_read.records > 0) timer.end("read keys again");
    if (!params::flag(request, "full")) {
        if (auto unchanged = unchanged_since_last_run(db, rules)) {
            (*unchanged)["dry_run"] = dry_run;
            add_key_notes(*unchanged, keys_read, outdated_keys);
            timer.total();
            return *unchanged;
        }
    }
    MemoryMapOff whole_register_read(db);
    ctx.progress().start("dedupe: loading", 0);
    IndexLease lease(db);
    const RecordIndex& index = lease.index();
    const std::int64_t newest_import = latest_import(db);
    timer.end(lease.origin() == IndexOrigin::kept ? "index kept" : "load index");
    ctx.progress().start("dedupe: clustering", index.size());
    const RegisterClustering run = cluster_register(db, index, rules, params::flag(request, "full"), timer);
    json::object result = clustering_summary(index, run);
    result["dry_run"] = dry_run;
    add_key_notes(result, keys_read, outdated_keys);
    result["index"] = index_origin_name(lease.origin());
    timer.end("clustering");
    if (dry_run) {
        timer.total();
        return result;
    }

    const WriteBackResult written = write_clusters(ctx, index, rules, run.clustering, run.clusters, run.forbidden, run.in_scope, nullptr,
                                                   timer);
    record_dedupe_run(db, run, index, newest_import, ctx.clock().now_iso(), std::string(role_name(ctx.role())));
    lease.publish_moves(ctx, orderers_given(index, run.clusters, written.cluster_orderers));
    ctx.progress().finish();
    ctx.audit("register.dedupe", "register", "", std::to_string(written.moved) + " records moved");
    add_write_back(result, written);
    timer.end("run record");
    timer.total();
    return result;
}

json::value export_clusters_command(Context& ctx, const json::object&) {
    auto q = ctx.db().prepare("SELECT unit, source_id, orderer_id FROM source_record ORDER BY unit, source_id");
    json::array rows;
    while (q.step())
        if (may_read_sources_of(ctx, q.get_text(0)))
            rows.push_back(json::object{{"unit", q.get_text(0)}, {"source_id", q.get_text(1)}, {"orderer_id", q.get_int(2)}});
    return json::object{{"rows", std::move(rows)}};
}

}  // namespace jobcenter::register_plugin
