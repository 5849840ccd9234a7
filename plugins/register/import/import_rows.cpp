// Reading an import's rows: the file mapped to stored fields row by row (a large file's halves on two
// threads), rows that cannot be stored and ids used twice set aside as bad, and the stored records the
// rows re-import found.
#include "register/import/import_rows.hpp"

#include <algorithm>
#include <future>
#include <iterator>
#include <optional>
#include <set>

#include "jobcenter/errors.hpp"
#include "jobcenter/fnv1a.hpp"
#include "jobcenter/params.hpp"
#include "register/import/erase_marked.hpp"
#include "register/import/import_columns.hpp"
#include "register/import/import_drop_columns.hpp"
#include "register/normalize/lost_zeros.hpp"
#include "register/normalize/normalize.hpp"
#include "register/store/bulk_write.hpp"

namespace jobcenter::register_plugin {
namespace {

std::array<char, 16> hex64(std::uint64_t v) {
    static const char digits[] = "0123456789abcdef";
    std::array<char, 16> s;
    for (std::size_t i = s.size(); i-- > 0;) {
        s[i] = digits[v & 0xF];
        v >>= 4;
    }
    return s;
}

// FNV-1a over parts, each followed by a unit separator so "ab","c" and "a","bc" differ.
class PartsHash {
public:
    PartsHash& mix(std::string_view part) {
        hash_.add(part).add(unit_separator);
        return *this;
    }
    std::uint64_t value() const { return hash_.value(); }

private:
    static constexpr unsigned char unit_separator = 0x1F;
    Fnv1a hash_;
};

// Of the mapped fields: stored as source_record.content_hash, so it must not change.
std::uint64_t content_hash(std::string_view unit, const std::array<std::string_view, stored_field_count>& fields) {
    PartsHash h;
    h.mix(unit);
    for (const auto& f : fields) h.mix(f);
    return h.value();
}

// Of a record's unit and id, for finding ids used twice.
std::uint64_t key_hash(std::string_view unit, std::string_view source_id) { return PartsHash().mix(unit).mix(source_id).value(); }

// A record's unit and source id as one key.
std::string record_key(std::string_view unit, std::string_view source_id) {
    std::string key;
    key.reserve(unit.size() + 1 + source_id.size());
    key.append(unit).append(1, '\x1f').append(source_id);
    return key;
}

std::set<std::string, std::less<>> known_units(Database& db) {
    std::set<std::string, std::less<>> units;
    auto q = db.prepare("SELECT name FROM unit");
    while (q.step()) units.insert(q.get_text(0));
    return units;
}

std::string_view field_of(const std::optional<std::size_t>& column, const CsvRecord& record) {
    if (!column || *column >= record.fields.size()) return {};
    return record.fields[*column];
}

// How the file's records become rows: the column of each stored field, and whose the rows are.
struct RowMapping {
    const CsvTable& table;
    const ColumnMap& map;
    std::array<std::optional<std::size_t>, stored_field_count> columns;  // by StoredField
    const std::string& calling_unit;
    const std::set<std::string, std::less<>>& units;
    bool finnish_phones;  // phones without a country code are Finnish: their lost 0 is restored
};

// Records [begin, end) mapped into `out`, the bad ones into `out_bad`.
void map_records(const RowMapping& mapping, std::size_t begin, std::size_t end, std::vector<ImportRow>& out,
                 std::vector<BadRow>& out_bad) {
    const ColumnMap& map = mapping.map;
    out.reserve(end - begin);
    for (std::size_t i = begin; i < end; ++i) {
        const CsvRecord& record = mapping.table.records[i];
        ImportRow row;
        row.record = &record;
        for (std::size_t f = 0; f < stored_field_count; ++f) row.fields[f] = field_of(mapping.columns[f], record);
        row.unit = map.unit_column ? record.fields[*map.unit_column] : std::string_view(mapping.calling_unit);
        if (row.field(StoredField::name).empty()) {
            out_bad.push_back({record.line, "the name is empty"});
            continue;
        }
        if (row.unit.empty()) {
            out_bad.push_back({record.line, "the unit column is empty"});
            continue;
        }
        if (mapping.units.find(row.unit) == mapping.units.end()) {
            out_bad.push_back({record.line, "unknown unit '" + std::string(row.unit) + "'"});
            continue;
        }
        row.hash_digits = content_hash_digits(row.unit, row.fields);
        restore_lost_zeros(row, mapping.finnish_phones);
        row.source_id = map.id_column ? std::string(record.fields[*map.id_column]) : "row-" + std::string(row.content_hash());
        if (row.source_id.empty()) {
            out_bad.push_back({record.line, "the id column is empty"});
            continue;
        }
        out.push_back(std::move(row));
    }
}

// Every record mapped, in file order. A large file's second half is mapped on another thread; the halves
// are joined in order.
std::vector<ImportRow> map_rows(const RowMapping& mapping, std::vector<BadRow>& bad) {
    std::vector<ImportRow> rows;
    const std::size_t count = mapping.table.records.size();
    if (count < 65536) {
        map_records(mapping, 0, count, rows, bad);
        return rows;
    }
    std::vector<ImportRow> later_rows;
    std::vector<BadRow> later_bad;
    rows.reserve(count);
    auto later = std::async(std::launch::async, map_records, std::cref(mapping), count / 2, count, std::ref(later_rows),
                            std::ref(later_bad));
    map_records(mapping, 0, count / 2, rows, bad);
    later.get();
    rows.insert(rows.end(), std::make_move_iterator(later_rows.begin()), std::make_move_iterator(later_rows.end()));
    bad.insert(bad.end(), std::make_move_iterator(later_bad.begin()), std::make_move_iterator(later_bad.end()));
    return rows;
}

// The positions of `rows` ordered so that a unit's repeated ids are next to each other, the first of them
// first: sorted by a hash of unit and id (numbers, not strings, compared), and only rows of one hash by
// unit and id (ties in line order).
std::vector<std::uint32_t> rows_by_key(const std::vector<ImportRow>& rows) {
    std::vector<std::pair<std::uint64_t, std::uint32_t>> by_hash(rows.size());
    for (std::uint32_t i = 0; i < by_hash.size(); ++i) by_hash[i] = {key_hash(rows[i].unit, rows[i].source_id), i};
    std::sort(by_hash.begin(), by_hash.end());
    std::vector<std::uint32_t> by_key(rows.size());
    for (std::size_t i = 0; i < by_key.size(); ++i) by_key[i] = by_hash[i].second;
    auto by_unit_and_id = [&rows](std::uint32_t x, std::uint32_t y) {
        const ImportRow& a = rows[x];
        const ImportRow& b = rows[y];
        if (a.unit != b.unit) return a.unit < b.unit;
        if (a.source_id != b.source_id) return a.source_id < b.source_id;
        return x < y;
    };
    for (std::size_t start = 0; start < by_hash.size();) {
        std::size_t end = start + 1;
        while (end < by_hash.size() && by_hash[end].first == by_hash[start].first) ++end;
        if (end - start > 1) std::sort(by_key.begin() + start, by_key.begin() + end, by_unit_and_id);
        start = end;
    }
    return by_key;
}

// A unit's id used twice: the later rows are bad, and leave `rows`.
void drop_repeated_ids(std::vector<ImportRow>& rows, const ColumnMap& map, std::vector<BadRow>& bad) {
    const std::vector<std::uint32_t> by_key = rows_by_key(rows);
    std::vector<char> repeated(rows.size(), 0);
    bool any_repeated = false;
    auto same_key = [&rows](std::uint32_t x, std::uint32_t y) {
        return rows[x].unit == rows[y].unit && rows[x].source_id == rows[y].source_id;
    };
    for (std::size_t first = 0, k = 1; k < by_key.size(); ++k) {
        if (!same_key(by_key[first], by_key[k])) {
            first = k;
            continue;
        }
        const ImportRow& row = rows[by_key[k]];
        const std::string first_line = std::to_string(rows[by_key[first]].record->line);
        repeated[by_key[k]] = 1;
        any_repeated = true;
        bad.push_back({row.record->line, map.id_column ? "the id '" + row.source_id + "' was already used on line " + first_line
                                                       : "the same row as line " + first_line});
    }
    if (any_repeated) erase_marked(rows, repeated);
}

// Maps and checks every record; bad ones are collected with their line and reason, in line order.
std::vector<ImportRow> read_rows(const CsvTable& table, const ColumnMap& map, const ImportRequest& request,
                                 const std::set<std::string, std::less<>>& units, std::vector<BadRow>& bad) {
    RowMapping mapping{table, map, {}, request.calling_unit, units, phone_calling_code(request.phone_country) == "358"};
    for (std::size_t i = 0; i < stored_field_count; ++i)
        if (auto it = map.field_to_column.find(std::string(stored_field_names[i])); it != map.field_to_column.end())
            mapping.columns[i] = it->second;
    std::vector<ImportRow> rows = map_rows(mapping, bad);
    drop_repeated_ids(rows, map, bad);
    std::stable_sort(bad.begin(), bad.end(), [](const BadRow& x, const BadRow& y) { return x.line < y.line; });
    return rows;
}

std::string describe_bad_rows(const std::vector<BadRow>& bad, const std::string& file) {
    std::string text = std::to_string(bad.size()) + " bad row" + (bad.size() == 1 ? "" : "s") +
                       "; nothing was imported (give --skip-bad-rows to import the good ones):";
    for (std::size_t i = 0; i < bad.size() && i < 20; ++i)
        text += "\n  " + file + ":" + std::to_string(bad[i].line) + ": " + bad[i].reason;
    if (bad.size() > 20) text += "\n  ... and " + std::to_string(bad.size() - 20) + " more";
    return text;
}

// The stored records the file's rows may re-import, by unit and source id: those of the file's rows looked up
// one by one (through the unique index) when the file is small against the register of `stored` records,
// else every stored record read in one pass.
std::unordered_map<std::string, Existing> existing_records(Database& db, const std::vector<ImportRow>& rows,
                                                           std::int64_t stored) {
    std::unordered_map<std::string, Existing> existing;
    if (static_cast<std::int64_t>(rows.size()) * 8 < stored) {
        auto& one = db.cached("SELECT id, content_hash FROM source_record WHERE unit = ? AND source_id = ?");
        for (const auto& row : rows) {
            one.bind_view(1, row.unit).bind_view(2, row.source_id);
            if (one.step()) existing.try_emplace(record_key(row.unit, row.source_id), Existing{one.get_int(0), one.get_text(1)});
            one.reset();
        }
        return existing;
    }
    auto q = db.prepare("SELECT unit, source_id, id, content_hash FROM source_record");
    while (q.step())
        existing.emplace(record_key(q.get_text_view(0), q.get_text_view(1)), Existing{q.get_int(2), q.get_text(3)});
    return existing;
}

}  // namespace

std::string_view ImportRow::keyed(StoredField f) const {
    std::optional<std::string_view> value;
    if (f == StoredField::postcode) value = restored.get(RestoredColumn::postcode);
    else if (f == StoredField::phone) value = restored.get(RestoredColumn::phone);
    else if (f == StoredField::business_id) value = restored.get(RestoredColumn::business_id);
    return value.value_or(field(f));
}

void restore_lost_zeros(ImportRow& row, bool finnish_phones) {
    if (auto postcode = restored_postcode(row.field(StoredField::postcode)))
        row.restored.set(RestoredColumn::postcode, *postcode);
    if (auto business_id = restored_business_id(row.field(StoredField::business_id)))
        row.restored.set(RestoredColumn::business_id, *business_id);
    if (!finnish_phones) return;
    if (auto phone = restored_finnish_phone(row.field(StoredField::phone))) row.restored.set(RestoredColumn::phone, *phone);
}

RowChange change_of(const ImportRow& row) {
    if (!row.existing) return RowChange::added;
    if (row.existing->hash != row.content_hash()) return RowChange::updated;
    return RowChange::unchanged;
}

std::array<char, 16> content_hash_digits(std::string_view unit,
                                         const std::array<std::string_view, stored_field_count>& fields) {
    return hex64(content_hash(unit, fields));
}

ImportFile read_import_file(Context& ctx, const ImportRequest& request, const boost::json::object& params,
                            PhaseTimer& timer) {
    ImportFile file{read_csv_file(request.file), {}, {}, {}};
    timer.end("read file");
    drop_columns(file.table, request.dropped_columns, request.file);
    if (request.mask_identity_codes) mask_file_identity_codes(file.table, file.masked);
    else refuse_file_with_identity_codes(file.table, request.file);
    timer.end("identity codes");
    const ColumnMap map = map_columns(file.table.header, params::string_list(params, "map"), request.unit_column,
                                      params::optional_string(params, "id_column"), request.file);
    file.rows = read_rows(file.table, map, request, known_units(ctx.db()), file.bad);
    if (!file.bad.empty() && !request.skip_bad_rows) throw InputError(describe_bad_rows(file.bad, request.file), request.file);
    timer.end("map rows");
    return file;
}

StoredMatch match_stored_records(Database& db, std::vector<ImportRow>& rows) {
    StoredMatch match;
    match.records_before = rows_of_append_only(db, "source_record");
    match.existing = existing_records(db, rows, match.records_before);
    for (auto& row : rows) {
        auto it = match.existing.find(record_key(row.unit, row.source_id));
        row.existing = it == match.existing.end() ? nullptr : &it->second;
        switch (change_of(row)) {
            case RowChange::added: ++match.added; break;
            case RowChange::updated: ++match.updated; break;
            case RowChange::unchanged: ++match.unchanged; break;
        }
    }
    return match;
}

}  // namespace jobcenter::register_plugin
