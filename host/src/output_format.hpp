// Rendering a command's JSON result for people (text), programs (json) and spreadsheets (csv).
#pragma once

#include <boost/json.hpp>
#include <string>
#include <string_view>

namespace jobcenter {

enum class OutputFormat { text, json, csv };

OutputFormat parse_output_format(std::string_view text);  // throws UsageError

// text: scalars as "key: value" lines; an array of objects as an aligned table under its key;
//       nested objects indented. json: pretty-printed, keys in the command's order.
// csv:  the "rows" array (else the first array of objects; else the object itself as one row), with a
//       header of every key in order of first appearance, quoted as RFC 4180.
// A document result (jobcenter/document.hpp) prints as the document itself in text; csv refuses it.
std::string render(const boost::json::value& result, OutputFormat format);

// A JSON value on one line, pretty-printed with two-space indents.
std::string pretty_json(const boost::json::value& value);

// One CSV field, quoted when it holds a delimiter, quote, CR or LF (RFC 4180).
std::string csv_field(std::string_view text);

}  // namespace jobcenter
