// Writing CSV records with RFC 4180 quoting.
#include "pricing/exports/csv_text.hpp"

namespace jobcenter::pricing {
namespace {

bool needs_quotes(std::string_view field) { return field.find_first_of(",\"\r\n") != std::string_view::npos; }

}  // namespace

void append_csv_record(std::string& out, const std::vector<std::string>& fields) {
    bool first = true;
    for (const auto& field : fields) {
        if (!first) out += ',';
        first = false;
        if (!needs_quotes(field)) {
            out += field;
            continue;
        }
        out += '"';
        for (char c : field) out.append(c == '"' ? 2 : 1, c);
        out += '"';
    }
    out += "\r\n";
}

}  // namespace jobcenter::pricing
