// Taking the columns --drop-column names out of a read table: the header's and every record's fields.
#include "register/import/import_drop_columns.hpp"

#include "jobcenter/errors.hpp"
#include "jobcenter/identity_code.hpp"
#include "register/import/erase_marked.hpp"
#include "register/import/import_columns.hpp"

namespace jobcenter::register_plugin {
namespace {

// The columns named `name`: those whose header is exactly it, else those equal to it loosely.
std::vector<std::size_t> columns_named(const std::vector<std::string>& header, const std::string& name) {
    std::vector<std::size_t> exact, loose;
    const std::string wanted = loose_header(name);
    for (std::size_t i = 0; i < header.size(); ++i) {
        if (header[i] == name) exact.push_back(i);
        else if (!wanted.empty() && loose_header(header[i]) == wanted) loose.push_back(i);
    }
    return exact.empty() ? loose : exact;
}

// The headers for a message; a code in one is masked, as no message repeats a code.
std::string quoted_headers(const std::vector<std::string>& header) {
    std::string out;
    for (const auto& h : header) out += (out.empty() ? "'" : ", '") + mask_identity_codes(h) + "'";
    return out;
}

}  // namespace

void drop_columns(CsvTable& table, const std::vector<std::string>& names, const std::string& source) {
    if (names.empty()) return;
    std::vector<char> dropped(table.header.size(), 0);
    for (const auto& name : names) {
        const auto columns = columns_named(table.header, name);
        if (columns.empty())
            throw UsageError("the file " + source + " has no column '" + name + "'; its headers are " +
                                 quoted_headers(table.header),
                             "--drop-column");
        for (auto column : columns) dropped[column] = 1;
    }
    for (auto& record : table.records) erase_marked(record.fields, dropped);
    erase_marked(table.header, dropped);
}

}  // namespace jobcenter::register_plugin
