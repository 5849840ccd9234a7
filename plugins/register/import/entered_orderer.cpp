// What `register add` entered, kept as a source record of its orderer in an import batch of its own, so
// that entered orderers are found and linked like imported ones.
#include "register/import/import_command.hpp"
#include "register/import/import_keys.hpp"
#include "register/import/import_rows.hpp"
#include "register/import/import_statements.hpp"
#include "register/index/key_revision.hpp"
#include "register/index/name_words.hpp"
#include "register/store/values_batch.hpp"

namespace jobcenter::register_plugin {

void record_entered_orderer(Database& db, const std::string& unit, const std::string& role, std::int64_t orderer_id,
                            const std::array<std::string, 8>& fields, const std::string& now) {
    static const std::string file = "(register add)";
    mark_keys_current_if_empty(db);
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
    boost::json::object raw;
    for (std::size_t i = 0; i < stored_field_count; ++i) {
        row.fields[i] = fields[i];
        if (!fields[i].empty()) raw[stored_field_names[i]] = fields[i];
    }
    row.hash_digits = content_hash_digits(row.unit, row.fields);
    restore_lost_zeros(row, true);  // keyed as an import keys them; the fields stay as given
    const RowKeys keys = normalize_row(row, "358");
    auto insert = db.prepare(values_sql(import_sql().record_insert, record_insert.size(), 1));
    bind_record_insert(insert, 1, std::nullopt, row, keys, import_id, orderer_id);  // the id SQLite gives
    insert.run();
    const std::int64_t record_id = db.last_insert_id();
    auto given = db.prepare(values_sql(import_sql().given_insert, given_insert.size(), 1));
    const std::string raw_text = boost::json::serialize(raw);
    bind_given_insert(given, 1, record_id, row, raw_text, file, now);
    given.run();
    NameWordChanges words;
    words.add(record_id, keys.name.tokens);
    words.write(db);
}

}  // namespace jobcenter::register_plugin
