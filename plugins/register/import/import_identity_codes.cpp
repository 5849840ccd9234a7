// Scanning an imported table for personal identity codes: where they are, for the refusal, or each one
// replaced by the mask before anything is stored.
#include "register/import/import_identity_codes.hpp"

#include "jobcenter/errors.hpp"
#include "jobcenter/identity_code.hpp"

namespace jobcenter::register_plugin {
namespace {

constexpr std::size_t lines_named_per_column = 10;

// Where one column holds codes.
struct ColumnFindings {
    bool in_header = false;
    std::size_t values = 0;          // values holding a code
    std::vector<std::size_t> lines;  // the first lines_named_per_column of their lines
};

std::string column_name(const CsvTable& table, std::size_t column, bool header_holds_code) {
    const std::string number = "column " + std::to_string(column + 1);
    if (header_holds_code) return number;  // naming it would repeat the code
    if (table.header[column].empty()) return number + " (no header)";
    return "column '" + table.header[column] + "'";
}

// "column 'notes' on lines 2, 5 and 7 more", "column 4 in its header".
std::string describe_column(const CsvTable& table, std::size_t column, const ColumnFindings& found) {
    std::string text = column_name(table, column, found.in_header);
    if (found.in_header) text += found.values ? " in its header and" : " in its header";
    if (found.values == 0) return text;
    text += found.values == 1 ? " on line " : " on lines ";
    for (std::size_t i = 0; i < found.lines.size(); ++i) text += (i ? ", " : "") + std::to_string(found.lines[i]);
    if (found.values > found.lines.size()) text += " and " + std::to_string(found.values - found.lines.size()) + " more";
    return text;
}

std::vector<ColumnFindings> find_codes(const CsvTable& table) {
    std::vector<ColumnFindings> found(table.header.size());
    for (std::size_t c = 0; c < table.header.size(); ++c) found[c].in_header = contains_identity_code(table.header[c]);
    for (const auto& record : table.records) {
        for (std::size_t c = 0; c < record.fields.size(); ++c) {
            if (!contains_identity_code(record.fields[c])) continue;
            ColumnFindings& column = found[c];
            if (column.lines.size() < lines_named_per_column) column.lines.push_back(record.line);
            ++column.values;
        }
    }
    return found;
}

}  // namespace

void refuse_file_with_identity_codes(const CsvTable& table, const std::string& source) {
    const std::vector<ColumnFindings> found = find_codes(table);
    std::string where;
    for (std::size_t c = 0; c < found.size(); ++c)
        if (found[c].in_header || found[c].values) where += (where.empty() ? "" : "; ") + describe_column(table, c, found[c]);
    if (where.empty()) return;
    throw InputError("personal identity codes (henkilötunnus) in " + where +
                         ". Jobcenter must not store them, so nothing was imported: leave such a column out with "
                         "--drop-column NAME, or give --mask-identity-codes to replace each code with the text " +
                         std::string(identity_code_mask),
                     source);
}

void mask_file_identity_codes(CsvTable& table, MaskedIdentityCodes& masked) {
    masked.per_column.assign(table.header.size(), 0);
    for (std::size_t c = 0; c < table.header.size(); ++c) {
        if (!contains_identity_code(table.header[c])) continue;
        table.header[c] = mask_identity_codes(table.header[c]);
        ++masked.per_column[c];
    }
    for (auto& record : table.records) {
        for (std::size_t c = 0; c < record.fields.size(); ++c) {
            if (!contains_identity_code(record.fields[c])) continue;
            record.fields[c] = masked.values.emplace_back(mask_identity_codes(record.fields[c]));
            ++masked.per_column[c];
        }
    }
}

}  // namespace jobcenter::register_plugin
