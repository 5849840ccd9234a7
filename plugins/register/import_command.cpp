// The import command: CSV -> mapped rows -> checks -> normalised source records, in one transaction.
#include "import_command.hpp"

#include <array>
#include <set>
#include <unordered_map>

#include "business_id.hpp"
#include "csv_reader.hpp"
#include "import_columns.hpp"
#include "jobcenter/params.hpp"
#include "normalize.hpp"

namespace jobcenter::register_plugin {
namespace json = boost::json;
namespace {

// The fields a source record stores as given, in the order they are hashed and written.
const char* const stored_fields[] = {"name", "business_id", "street", "postcode", "city", "phone", "email", "contact_person"};
constexpr std::size_t stored_field_count = std::size(stored_fields);

struct ImportRow {
    std::size_t line = 0;
    std::string unit;
    std::string source_id;
    std::array<std::string, stored_field_count> fields;  // as stored_fields
    std::string raw;  // JSON object of every header and its value, as given
    std::string content_hash;
};

struct BadRow {
    std::size_t line;
    std::string reason;
};

std::string hex64(std::uint64_t v) {
    static const char digits[] = "0123456789abcdef";
    std::string s(16, '0');
    for (int i = 15; i >= 0; --i, v >>= 4) s[static_cast<std::size_t>(i)] = digits[v & 0xF];
    return s;
}

// FNV-1a over the parts, each followed by a unit separator so "ab","c" and "a","bc" differ.
std::string content_hash(const std::string& unit, const std::array<std::string, stored_field_count>& fields) {
    std::uint64_t h = 1469598103934665603ull;
    auto mix = [&h](std::string_view s) {
        for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
        h = (h ^ 0x1F) * 1099511628211ull;
    };
    mix(unit);
    for (const auto& f : fields) mix(f);
    return hex64(h);
}

std::optional<std::string> field_of(const ColumnMap& map, const CsvRecord& record, const std::string& field) {
    auto it = map.field_to_column.find(field);
    if (it == map.field_to_column.end() || it->second >= record.fields.size()) return std::nullopt;
    return record.fields[it->second];
}

std::set<std::string> known_units(Database& db) {
    std::set<std::string> units;
    auto q = db.prepare("SELECT name FROM unit");
    while (q.step()) units.insert(q.get_text(0));
    return units;
}

// Reads, maps and checks every record; bad ones are collected with their line and reason.
std::vector<ImportRow> read_rows(const CsvTable& table, const ColumnMap& map, const std::string& calling_unit,
                                 const std::set<std::string>& units, std::vector<BadRow>& bad) {
    std::vector<ImportRow> rows;
    rows.reserve(table.records.size());
    std::unordered_map<std::string, std::size_t> first_line_of_id;
    for (const auto& record : table.records) {
        ImportRow row;
        row.line = record.line;
        for (std::size_t i = 0; i < stored_field_count; ++i)
            row.fields[i] = field_of(map, record, stored_fields[i]).value_or("");
        json::object raw;
        for (std::size_t c = 0; c < table.header.size() && c < record.fields.size(); ++c)
            raw[table.header[c]] = record.fields[c];
        row.raw = json::serialize(raw);
        row.unit = map.unit_column ? record.fields[*map.unit_column] : calling_unit;
        if (row.fields[0].empty()) {
            bad.push_back({record.line, "the name is empty"});
            continue;
        }
        if (row.unit.empty()) {
            bad.push_back({record.line, "the unit column is empty"});
            continue;
        }
        if (!units.count(row.unit)) {
            bad.push_back({record.line, "unknown unit '" + row.unit + "'"});
            continue;
        }
        row.content_hash = content_hash(row.unit, row.fields);
        row.source_id = map.id_column ? record.fields[*map.id_column] : "row-" + row.content_hash;
        if (row.source_id.empty()) {
            bad.push_back({record.line, "the id column is empty"});
            continue;
        }
        auto [it, fresh] = first_line_of_id.emplace(row.unit + '\x1f' + row.source_id, record.line);
        if (!fresh) {
            bad.push_back({record.line, map.id_column ? "the id '" + row.source_id + "' was already used on line " +
                                                            std::to_string(it->second)
                                                      : "the same row as line " + std::to_string(it->second)});
            continue;
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

struct Existing {
    std::int64_t id;
    std::string hash;
};

std::unordered_map<std::string, Existing> existing_records(Database& db) {
    std::unordered_map<std::string, Existing> existing;
    auto q = db.prepare("SELECT unit, source_id, id, content_hash FROM source_record");
    while (q.step()) existing.emplace(q.get_text(0) + '\x1f' + q.get_text(1), Existing{q.get_int(2), q.get_text(3)});
    return existing;
}

std::optional<std::string> non_empty(const std::string& s) {
    if (s.empty()) return std::nullopt;
    return s;
}

// Binds the fields and normalised keys of `row` to parameters 1..23 of an insert or update.
void bind_record(Statement& s, const ImportRow& row, const NormalizedName& name, const BusinessId& business,
                 const std::string& phone_country, std::int64_t import_id, const std::string& file) {
    const auto& f = row.fields;
    NormalizedAddress address = normalize_address(f[2], f[3], f[4]);
    NormalizedPhone phone = normalize_phone(f[5], phone_country);
    NormalizedEmail email = normalize_email(f[6]);
    s.bind_all(import_id, file, static_cast<std::int64_t>(row.line), row.raw, row.content_hash, f[0],
               non_empty(f[1]), non_empty(f[2]), non_empty(f[3]), non_empty(f[4]), non_empty(f[5]), non_empty(f[6]),
               non_empty(f[7]), name.key, non_empty(name.legal_form), name.city_of_helsinki,
               non_empty(name.department_key),
               business.valid ? std::optional<std::string>(business.canonical) : std::nullopt,
               phone_key(phone),
               email.valid ? std::optional<std::string>(email.address) : std::nullopt, email.generic_mailbox,
               email.free_mail, non_empty(address.street_key));
    s.bind(24, non_empty(address.postcode)).bind(25, non_empty(address.city_key));
}

const char* const record_columns =
    "import_id, file, line, raw, content_hash, name, business_id_raw, street, postcode, city, phone, email, "
    "contact_person, name_key, legal_form, city_of_helsinki, department_key, business_id, phone_e164, email_key, "
    "email_generic, email_free, street_key, postcode_key, city_key";

std::int64_t insert_orderer(Database& db, const ImportRow& row, const BusinessId& business, const std::string& now) {
    auto& insert = db.cached(
        "INSERT INTO orderer(name, category, business_id, business_id_raw, street, postcode, city, phone, email, "
        "created_by_unit, created_at, updated_at) VALUES(?,?,?,?,?,?,?,?,?,?,?,?)");
    const auto& f = row.fields;
    insert.bind_all(f[0], "unknown", business.valid ? std::optional<std::string>(business.canonical) : std::nullopt,
                    non_empty(f[1]), non_empty(f[2]), non_empty(f[3]), non_empty(f[4]), non_empty(f[5]),
                    non_empty(f[6]), row.unit, now, now);
    insert.run();
    return db.last_insert_id();
}

// The words of the record's name key, for the entry-time check's lookups (replacing earlier ones).
void store_name_tokens(Database& db, std::int64_t record_id, const NormalizedName& name) {
    auto& clear = db.cached("DELETE FROM source_name_token WHERE record_id = ?");
    clear.bind(1, record_id);
    clear.run();
    auto& insert = db.cached("INSERT OR IGNORE INTO source_name_token(token, record_id) VALUES(?, ?)");
    for (const auto& token : name.tokens) {
        insert.bind(1, token).bind(2, record_id);
        insert.run();
    }
}

std::string describe_bad_rows(const std::vector<BadRow>& bad, const std::string& file) {
    std::string text = std::to_string(bad.size()) + " bad row" + (bad.size() == 1 ? "" : "s") +
                       "; nothing was imported (give --skip-bad-rows to import the good ones):";
    for (std::size_t i = 0; i < bad.size() && i < 20; ++i)
        text += "\n  " + file + ":" + std::to_string(bad[i].line) + ": " + bad[i].reason;
    if (bad.size() > 20) text += "\n  ... and " + std::to_string(bad.size() - 20) + " more";
    return text;
}

}  // namespace

std::optional<std::string> phone_key(const NormalizedPhone& phone) {
    if (phone.valid) return phone.e164;
    if (phone.national.size() >= 5) return "~" + phone.national;
    return std::nullopt;
}

json::value import_command(Context& ctx, const json::object& request) {
    const auto file = params::required_string(request, "file");
    const auto unit_column = params::optional_string(request, "unit_column");
    const auto calling_unit = ctx.unit();
    if (!unit_column && calling_unit.empty())
        throw UsageError("say whose register this is: give --unit NAME, or --unit-column COLUMN when rows carry their unit");
    if (unit_column) ctx.require_role(Role::coordinator);  // rows for several units: not one unit's own import
    const bool dry_run = params::flag(request, "dry_run");
    const bool skip_bad = params::flag(request, "skip_bad_rows");
    const auto phone_country = params::optional_string(request, "phone_country").value_or("358");

    CsvTable table = read_csv_file(file);
    ColumnMap map = map_columns(table.header, params::string_list(request, "map"), unit_column,
                                params::optional_string(request, "id_column"), file);
    std::vector<BadRow> bad;
    std::vector<ImportRow> rows = read_rows(table, map, calling_unit, known_units(ctx.db()), bad);
    if (!bad.empty() && !skip_bad) throw InputError(describe_bad_rows(bad, file), file);

    auto existing = existing_records(ctx.db());
    std::size_t added = 0, updated = 0, unchanged = 0;
    for (const auto& row : rows) {
        auto it = existing.find(row.unit + '\x1f' + row.source_id);
        if (it == existing.end()) ++added;
        else if (it->second.hash != row.content_hash) ++updated;
        else ++unchanged;
    }

    json::array bad_rows;
    for (const auto& b : bad) bad_rows.push_back(json::object{{"line", b.line}, {"reason", b.reason}});
    json::object result{{"file", file},           {"encoding", table.encoding},
                        {"delimiter", std::string(1, table.delimiter) == "\t" ? "tab" : std::string(1, table.delimiter)},
                        {"rows", table.records.size()}, {"added", added}, {"updated", updated},
                        {"unchanged", unchanged}, {"skipped", bad.size()}, {"dry_run", dry_run}};
    if (!bad_rows.empty()) result["bad_rows"] = std::move(bad_rows);
    if (dry_run) return result;

    Database& db = ctx.db();
    const auto now = ctx.clock().now_iso();
    db.prepare("INSERT INTO import_batch(unit, file, encoding, delimiter, rows_read, added, updated, unchanged, skipped, "
               "imported_at, imported_by) VALUES(?,?,?,?,?,?,?,?,?,?,?)")
        .bind_all(calling_unit, file, table.encoding, std::string(1, table.delimiter),
                  static_cast<std::int64_t>(table.records.size()), static_cast<std::int64_t>(added),
                  static_cast<std::int64_t>(updated), static_cast<std::int64_t>(unchanged),
                  static_cast<std::int64_t>(bad.size()), now, std::string(role_name(ctx.role())))
        .run();
    const std::int64_t import_id = db.last_insert_id();

    auto& insert = db.cached(std::string("INSERT INTO source_record(") + record_columns +
                             ", unit, source_id, orderer_id, first_imported_at, updated_at) "
                             "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    auto& update = db.cached(
        "UPDATE source_record SET (" + std::string(record_columns) +
        ", updated_at) = (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) WHERE id = ?27");
    ctx.progress().start("import " + file, rows.size());
    std::size_t done = 0;
    for (const auto& row : rows) {
        auto it = existing.find(row.unit + '\x1f' + row.source_id);
        if (it != existing.end() && it->second.hash == row.content_hash) {
            if (++done % 4096 == 0) ctx.progress().advance(done);
            continue;
        }
        const NormalizedName name = normalize_name(row.fields[0]);
        const BusinessId business = parse_business_id(row.fields[1]);
        if (it == existing.end()) {
            std::int64_t orderer = insert_orderer(db, row, business, now);
            bind_record(insert, row, name, business, phone_country, import_id, file);
            insert.bind(26, row.unit).bind(27, row.source_id).bind(28, orderer).bind(29, now).bind(30, now);
            insert.run();
            store_name_tokens(db, db.last_insert_id(), name);
        } else {
            bind_record(update, row, name, business, phone_country, import_id, file);
            update.bind(26, now).bind(27, it->second.id);
            update.run();
            store_name_tokens(db, it->second.id, name);
        }
        if (++done % 4096 == 0) ctx.progress().advance(done);
    }
    ctx.progress().finish();
    ctx.audit("register.import", "import_batch", std::to_string(import_id), file);
    result["import_id"] = import_id;
    return result;
}

}  // namespace jobcenter::register_plugin
