// Keeping personal identity codes out of an import: every header and value of the file (the columns
// --drop-column left) is scanned; the file is refused naming the columns and lines, or each code masked.
#pragma once

#include <cstddef>
#include <deque>
#include <string>
#include <vector>

#include "register/import/csv_reader.hpp"

namespace jobcenter::register_plugin {

// What --mask-identity-codes changed in a table.
struct MaskedIdentityCodes {
    std::deque<std::string> values;       // the masked values, which the table's fields now view
    std::vector<std::size_t> per_column;  // by column: how many values (the header's included) were masked
};

// Throws InputError, with `source` as the place, naming every column and (up to ten per column) the lines
// whose values hold a personal identity code, never the codes. Returns when the table holds none.
void refuse_file_with_identity_codes(const CsvTable& table, const std::string& source);

// Replaces every code in the table's header and values with jobcenter::identity_code_mask. The changed
// fields view `masked.values`, which must live as long as the table is used.
void mask_file_identity_codes(CsvTable& table, MaskedIdentityCodes& masked);

}  // namespace jobcenter::register_plugin
