// Writing an import's records: new ones in statements of many rows with the ids SQLite would give them,
// changed ones rewritten in place (their old name words and keys kept for the next dedupe run), and the
// import's batch row and the indexes set aside around a large load.
#include "register/import/import_write.hpp"

#include <algorithm>

#include "register/import/import_chunks.hpp"
#include "register/import/import_columns.hpp"
#include "register/import/import_statements.hpp"
#include "register/store/values_batch.hpp"

namespace jobcenter::register_plugin {
namespace {

std::int64_t next_id(Database& db, const char* table) {
    auto q = db.prepare(std::string("SELECT coalesce(max(id), 0) + 1 FROM ") + table);
    q.step();
    return q.get_int(0);
}

// The statements that rewrite a stored record the file changes.
struct ChangedRecordStatements {
    Statement& update;
    Statement& update_given;
    // Its old name key (read before it is rewritten): its words leave the name-word index.
    Statement& old_name_key;
    // Its keys as the last dedupe run saw them, for the next incremental run (the first change since only).
    Statement& keep_replaced_keys;
};

ChangedRecordStatements changed_record_statements(Database& db) {
    return {db.cached(import_sql().record_update), db.cached(import_sql().given_update),
            db.cached("SELECT name_key FROM source_record WHERE id = ?"),
            db.cached("INSERT OR IGNORE INTO replaced_record_keys(record_id, name_key, department_key, business_id, "
                      "phone_e164, email_key, email_free, street_key, city_of_helsinki) SELECT id, name_key, "
                      "department_key, business_id, phone_e164, email_key, email_free, street_key, city_of_helsinki "
                      "FROM source_record WHERE id = ?")};
}

// Where write_records writes the rows of one call.
struct RecordWrite {
    Database& db;
    const ImportRequest& request;
    ImportRun& run;
    const std::vector<const ImportRow*>& rows;
    const LinkingWrite* linking;
    ChangedRecordStatements statements;
};

// Writes the new records `group` (positions in `chunk`, whose first row is rows[begin]) with the next ids.
void write_new_records(RecordWrite& w, std::size_t begin, const std::vector<std::size_t>& group,
                       const WritableChunk& chunk) {
    ImportRun& run = w.run;
    const std::int64_t first_orderer = run.next.orderer;
    const std::int64_t first_record = run.next.record;
    auto row_of = [&](std::size_t g) -> const ImportRow& { return *w.rows[begin + group[g]]; };
    auto keys_of = [&](std::size_t g) -> const RowKeys& { return chunk.keys[group[g]]; };
    auto offset = [](std::size_t g) { return static_cast<std::int64_t>(g); };
    const ImportSql& sql = import_sql();
    const std::size_t count = group.size();
    if (!w.linking)
        run_batched(w.db, sql.orderer_insert, orderer_insert.size(), count, [&](Statement& s, int at, std::size_t g) {
            RowValues<orderer_insert> values(s, at);
            bind_orderer(values, first_orderer + offset(g), row_of(g), keys_of(g), run.now);
        }, rows_per_statement);
    const bool own_orderer = !w.linking || w.linking->orderer_ids_reserved;
    run_batched(w.db, sql.record_insert, record_insert.size(), count, [&](Statement& s, int at, std::size_t g) {
        const std::optional<std::int64_t> orderer = own_orderer ? std::optional(first_orderer + offset(g)) : std::nullopt;
        bind_record_insert(s, at, first_record + offset(g), row_of(g), keys_of(g), run.import_id, orderer);
    }, rows_per_statement);
    if (!w.linking) {
        run_batched(w.db, sql.given_insert, given_insert.size(), count, [&](Statement& s, int at, std::size_t g) {
            bind_given_insert(s, at, first_record + offset(g), row_of(g), chunk.raws[group[g]], w.request.file, run.now);
        }, rows_per_statement);
        for (std::size_t g = 0; g < count; ++g) run.words.add(first_record + offset(g), keys_of(g).name.tokens);
    }
    run.next.orderer += static_cast<std::int64_t>(count);
    run.next.record += static_cast<std::int64_t>(count);
}

// Rewrites the stored record `row` re-imports with its new fields, keys and row as given (`raw`).
void rewrite_changed_record(RecordWrite& w, const ImportRow& row, const RowKeys& keys, const std::string& raw) {
    ChangedRecordStatements& statements = w.statements;
    const std::int64_t id = row.existing->id;
    statements.old_name_key.bind(1, id);
    if (statements.old_name_key.step()) w.run.words.remove(id, statements.old_name_key.get_text_view(0));
    statements.old_name_key.reset();
    statements.keep_replaced_keys.bind(1, id).run();
    RowValues<record_update> record(statements.update, 1);
    bind_record(record, row, keys, w.run.import_id);
    record.set("id", id);
    statements.update.run();
    RowValues<given_update> given(statements.update_given, 1);
    bind_given(given, row, raw, w.request.file);
    given.set("updated_at", w.run.now).set("record_id", id);
    statements.update_given.run();
    w.run.words.add(id, keys.name.tokens);
}

// Writes a chunk's rows in order, new records gathered into statements of many rows.
void write_chunk(RecordWrite& w, std::size_t begin, const WritableChunk& chunk) {
    std::vector<std::size_t> group;
    for (std::size_t k = 0; k < chunk.keys.size(); ++k) {
        const ImportRow& row = *w.rows[begin + k];
        if (row.existing) {
            rewrite_changed_record(w, row, chunk.keys[k], chunk.raws[k]);
            continue;
        }
        group.push_back(k);
        if (group.size() == rows_per_statement) {
            write_new_records(w, begin, group, chunk);
            group.clear();
        }
    }
    if (!group.empty()) write_new_records(w, begin, group, chunk);
}

}  // namespace

ImportRun start_import_run(Context& ctx, const ImportRequest& request, const ImportFile& file, const StoredMatch& stored,
                           PhaseTimer& timer) {
    Database& db = ctx.db();
    const CsvTable& table = file.table;
    ImportRun run;
    run.now = ctx.clock().now_iso();
    // The header once for the batch; each record's raw is then its values in the header's order.
    db.prepare("INSERT INTO import_batch(unit, file, encoding, delimiter, rows_read, added, updated, unchanged, skipped, "
               "imported_at, imported_by, header) VALUES(?,?,?,?,?,?,?,?,?,?,?,?)")
        .bind_all(request.calling_unit, request.file, table.encoding, std::string(1, table.delimiter),
                  static_cast<std::int64_t>(table.records.size()), static_cast<std::int64_t>(stored.added),
                  static_cast<std::int64_t>(stored.updated), static_cast<std::int64_t>(stored.unchanged),
                  static_cast<std::int64_t>(file.bad.size()), run.now, std::string(role_name(ctx.role())),
                  json_string_array(table.header))
        .run();
    run.import_id = db.last_insert_id();

    // A load that only adds, and adds more than a table holds, builds that table's indexes afterwards; so
    // do the records' keys (record_key): their trigger is dropped and the import adds them in key order.
    const auto added = static_cast<std::int64_t>(stored.added);
    if (stored.updated == 0 && stored.added >= 1000) {
        if (added > stored.records_before) {
            run.deferred.record_indexes.drop(db, "source_record");
            run.deferred.new_record_keys.defer(db);
        }
        if (added > rows_of_append_only(db, "orderer")) run.deferred.orderer_indexes.drop(db, "orderer");
    }
    timer.end("drop indexes");

    run.changed.reserve(stored.added + stored.updated);
    for (const auto& row : file.rows)
        if (change_of(row) != RowChange::unchanged) run.changed.push_back(&row);
    run.next.orderer = next_id(db, "orderer");
    run.next.record = next_id(db, "source_record");
    run.first_new_record = run.next.record;
    return run;
}

void write_records(Context& ctx, const ImportRequest& request, ImportRun& run, const std::vector<const ImportRow*>& rows,
                   const LinkingWrite* linking) {
    RecordWrite write{ctx.db(), request, run, rows, linking, changed_record_statements(ctx.db())};
    ctx.progress().start("import " + request.file, rows.size());
    const ChunkSource source{rows, request.phone_country, linking ? &linking->index : nullptr, run.first_new_record,
                             run.words};
    for_each_chunk(source, [&](std::size_t begin, const WritableChunk& chunk) {
        write_chunk(write, begin, chunk);
        ctx.progress().advance(begin + chunk.keys.size());
    });
}

std::vector<std::int64_t> stored_record_ids(const std::vector<const ImportRow*>& rows) {
    std::vector<std::int64_t> ids;
    for (const ImportRow* row : rows)
        if (row->existing) ids.push_back(row->existing->id);
    std::sort(ids.begin(), ids.end());
    return ids;
}

std::vector<std::int64_t> written_record_ids(const ImportRun& run) {
    std::vector<std::int64_t> ids = stored_record_ids(run.changed);
    for (std::int64_t id = run.first_new_record; id < run.next.record; ++id) ids.push_back(id);
    return ids;
}

void write_given_rows(Database& db, const ImportRequest& request, const ImportRun& run,
                      const std::vector<const ImportRow*>& fresh) {
    std::vector<std::string> raws;
    for (std::size_t begin = 0; begin < fresh.size(); begin += rows_per_statement) {
        const std::size_t count = std::min(rows_per_statement, fresh.size() - begin);
        raws.clear();
        for (std::size_t k = 0; k < count; ++k) raws.push_back(json_string_array(fresh[begin + k]->record->fields));
        run_batched(db, import_sql().given_insert, given_insert.size(), count, [&](Statement& s, int at, std::size_t k) {
            bind_given_insert(s, at, run.first_new_record + static_cast<std::int64_t>(begin + k), *fresh[begin + k],
                              raws[k], request.file, run.now);
        }, rows_per_statement);
    }
}

void write_record_orderers(Database& db, std::int64_t first_record,
                           const std::vector<std::pair<std::uint32_t, std::int64_t>>& orderers) {
    run_batched(db, import_sql().record_orderer_update, record_orderer_values.size(), orderers.size(),
                [&](Statement& s, int at, std::size_t k) {
                    RowValues<record_orderer_values> values(s, at);
                    values.set("id", first_record + static_cast<std::int64_t>(orderers[k].first));
                    values.set("orderer_id", orderers[k].second);
                }, rows_per_statement);
}

void finish_writes(Database& db, ImportRun& run, PhaseTimer& timer) {
    run.words.write(db);
    timer.end("write name words");
    if (run.deferred.new_record_keys.deferred()) {
        add_record_keys_from_table(db, run.first_new_record);
        run.deferred.new_record_keys.restore(db);
    }
    run.deferred.record_indexes.rebuild(db);
    run.deferred.record_orderer_index.rebuild(db);
    run.deferred.orderer_indexes.rebuild(db);
    timer.end("rebuild indexes");
}

}  // namespace jobcenter::register_plugin
