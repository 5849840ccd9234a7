// Reading CSV as units export it from Excel: encoding and delimiter detection, RFC 4180 quoting,
// and the checks that turn a broken file into one clear message naming the file and line.
#pragma once

#include <array>
#include <cstddef>
#include <deque>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jobcenter::register_plugin {

struct CsvOptions {
    std::size_t max_field_bytes = 1 << 20;  // a larger field is refused (a pasted document, a broken quote)
    std::size_t max_bytes = 2ull << 30;     // a larger file is refused before it is read
    std::optional<char> delimiter;          // unset: Excel's "sep=X" first line, else detected among ; , tab |
};

struct CsvRecord {
    std::size_t line;                      // 1-based physical line where the record starts
    std::vector<std::string_view> fields;  // exactly as many as the header has; valid while the table lives
};

// A read table. Its records' fields view the table's own text (no copy per field): move the table, do
// not copy it.
struct CsvTable {
    std::vector<std::string> header;  // trimmed; duplicates allowed (the column mapper decides)
    std::vector<CsvRecord> records;   // blank rows left out
    char delimiter = ',';
    std::string encoding;  // "UTF-8", "UTF-8 with BOM" or "Windows-1252" (the text is UTF-8 either way)

    // What the fields view: the file's text as UTF-8, and the quoted fields whose "" escapes or CR line
    // breaks had to be rewritten (those of a large file's two halves apart, each read on its own thread).
    // They stay where they are when the table moves.
    std::unique_ptr<const std::string> text;
    std::array<std::deque<std::string>, 2> rewritten;
};

// Reads a whole CSV file given as bytes. `source_name` is what error messages call the file
// ("units.csv:12: quote opened here is never closed"). Throws InputError for anything that is not a
// readable table: an empty file, a header without rows, UTF-16, binary data, broken quoting, a field
// over the limit, a row with more filled fields than the header.
//
// Every field (and header name) is trimmed of surrounding spaces, tabs, line breaks and no-break
// spaces, quoted or not: the units' exports carry stray spaces nobody means. Line breaks inside a
// quoted field are kept, as "\n".
CsvTable read_csv(std::string bytes, const std::string& source_name, const CsvOptions& options = {});

// Reads the file at `path`; NotFoundError when it cannot be read, otherwise as read_csv.
CsvTable read_csv_file(const std::filesystem::path& path, const CsvOptions& options = {});

}  // namespace jobcenter::register_plugin
