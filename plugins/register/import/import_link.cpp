// Linking an import's new records: stored records' changes written first, so that the index (a copy of the
// one kept in memory, or loaded) has them as they are now; then the new records written without orderers,
// joining the index as they are written (normalised once, for both), clustered on the second thread while
// this one writes their keys, name words and rows as given; then each gets the orderer its cluster keeps or
// gets, and the index is kept for the next run.
#include "register/import/import_link.hpp"

#include <future>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "register/clustering/cluster_writeback.hpp"
#include "register/commands/dedupe_command.hpp"
#include "register/resident/resident_index.hpp"
#include "register/scoring/match_rules.hpp"

namespace jobcenter::register_plugin {
namespace json = boost::json;
namespace {

// Page cache while the new records are written: they are not read again until their orderers are set, so
// a small cache sends their pages to the file as they fill instead of keeping them in memory while the
// clustering takes its.
constexpr std::int64_t append_cache_kib = 128 * 1024;

// The rows an import that links writes: those of stored records, then the new ones (in id order).
struct LinkRows {
    std::vector<const ImportRow*> changed;
    std::vector<const ImportRow*> fresh;
};

LinkRows split_link_rows(const std::vector<const ImportRow*>& rows) {
    LinkRows split;
    for (const ImportRow* row : rows) (row->existing ? split.changed : split.fresh).push_back(row);
    return split;
}

// The register the new records are clustered with, and the clustering running on the second thread,
// which reads the index and the plan: last, so that it is waited for before they go.
struct LinkRegister {
    RecordIndex index;
    ClusteringPlan plan;
    std::uint32_t first_new = 0;  // the position of the first new record in the index
    NewRecords fresh;
    std::future<RegisterClustering> clustering;
};

// A new record's values as its golden record reads them from source_record (see golden_record.cpp):
// as given (with the zeros a spreadsheet dropped put back), compared by the normalised key where one is stored; the keys come from the index. Written
// into `s`, whose strings keep their room from record to record.
void source_values(std::int64_t id, const ImportRow& row, const RecordIndex& index, const IndexedRecord& r,
                   SourceValues& s) {
    s.record_id = id;
    s.unit.assign(row.unit);
    s.source_id.assign(row.source_id);
    s.shown[index_of(Golden::name)].assign(row.field(StoredField::name));
    s.compare[index_of(Golden::name)].assign(row.field(StoredField::name));
    s.shown[index_of(Golden::business_id)].assign(index.text(r.business_id));
    s.compare[index_of(Golden::business_id)].assign(index.text(r.business_id));
    s.business_id_raw.assign(row.field(StoredField::business_id));
    auto keyed = [&](Golden golden, StoredField field, std::uint32_t key) {
        const std::string_view given = row.keyed(field);
        s.shown[index_of(golden)].assign(given);
        s.compare[index_of(golden)].assign(key != no_value ? std::string_view(index.text(key)) : given);
    };
    keyed(Golden::street, StoredField::street, r.street);
    keyed(Golden::postcode, StoredField::postcode, r.postcode);
    keyed(Golden::city, StoredField::city, r.city);
    keyed(Golden::phone, StoredField::phone, r.phone);
    keyed(Golden::email, StoredField::email, r.email);
    auto text_of = [&](std::uint32_t key) { return key != no_value ? std::string_view(index.text(key)) : std::string_view(); };
    s.category = record_category(text_of(r.name), text_of(r.legal_form), r.city_of_helsinki);
}

// Starts clustering the register with the `count` new records on the second thread, which first finishes
// the index's weights.
void start_clustering(LinkRegister& linked, const MatchRules& rules, std::size_t count) {
    std::vector<std::uint32_t> new_positions(count);
    for (std::uint32_t i = 0; i < new_positions.size(); ++i) new_positions[i] = linked.first_new + i;
    linked.clustering = std::async(std::launch::async, [&index = linked.index, &rules, &plan = linked.plan,
                                                        new_positions = std::move(new_positions)] {
        PhaseTimer second_thread("import, second thread");
        index.finish();
        second_thread.end("index weights");
        return run_clustering(index, rules, std::move(plan), new_positions, second_thread);
    });
}

// Writes the new records, adding them to the index, then starts the clustering and, alongside it, writes
// their keys, the name words and their rows as given.
void write_new_records(Context& ctx, const ImportRequest& request, ImportRun& run,
                       const std::vector<const ImportRow*>& fresh, LinkRegister& linked, const MatchRules& rules,
                       PhaseTimer& timer) {
    Database& db = ctx.db();
    BulkWriteSettings append_only(db, append_cache_kib);
    const LinkingWrite linking{linked.index, ctx.foreign_key_check() == ForeignKeyCheck::at_commit};
    linked.fresh.first_orderer = linking.orderer_ids_reserved ? run.next.orderer : 0;
    write_records(ctx, request, run, fresh, &linking);
    ctx.progress().start("import " + request.file + ": linking", 0);
    timer.end("new records");
    start_clustering(linked, rules, fresh.size());
    run.deferred.record_orderer_index = run.deferred.record_indexes.split_off("source_record_orderer");
    run.deferred.record_indexes.rebuild(db);
    if (run.deferred.new_record_keys.deferred()) {
        add_record_keys_in_key_order(db, linked.index, linked.first_new);
        run.deferred.new_record_keys.restore(db);
    }
    timer.end("record keys, clustering alongside");
    run.words.write(db);
    timer.end("name words, clustering alongside");
    write_given_rows(db, request, run, fresh);
    timer.end("rows as given, clustering alongside");
}

}  // namespace

LinkOutcome link_import(Context& ctx, const ImportRequest& request, ImportFile& file, ImportRun& run, PhaseTimer& timer) {
    Database& db = ctx.db();
    LinkRows rows = split_link_rows(run.changed);
    // Before a record is written, so that the index kept in memory is compared with the register as committed.
    IndexLease lease(db);
    write_records(ctx, request, run, rows.changed);
    timer.end("write changed records");
    const MatchRules rules = load_match_rules(ctx);
    // A file of rows the register already has, as they were, and nothing else new: nothing to link.
    if (auto nothing_new = run.changed.empty() ? unchanged_since_last_run(db, rules) : std::nullopt)
        return {std::move(*nothing_new), false};

    LinkRegister linked{lease.working_copy(rows.fresh.size(), stored_record_ids(rows.changed)), {}, 0, {}, {}};
    timer.end(lease.origin() == IndexOrigin::kept ? "copy index" : "load index");
    linked.plan = plan_clustering(db, linked.index, rules, false);
    timer.end("plan");
    linked.first_new = static_cast<std::uint32_t>(linked.index.size());
    write_new_records(ctx, request, run, rows.fresh, linked, rules, timer);
    const RegisterClustering clustered = linked.clustering.get();
    json::object report = clustering_summary(linked.index, clustered);
    timer.end("rest of clustering");

    linked.fresh.first = linked.first_new;
    linked.fresh.source = [&linked, &rows, &run](std::uint32_t i, SourceValues& into) {
        source_values(run.first_new_record + i, *rows.fresh[i], linked.index, linked.index.records[linked.first_new + i],
                      into);
    };
    linked.fresh.write = [&db, &rows, &run, &file](const std::vector<std::pair<std::uint32_t, std::int64_t>>& orderers) {
        write_record_orderers(db, run.first_new_record, orderers);
        // The file and its rows are done with: what is left (events, review queue) needs only the index,
        // so their memory goes back before the history and the queue take theirs.
        for (auto* list : {&run.changed, &rows.changed, &rows.fresh}) std::vector<const ImportRow*>().swap(*list);
        std::vector<ImportRow>().swap(file.rows);
        file.table = CsvTable{};
    };
    const WriteBackResult written = write_clusters(ctx, linked.index, rules, clustered.clustering, clustered.clusters,
                                                   clustered.forbidden, clustered.in_scope, &linked.fresh, timer);
    record_dedupe_run(db, clustered, linked.index, run.import_id, run.now, std::string(role_name(ctx.role())));
    // With each record's orderer as written, the index is the register's once the import commits.
    for (const auto& [record, orderer] : orderers_given(linked.index, clustered.clusters, written.cluster_orderers))
        linked.index.set_orderer(record, orderer);
    publish_index(ctx, std::make_shared<RecordIndex>(std::move(linked.index)));
    add_write_back(report, written);
    report["new_records_joined"] = written.joined;
    report["orderers_created"] = written.orderers_created;
    report["index"] = index_origin_name(lease.origin());
    return {std::move(report), true};
}

}  // namespace jobcenter::register_plugin
