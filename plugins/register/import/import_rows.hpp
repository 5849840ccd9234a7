// An imported file's rows: read and mapped to the fields a source record stores, checked (each bad row
// with its line and reason), and matched with the source records already stored.
#pragma once

#include <array>
#include <boost/json.hpp>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "jobcenter/context.hpp"
#include "jobcenter/phase_timer.hpp"
#include "register/import/csv_reader.hpp"
#include "register/import/import_identity_codes.hpp"
#include "register/import/import_request.hpp"
#include "register/import/restored_values.hpp"

namespace jobcenter::register_plugin {

// The fields a source record stores as given, in the order they are hashed and written.
enum class StoredField : std::size_t { name, business_id, street, postcode, city, phone, email, contact_person };
// Their names as the column map and the entered orderer's row as given call them, in the same order.
constexpr std::array<std::string_view, 8> stored_field_names{"name",  "business_id", "street", "postcode",
                                                             "city",  "phone",       "email",  "contact_person"};
constexpr std::size_t stored_field_count = stored_field_names.size();
consteval bool field_named(StoredField field, std::string_view name) {
    return stored_field_names[static_cast<std::size_t>(field)] == name;
}
static_assert(field_named(StoredField::name, "name") && field_named(StoredField::business_id, "business_id") &&
              field_named(StoredField::street, "street") && field_named(StoredField::postcode, "postcode") &&
              field_named(StoredField::city, "city") && field_named(StoredField::phone, "phone") &&
              field_named(StoredField::email, "email") && field_named(StoredField::contact_person, "contact_person"));

// A stored source record that a row re-imports.
struct Existing {
    std::int64_t id;
    std::string hash;
};

struct ImportRow {
    const CsvRecord* record = nullptr;
    std::string_view unit;
    std::string source_id;
    std::array<std::string_view, stored_field_count> fields;  // by StoredField, views into the record
    std::array<char, 16> hash_digits{};  // of the content hash, in hex, as source_record.content_hash
    const Existing* existing = nullptr;  // the source record it re-imports, if any
    RestoredValues restored;             // what a spreadsheet's numeric columns dropped, put back

    std::string_view field(StoredField f) const { return fields[static_cast<std::size_t>(f)]; }
    // The field as its keys, matching and golden record read it: restored where restored, else as given.
    std::string_view keyed(StoredField f) const;
    std::string_view content_hash() const { return {hash_digits.data(), hash_digits.size()}; }
};

// Puts back the leading zeros the row's postcode, business ID and (when `finnish_phones`) phone lost.
void restore_lost_zeros(ImportRow& row, bool finnish_phones);

// What a row does to the register.
enum class RowChange { added, updated, unchanged };
RowChange change_of(const ImportRow& row);

// The content hash of a row's unit and fields, in hex: stored as source_record.content_hash, so it must
// not change.
std::array<char, 16> content_hash_digits(std::string_view unit,
                                         const std::array<std::string_view, stored_field_count>& fields);

struct BadRow {
    std::size_t line;
    std::string reason;
};

// What reading the file gave: the table (which the rows view: move it, never copy it), the rows that
// passed the checks in file order, the bad ones in line order, and what --mask-identity-codes changed
// (masked values the table's fields view).
struct ImportFile {
    CsvTable table;
    std::vector<ImportRow> rows;
    std::vector<BadRow> bad;
    MaskedIdentityCodes masked;
};

// Reads the file, leaves out the columns --drop-column names, refuses it when it holds personal identity
// codes (or masks them), maps its columns (with --map and --id-column from `params`) and checks every row.
// Throws InputError listing the bad rows unless the request skips them.
ImportFile read_import_file(Context& ctx, const ImportRequest& request, const boost::json::object& params,
                            PhaseTimer& timer);

// What the register already holds of the file's rows.
struct StoredMatch {
    std::int64_t records_before = 0;  // source records before the import
    std::unordered_map<std::string, Existing> existing;  // the rows' `existing` point in here
    std::size_t added = 0, updated = 0, unchanged = 0;
};

// Finds the stored record each row re-imports (setting its `existing`) and counts what the rows change.
StoredMatch match_stored_records(Database& db, std::vector<ImportRow>& rows);

}  // namespace jobcenter::register_plugin
