// Reading a register's stored keys again when an older normalisation read them (see key_revision.hpp).
#include "register/index/key_revision.hpp"

#include <array>
#include <optional>
#include <string_view>

#include "register/import/import_keys.hpp"
#include "register/import/import_rows.hpp"
#include "register/index/name_words.hpp"
#include "register/normalize/normalize.hpp"
#include "register/resident/register_generation.hpp"
#include "register/resident/resident_index.hpp"

namespace jobcenter::register_plugin {
namespace {

// A phone written without its country ("09 123 4567") whose stored key has another country than Finland's
// was read with the import's phone_country, which is not kept: its key stays as it is.
bool read_with_another_country(std::string_view phone, std::string_view stored_key) {
    const bool international = phone.starts_with('+') || phone.starts_with("00");
    return !stored_key.empty() && !international && !stored_key.starts_with("+358");
}

int stored_key_revision(Database& db) {
    auto& q = db.cached("SELECT revision FROM register_key_revision WHERE id = 1");
    const int revision = q.step() ? static_cast<int>(q.get_int(0)) : 0;
    q.reset();
    return revision;
}

std::optional<std::string_view> stored(std::string_view value) {
    if (value.empty()) return std::nullopt;
    return value;
}

// The columns the read below gives: id, unit and the fields as given (1-8), then the stored keys (9-20).
constexpr const char* read_records_sql =
    "SELECT id, unit, name, coalesce(business_id_raw, ''), coalesce(street, ''), coalesce(postcode, ''), "
    "coalesce(city, ''), coalesce(phone, ''), coalesce(email, ''), name_key, coalesce(legal_form, ''), "
    "coalesce(department_key, ''), coalesce(business_id, ''), coalesce(phone_e164, ''), coalesce(email_key, ''), "
    "coalesce(street_key, ''), coalesce(postcode_key, ''), coalesce(city_key, ''), city_of_helsinki, "
    "email_generic, email_free FROM source_record ORDER BY id";

// The stored keys of the record `read` is on, their texts held in `texts` (in StoredKeys' order).
StoredKeys stored_keys_of_row(Statement& read, std::int64_t id, std::array<std::string, 9>& texts) {
    for (std::size_t i = 0; i < texts.size(); ++i) texts[i] = read.get_text(static_cast<int>(i) + 9);
    StoredKeys k;
    k.id = id;
    k.name_key = texts[0], k.legal_form = texts[1], k.department_key = texts[2];
    k.business_id = texts[3], k.phone = texts[4], k.email = texts[5];
    k.street_key = texts[6], k.postcode_key = texts[7], k.city_key = texts[8];
    k.city_of_helsinki = read.get_int(18) != 0;
    k.email_generic = read.get_int(19) != 0;
    k.email_free = read.get_int(20) != 0;
    return k;
}

// The keys this revision reads from the record's fields as given, lost zeros put back as the import did;
// `phone_kept` when the phone's stored key must stay (read_with_another_country).
RowKeys keys_of_fields(Statement& read, std::string_view stored_phone, bool& phone_kept) {
    std::array<std::string, stored_field_count> fields;  // the contact person is no key: left empty
    for (std::size_t i = 0; i + 1 < stored_field_count; ++i) fields[i] = read.get_text(static_cast<int>(i) + 2);
    const std::string unit = read.get_text(1);
    CsvRecord record{0, {}};
    ImportRow row;
    row.record = &record;
    row.unit = unit;
    for (std::size_t i = 0; i < stored_field_count; ++i) row.fields[i] = fields[i];
    phone_kept = read_with_another_country(row.field(StoredField::phone), stored_phone);
    restore_lost_zeros(row, !phone_kept);
    return normalize_row(row, "358");
}

void write_keys(Statement& update, const StoredKeys& k) {
    update.bind(1, k.name_key).bind(2, stored(k.legal_form)).bind(3, stored(k.department_key));
    update.bind(4, stored(k.business_id)).bind(5, stored(k.phone)).bind(6, stored(k.email));
    update.bind(7, stored(k.street_key)).bind(8, stored(k.postcode_key)).bind(9, stored(k.city_key));
    update.bind(10, k.city_of_helsinki).bind(11, k.email_generic).bind(12, k.email_free).bind(13, k.id);
    update.run();
}

}  // namespace

std::optional<int> outdated_key_revision(Database& db) {
    const int revision = stored_key_revision(db);
    if (revision == key_revision) return std::nullopt;
    auto& any = db.cached("SELECT 1 FROM source_record LIMIT 1");
    const bool has_records = any.step();
    any.reset();
    if (!has_records) return std::nullopt;
    return revision;
}

std::string outdated_keys_warning(int stored_revision, std::string_view consequence) {
    return "the register's keys were read by an older version (revision " + std::to_string(stored_revision) +
           ", now " + std::to_string(key_revision) + "): " + std::string(consequence);
}

void mark_keys_current_if_empty(Database& db) {
    db.prepare("UPDATE register_key_revision SET revision = ? WHERE id = 1 AND revision <> ? AND "
               "NOT EXISTS (SELECT 1 FROM source_record)")
        .bind_all(key_revision, key_revision)
        .run();
}

KeysReadAgain read_keys_again_if_outdated(Context& ctx) {
    Database& db = ctx.db();
    KeysReadAgain out;
    const std::optional<int> outdated = outdated_key_revision(db);
    if (!outdated) return out;
    out.from_revision = *outdated;
    auto read = db.prepare(read_records_sql);
    auto update = db.prepare(
        "UPDATE source_record SET name_key = ?, legal_form = ?, department_key = ?, business_id = ?, phone_e164 = ?, "
        "email_key = ?, street_key = ?, postcode_key = ?, city_key = ?, city_of_helsinki = ?, email_generic = ?, "
        "email_free = ? WHERE id = ?");
    NameWordChanges words;
    ctx.progress().start("register: reading keys again", 0);
    while (read.step()) {
        ++out.records;
        const std::int64_t id = read.get_int(0);
        std::array<std::string, 9> texts;
        const StoredKeys before = stored_keys_of_row(read, id, texts);
        bool phone_kept = false;
        const RowKeys keys = keys_of_fields(read, before.phone, phone_kept);
        StoredKeys after = stored_keys(id, keys);
        if (phone_kept) after.phone = before.phone;
        if (after == before) continue;
        ++out.changed;
        if (after.name_key != before.name_key) {
            words.remove(id, before.name_key);
            words.add(id, keys.name.tokens);
        }
        write_keys(update, after);
    }
    words.write(db);
    db.prepare("UPDATE register_key_revision SET revision = ? WHERE id = 1").bind_all(key_revision).run();
    if (out.changed > 0) {
        advance_generation(db);
        if (auto entry = resident_entry(db)) keep_index(*entry, nullptr);
    }
    ctx.audit("register.keys_read_again", "register", "",
              "revision " + std::to_string(out.from_revision) + " to " + std::to_string(key_revision) + ": " +
                  std::to_string(out.changed) + " of " + std::to_string(out.records) + " records changed");
    return out;
}

boost::json::object keys_read_again_json(const KeysReadAgain& read) {
    return boost::json::object{{"from_revision", read.from_revision}, {"to_revision", key_revision},
                               {"records", read.records}, {"changed", read.changed}};
}

std::string key_revision_fingerprint(Database& db) { return "; keys " + std::to_string(stored_key_revision(db)); }

}  // namespace jobcenter::register_plugin
