// Recognising an imported file's columns: which header holds the name, business ID, address, ...
// by its Finnish or English name, the user's --map overrides, the unit and record-id columns, the
// refusal of a column of personal identity codes; and the header and rows as given, as JSON arrays.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jobcenter::register_plugin {

struct ColumnMap {
    std::map<std::string, std::size_t> field_to_column;  // "name" -> 0-based column; only fields found
    std::optional<std::size_t> unit_column;              // set only when the caller named one
    std::optional<std::size_t> id_column;                // the caller's, or a column named id / source_id
    std::vector<std::string> unmapped_headers;           // non-empty headers used for nothing, in file order
};

// The fields an import can fill, required "name" first: name, business_id, street, postcode, city,
// phone, email, contact_person, legal_form, category, department, website, notes.
const std::vector<std::string>& import_fields();

// A header reduced for loose comparison: ASCII lower case, ä/å -> a, ö -> o, and no spaces, '-',
// '_' or '.' ("Y-tunnus", "y_tunnus", "YTUNNUS" -> "ytunnus").
std::string loose_header(std::string_view header);

// Maps `header` to fields. `overrides` are "field=Header" (from --map) and win over recognised names;
// `unit_column` and `id_column` name headers. Throws InputError, with `source_name` as the place, for:
// a column of personal identity codes; a malformed override, an unknown field or a header not in the
// file; two headers that both look like one field; no name column.
ColumnMap map_columns(const std::vector<std::string>& header, const std::vector<std::string>& overrides,
                      const std::optional<std::string>& unit_column, const std::optional<std::string>& id_column,
                      const std::string& source_name);

// A row as given, for source_record.raw, or a file's header, for import_batch.header: the JSON array of
// the values in column order, exactly as Boost.JSON serialises an array of strings.
std::string json_string_array(const std::vector<std::string>& values);
std::string json_string_array(const std::vector<std::string_view>& values);

}  // namespace jobcenter::register_plugin
