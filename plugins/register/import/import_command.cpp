// The import command: CSV -> mapped rows -> checks -> normalised source records, in one transaction.
#include "register/import/import_command.hpp"

#include <algorithm>
#include <array>
#include <future>
#include <iterator>
#include <set>
#include <unordered_map>

#include "register/store/bulk_write.hpp"
#include "register/normalize/business_id.hpp"
#include "register/clustering/cluster_writeback.hpp"
#include "register/import/csv_reader.hpp"
#include "register/commands/dedupe_command.hpp"
#include "register/clustering/golden_record.hpp"
#include "register/import/import_columns.hpp"
#include "register/import/import_keys.hpp"
#include "register/import/import_report.hpp"
#include "register/import/import_request.hpp"
#include "register/import/import_rows.hpp"
#include "jobcenter/params.hpp"
#include "register/scoring/match_rules.hpp"
#include "register/index/name_words.hpp"
#include "register/normalize/normalize.hpp"
#include "register/store/phase_timing.hpp"
#include "register/index/record_index.hpp"
#include "register/index/record_keys.hpp"
#include "register/store/values_batch.hpp"

namespace jobcenter::register_plugin {
namespace json = boost::json;
namespace {

std::optional<std::string_view> non_empty(std::string_view s) {
    if (s.empty()) return std::nullopt;
    return s;
}
std::optional<std::string_view> non_empty(const std::string& s) { return non_empty(std::string_view(s)); }

// A new record's values as its golden record reads them from source_record (see golden_record.cpp):
// as given, compared by the normalised key where one is stored; the keys come from the index. Written
// into `s`, whose strings keep their room from record to record.
void source_values(std::int64_t id, const ImportRow& row, const RecordIndex& index, const IndexedRecord& r, SourceValues& s) {
    const auto& f = row.fields;
    s.record_id = id;
    s.unit.assign(row.unit);
    s.source_id.assign(row.source_id);
    s.shown[0].assign(f[0]);
    s.compare[0].assign(f[0]);
    s.shown[1].assign(index.text(r.business_id));
    s.compare[1].assign(s.shown[1]);
    s.business_id_raw.assign(f[1]);
    auto keyed = [&](std::size_t field, std::string_view given, std::uint32_t key) {
        s.shown[field].assign(given);
        s.compare[field].assign(key != no_value ? std::string_view(index.text(key)) : given);
    };
    keyed(2, f[2], r.street);
    keyed(3, f[3], r.postcode);
    keyed(4, f[4], r.city);
    keyed(5, f[5], r.phone);
    keyed(6, f[6], r.email);
}

// Binds one value to parameter `index` of `s`: text without copying it (every text bound here outlives
// the statement's run), numbers and NULL as they are.
void bind_value(Statement& s, int index, std::string_view text) { s.bind_view(index, text); }
void bind_value(Statement& s, int index, const std::string& text) { s.bind_view(index, text); }
void bind_value(Statement& s, int index, const std::optional<std::string_view>& text) { s.bind_view(index, text); }
void bind_value(Statement& s, int index, const std::optional<std::string>& text) {
    text ? s.bind_view(index, *text) : s.bind(index, nullptr);
}
template <class Number>
void bind_value(Statement& s, int index, const Number& value) {
    s.bind(index, value);
}

// Binds `values` to the parameters of `s` from `first` on; text is bound in place and must stay alive
// until the statement has run.
template <class... Args>
void bind_from(Statement& s, int first, const Args&... values) {
    int index = first;
    (bind_value(s, index++, values), ...);
}

// Binds the mapped fields of `row` and their normalised keys to the 21 parameters of record_columns, from
// `first` on. Everything bound must stay alive until the statement has run.
void bind_record(Statement& s, int first, const ImportRow& row, const RowKeys& keys, std::int64_t import_id) {
    const auto& f = row.fields;
    const auto& name = keys.name;
    const auto& business = keys.business;
    const auto& email = keys.email;
    bind_from(s, first, import_id, row.content_hash(), f[0], non_empty(f[1]), non_empty(f[2]), non_empty(f[3]),
              non_empty(f[4]), non_empty(f[5]), non_empty(f[6]), name.key, non_empty(name.legal_form),
              name.city_of_helsinki, non_empty(name.department_key),
              business.valid ? std::optional<std::string_view>(business.canonical) : std::nullopt, keys.phone,
              email.valid ? std::optional<std::string_view>(email.address) : std::nullopt, email.generic_mailbox,
              email.free_mail, non_empty(keys.address.street_key), non_empty(keys.address.postcode),
              non_empty(keys.address.city_key));
}
constexpr int record_values = 21;
const char* const record_columns =
    "import_id, content_hash, name, business_id_raw, street, postcode, city, phone, email, name_key, legal_form, "
    "city_of_helsinki, department_key, business_id, phone_e164, email_key, email_generic, email_free, street_key, "
    "postcode_key, city_key";

// Binds where `row` came from, the row as given and its contact person to the 4 parameters of given_columns.
void bind_given(Statement& s, int first, const ImportRow& row, const std::string& raw, const std::string& file) {
    bind_from(s, first, file, static_cast<std::int64_t>(row.record->line), raw, non_empty(row.fields[7]));
}
constexpr int given_values = 4;
const char* const given_columns = "file, line, raw, contact_person";

const std::string orderer_insert_head =
    "INSERT INTO orderer(id, name, category, business_id, business_id_raw, street, postcode, city, phone, email, "
    "created_by_unit, created_at, updated_at) VALUES $ROWS";
constexpr int orderer_values = 13;
const std::string record_insert_head =
    std::string("INSERT INTO source_record(id, ") + record_columns + ", unit, source_id, orderer_id) VALUES $ROWS";
constexpr int record_insert_values = 1 + record_values + 3;
const std::string given_insert_head = std::string("INSERT INTO source_record_given(record_id, ") + given_columns +
                                      ", first_imported_at, updated_at) VALUES $ROWS";
constexpr int given_insert_values = 1 + given_values + 2;

// A new record's first orderer: its own fields, as given.
void bind_orderer(Statement& s, int first, std::int64_t id, const ImportRow& row, const BusinessId& business,
                  const std::string& now) {
    const auto& f = row.fields;
    bind_from(s, first, id, f[0], std::string_view("unknown"),
              business.valid ? std::optional<std::string_view>(business.canonical) : std::nullopt, non_empty(f[1]),
              non_empty(f[2]), non_empty(f[3]), non_empty(f[4]), non_empty(f[5]), non_empty(f[6]), row.unit, now, now);
}

std::int64_t next_id(Database& db, const char* table) {
    auto q = db.prepare(std::string("SELECT coalesce(max(id), 0) + 1 FROM ") + table);
    q.step();
    return q.get_int(0);
}

}  // namespace

void record_entered_orderer(Database& db, const std::string& unit, const std::string& role, std::int64_t orderer_id,
                            const std::array<std::string, 8>& fields, const std::string& now) {
    static const std::string file = "(register add)";
    db.prepare("INSERT INTO import_batch(unit, file, encoding, delimiter, rows_read, added, updated, unchanged, skipped, "
               "imported_at, imported_by) VALUES(?, ?, 'UTF-8', '', 1, 1, 0, 0, 0, ?, ?)")
        .bind_all(unit, file, now, role)
        .run();
    const std::int64_t import_id = db.last_insert_id();
    CsvRecord record{0, {}};
    ImportRow row;
    row.record = &record;
    row.unit = unit;
    row.source_id = "entered-" + std::to_string(orderer_id);
    json::object raw;
    for (std::size_t i = 0; i < stored_field_count; ++i) {
        row.fields[i] = fields[i];
        if (!fields[i].empty()) raw[stored_field_names[i]] = fields[i];
    }
    row.hash_digits = content_hash_digits(row.unit, row.fields);
    const RowKeys keys = normalize_row(row, "358");
    auto insert = db.prepare(values_sql(record_insert_head, record_insert_values, 1));
    insert.bind(1, nullptr);  // the id SQLite gives
    bind_record(insert, 2, row, keys, import_id);
    bind_from(insert, 2 + record_values, row.unit, row.source_id, orderer_id);
    insert.run();
    const std::int64_t record_id = db.last_insert_id();
    auto given = db.prepare(values_sql(given_insert_head, given_insert_values, 1));
    const std::string raw_text = json::serialize(raw);
    given.bind(1, record_id);
    bind_given(given, 2, row, raw_text, file);
    bind_from(given, 2 + given_values, now, now);
    given.run();
    NameWordChanges words;
    words.add(record_id, keys.name.tokens);
    words.write(db);
}

json::value import_command(Context& ctx, const json::object& params) {
    const ImportRequest request = read_import_request(ctx, params);
    const std::string& file = request.file;
    const bool link = request.link;
    const std::string& phone_country = request.phone_country;
    PhaseTimer timer("import");
    ImportFile read = read_import_file(ctx, request, params, timer);
    CsvTable& table = read.table;
    std::vector<ImportRow>& rows = read.rows;
    MemoryMapOff whole_register_read(ctx.db());
    const StoredMatch matched = match_stored_records(ctx.db(), rows);
    const std::int64_t stored = matched.records_before;
    const std::size_t added = matched.added, updated = matched.updated, unchanged = matched.unchanged;
    timer.end("existing records");
    json::object result = import_report(request, read, matched);
    if (request.dry_run) return result;

    Database& db = ctx.db();
    BulkWriteSettings bulk(db, bulk_cache_kib(static_cast<std::size_t>(stored) + rows.size()));
    const auto now = ctx.clock().now_iso();
    // The header once for the batch; each record's raw is then its values in the header's order.
    db.prepare("INSERT INTO import_batch(unit, file, encoding, delimiter, rows_read, added, updated, unchanged, skipped, "
               "imported_at, imported_by, header) VALUES(?,?,?,?,?,?,?,?,?,?,?,?)")
        .bind_all(request.calling_unit, file, table.encoding, std::string(1, table.delimiter),
                  static_cast<std::int64_t>(table.records.size()), static_cast<std::int64_t>(added),
                  static_cast<std::int64_t>(updated), static_cast<std::int64_t>(unchanged),
                  static_cast<std::int64_t>(read.bad.size()), now, std::string(role_name(ctx.role())),
                  json_string_array(table.header))
        .run();
    const std::int64_t import_id = db.last_insert_id();

    // A load that only adds, and adds more than a table holds, builds that table's indexes afterwards; so
    // do the records' keys (record_key): their trigger is dropped and the import adds them in key order.
    DeferredIndexes record_indexes, orderer_indexes;
    NewRecordKeysDeferred new_record_keys;
    if (updated == 0 && added >= 1000) {
        if (static_cast<std::int64_t>(added) > stored) {
            record_indexes.drop(db, "source_record");
            new_record_keys.defer(db);
        }
        if (static_cast<std::int64_t>(added) > rows_of_append_only(db, "orderer")) orderer_indexes.drop(db, "orderer");
    }
    // An import that links builds the index of records by orderer last, after their orderers are known.
    DeferredIndexes record_orderer_index;

    timer.end("drop indexes");
    std::vector<const ImportRow*> changed;
    changed.reserve(added + updated);
    for (const auto& row : rows)
        if (change_of(row) != RowChange::unchanged) changed.push_back(&row);

    auto& update = db.cached("UPDATE source_record SET (" + std::string(record_columns) +
                             ") = (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) WHERE id = ?22");
    auto& update_given = db.cached("UPDATE source_record_given SET (" + std::string(given_columns) +
                                   ", updated_at) = (?,?,?,?,?) WHERE record_id = ?6");
    // A changed record's old name key (read before it is rewritten): its words leave the name-word index.
    auto& old_name_key = db.cached("SELECT name_key FROM source_record WHERE id = ?");
    // Its keys as the last dedupe run saw them, for the next incremental run (the first change since only).
    auto& keep_replaced_keys = db.cached(
        "INSERT OR IGNORE INTO replaced_record_keys(record_id, name_key, department_key, business_id, phone_e164, email_key, "
        "email_free, street_key, city_of_helsinki) SELECT id, name_key, department_key, business_id, phone_e164, email_key, "
        "email_free, street_key, city_of_helsinki FROM source_record WHERE id = ?");
    NameWordChanges words;

    // Normalising runs a chunk ahead on a second thread while this one works; the rows stay in order.
    constexpr std::size_t chunk = 4096;
    // For writing: the keys and each row as given (raw), both made on the second thread.
    struct WritableChunk {
        std::vector<RowKeys> keys;
        std::vector<std::string> raws;
    };
    // With `linking` (an import that links, whose rows are all new), the second thread also adds the
    // chunk to that index and its name words to `words`, in row order, while this one writes the chunk before;
    // the rows as given are written later, while the clustering runs, so no raws are made. That thread then
    // has the more to do: this one normalises the last part of each chunk first (`linking_share_here`).
    RecordIndex* linking = nullptr;
    std::int64_t first_new_record = 0;
    // With `linking`, whether new records are written with the id of the orderer each would found (foreign
    // keys checked at the commit, so the orderer may come later) instead of none.
    bool linking_orderers = false;
    constexpr std::size_t linking_share_here = 25;  // per cent of a chunk's rows
    // Normalises rows [begin, split) of `of` into out.keys (sized for [begin, end)); once `made_here` says
    // the rows [split, end) are normalised too, adds the chunk to the index being linked, or makes its raws.
    auto normalize_chunk = [&](const std::vector<const ImportRow*>& of, std::size_t begin, std::size_t split,
                               std::size_t end, std::future<void> made_here, WritableChunk& out) {
        for (std::size_t i = begin; i < split; ++i) out.keys[i - begin] = normalize_row(*of[i], phone_country);
        made_here.get();
        if (linking) {
            for (std::size_t k = 0; k < out.keys.size(); ++k) {
                const std::int64_t id = first_new_record + static_cast<std::int64_t>(begin + k);
                linking->add_stored(stored_keys(id, out.keys[k]));
                words.add(id, out.keys[k].name.tokens);
            }
            return;
        }
        out.raws.reserve(end - begin);
        for (std::size_t i = begin; i < end; ++i) out.raws.push_back(json_string_array(of[i]->record->fields));
    };
    auto for_each_chunk = [&](const std::vector<const ImportRow*>& of, auto&& use) {
        // The next chunk, made on the second thread (and in part on this one) while this one uses the last.
        WritableChunk next;
        std::future<void> next_made;
        auto start = [&](std::size_t begin) {
            const std::size_t end = std::min(of.size(), begin + chunk);
            const std::size_t here = linking ? (end - begin) * linking_share_here / 100 : 0;
            next = WritableChunk{};
            next.keys.resize(end - begin);
            std::promise<void> made_here;
            next_made = std::async(std::launch::async, normalize_chunk, std::cref(of), begin, end - here, end,
                                   made_here.get_future(), std::ref(next));
            for (std::size_t i = end - here; i < end; ++i) next.keys[i - begin] = normalize_row(*of[i], phone_country);
            made_here.set_value();
        };
        if (!of.empty()) start(0);
        for (std::size_t begin = 0; begin < of.size(); begin += chunk) {
            next_made.get();
            WritableChunk current = std::move(next);
            if (begin + chunk < of.size()) start(begin + chunk);
            use(begin, current.keys, current.raws);
        }
    };
    // New records and their orderers take the ids SQLite would give them one by one (the largest so far
    // plus one), written `batch` rows a statement. With `linking`, no orderers are written here: a new record
    // names the orderer it would found (`linking_orderers`) or none, and its cluster decides later; its name
    // words are written while the clustering runs.
    constexpr std::size_t batch = 64;
    constexpr std::int64_t append_cache_kib = 128 * 1024;
    std::int64_t next_orderer = next_id(db, "orderer"), next_record = next_id(db, "source_record");
    first_new_record = next_record;
    auto write_new = [&](const std::vector<std::size_t>& group, const std::vector<const ImportRow*>& of,
                         std::size_t begin, const std::vector<RowKeys>& keys, const std::vector<std::string>& raws) {
        auto row_of = [&](std::size_t g) -> const ImportRow& { return *of[begin + group[g]]; };
        auto offset = [](std::size_t g) { return static_cast<std::int64_t>(g); };
        if (!linking)
            run_batched(db, orderer_insert_head, orderer_values, group.size(), [&](Statement& s, int at, std::size_t g) {
                bind_orderer(s, at, next_orderer + offset(g), row_of(g), keys[group[g]].business, now);
            }, batch);
        run_batched(db, record_insert_head, record_insert_values, group.size(), [&](Statement& s, int at, std::size_t g) {
            s.bind(at, next_record + offset(g));
            bind_record(s, at + 1, row_of(g), keys[group[g]], import_id);
            bind_from(s, at + 1 + record_values, row_of(g).unit, row_of(g).source_id);
            if (linking && !linking_orderers) s.bind(at + 3 + record_values, nullptr);
            else s.bind(at + 3 + record_values, next_orderer + offset(g));
        }, batch);
        // The rows as given, made on the second thread (an import that links writes them later).
        if (!linking)
            run_batched(db, given_insert_head, given_insert_values, group.size(), [&](Statement& s, int at, std::size_t g) {
                s.bind(at, next_record + offset(g));
                bind_given(s, at + 1, row_of(g), raws[group[g]], file);
                bind_from(s, at + 1 + given_values, now, now);
            }, batch);
        if (!linking)
            for (std::size_t g = 0; g < group.size(); ++g) words.add(next_record + offset(g), keys[group[g]].name.tokens);
        next_orderer += static_cast<std::int64_t>(group.size());
        next_record += static_cast<std::int64_t>(group.size());
    };
    auto write_rows = [&](const std::vector<const ImportRow*>& of) {
        ctx.progress().start("import " + file, of.size());
        for_each_chunk(of, [&](std::size_t begin, const std::vector<RowKeys>& keys, const std::vector<std::string>& raws) {
            std::vector<std::size_t> group;
            for (std::size_t k = 0; k < keys.size(); ++k) {
                const ImportRow& row = *of[begin + k];
                if (!row.existing) {
                    group.push_back(k);
                    if (group.size() == batch) write_new(group, of, begin, keys, raws), group.clear();
                } else {
                    old_name_key.bind(1, row.existing->id);
                    if (old_name_key.step()) words.remove(row.existing->id, old_name_key.get_text_view(0));
                    old_name_key.reset();
                    keep_replaced_keys.bind(1, row.existing->id).run();
                    bind_record(update, 1, row, keys[k], import_id);
                    update.bind(22, row.existing->id);
                    update.run();
                    bind_given(update_given, 1, row, raws[k], file);
                    update_given.bind(5, now).bind(6, row.existing->id);
                    update_given.run();
                    words.add(row.existing->id, keys[k].name.tokens);
                }
            }
            if (!group.empty()) write_new(group, of, begin, keys, raws);
            ctx.progress().advance(begin + keys.size());
        });
    };
    if (!link) {
        write_rows(changed);
    } else {
        // Changed records are rewritten first, so that the index reads them as they are now. The new ones
        // are then written without an orderer and join the index as they are written (normalised once, for
        // both); they are clustered with the register as `register dedupe` would cluster them, on the second
        // thread while this one builds the indexes of their keys, and get the orderer their cluster keeps
        // or gets last.
        std::vector<const ImportRow*> changed_old, fresh_rows;
        for (const ImportRow* row : changed) (row->existing ? changed_old : fresh_rows).push_back(row);
        write_rows(changed_old);
        timer.end("write changed records");
        const MatchRules rules = load_match_rules(ctx);
        // A file of rows the register already has, as they were, and nothing else new: nothing to link.
        if (auto nothing_new = changed.empty() ? unchanged_since_last_run(db, rules) : std::nullopt) {
            result["linked"] = std::move(*nothing_new);
            close_import(ctx, request, import_id, timer, result);
            return result;
        }
        RecordIndex index = RecordIndex::load_for_adding(db, fresh_rows.size());
        ClusteringPlan plan = plan_clustering(db, index, rules, false);
        timer.end("load index");
        const auto first_new = static_cast<std::uint32_t>(index.size());
        NewRecords fresh;
        std::future<RegisterClustering> clustering;
        {
            // Records written now are not read again until their orderers are set: a small cache sends their
            // pages to the file as they fill instead of keeping them in memory while the clustering takes its.
            BulkWriteSettings append_only(db, append_cache_kib);
            linking = &index;
            linking_orderers = foreign_keys_checked_at_commit(db);
            fresh.first_orderer = linking_orderers ? next_orderer : 0;
            write_rows(fresh_rows);
            linking = nullptr;
            ctx.progress().start("import " + file + ": linking", 0);
            timer.end("new records");
            std::vector<std::uint32_t> new_positions(fresh_rows.size());
            for (std::uint32_t i = 0; i < new_positions.size(); ++i) new_positions[i] = first_new + i;
            clustering = std::async(std::launch::async, [&, new_positions = std::move(new_positions)] {
                PhaseTimer second_thread("import, second thread");
                index.finish();
                second_thread.end("index weights");
                return run_clustering(index, rules, std::move(plan), new_positions, second_thread);
            });
            record_orderer_index = record_indexes.split_off("source_record_orderer");
            record_indexes.rebuild(db);
            if (new_record_keys.deferred()) {
                add_record_keys_in_key_order(db, index, first_new);
                new_record_keys.restore(db);
            }
            timer.end("record keys, clustering alongside");
            words.write(db);
            timer.end("name words, clustering alongside");
            // The new records' rows as given, in id order.
            std::vector<std::string> raws;
            for (std::size_t begin = 0; begin < fresh_rows.size(); begin += batch) {
                const std::size_t count = std::min(batch, fresh_rows.size() - begin);
                raws.clear();
                for (std::size_t k = 0; k < count; ++k) raws.push_back(json_string_array(fresh_rows[begin + k]->record->fields));
                run_batched(db, given_insert_head, given_insert_values, count, [&](Statement& s, int at, std::size_t k) {
                    s.bind(at, first_new_record + static_cast<std::int64_t>(begin + k));
                    bind_given(s, at + 1, *fresh_rows[begin + k], raws[k], file);
                    bind_from(s, at + 1 + given_values, now, now);
                }, batch);
            }
            timer.end("rows as given, clustering alongside");
        }
        const RegisterClustering run = clustering.get();
        json::object linking_report = clustering_summary(index, run);
        timer.end("rest of clustering");
        fresh.first = first_new;
        fresh.source = [&](std::uint32_t i, SourceValues& into) {
            source_values(first_new_record + i, *fresh_rows[i], index, index.records[first_new + i], into);
        };
        fresh.write = [&](const std::vector<std::pair<std::uint32_t, std::int64_t>>& orderers) {
            run_batched(db,
                        "UPDATE source_record SET orderer_id = v.column2 FROM (VALUES $ROWS) AS v "
                        "WHERE source_record.id = v.column1",
                        2, orderers.size(), [&](Statement& s, int at, std::size_t k) {
                            s.bind(at, first_new_record + static_cast<std::int64_t>(orderers[k].first));
                            s.bind(at + 1, orderers[k].second);
                        }, batch);
            // The file and its rows are done with: what is left (events, review queue) needs only the index,
            // so their memory goes back before the history and the queue take theirs.
            for (auto* list : {&changed, &changed_old, &fresh_rows}) std::vector<const ImportRow*>().swap(*list);
            std::vector<ImportRow>().swap(rows);
            table = CsvTable{};
        };
        const WriteBackResult written = write_clusters(ctx, index, rules, run.clustering, run.clusters, run.forbidden,
                                                       run.in_scope, &fresh, timer);
        record_dedupe_run(db, run, index, import_id, now, std::string(role_name(ctx.role())));
        add_write_back(linking_report, written);
        linking_report["new_records_joined"] = written.joined;
        linking_report["orderers_created"] = written.orderers_created;
        result["linked"] = std::move(linking_report);
    }
    if (!link) timer.end("write records");
    words.write(db);
    timer.end("write name words");
    if (new_record_keys.deferred()) {
        add_record_keys_from_table(db, first_new_record);
        new_record_keys.restore(db);
    }
    record_indexes.rebuild(db);
    record_orderer_index.rebuild(db);
    orderer_indexes.rebuild(db);
    timer.end("rebuild indexes");
    close_import(ctx, request, import_id, timer, result);
    return result;
}

}  // namespace jobcenter::register_plugin
