// CSV text as RFC 4180 has it: fields separated by commas, a field holding a comma, a double quote, CR or LF
// written in double quotes with its quotes doubled, every record ended by CRLF.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace jobcenter::pricing {

// Appends one record of `fields` to `out`.
void append_csv_record(std::string& out, const std::vector<std::string>& fields);

}  // namespace jobcenter::pricing
