// CSV reading: bytes -> UTF-8 text (BOM, UTF-8 or Windows-1252) -> delimiter -> records, in one pass.
// What is refused, and why, is listed in csv_reader.hpp; every message names the file and, where
// there is one, the line.
#include "register/import/csv_reader.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <future>

#include "jobcenter/errors.hpp"

namespace jobcenter::register_plugin {
namespace {

// ---------------------------------------------------------------------------------------------
// Messages

std::string at_line(const std::string& source, std::size_t line) { return source + ":" + std::to_string(line); }

// "1 MiB", "64 KiB" or "1000 bytes": a limit as a person would write it.
std::string size_text(std::size_t bytes) {
    constexpr std::size_t kib = 1024, mib = kib * 1024, gib = mib * 1024;
    if (bytes >= gib && bytes % gib == 0) return std::to_string(bytes / gib) + " GiB";
    if (bytes >= mib && bytes % mib == 0) return std::to_string(bytes / mib) + " MiB";
    if (bytes >= kib && bytes % kib == 0) return std::to_string(bytes / kib) + " KiB";
    return std::to_string(bytes) + " bytes";
}

std::string delimiter_name(char delimiter) {
    if (delimiter == '\t') return "a tab";
    return std::string("'") + delimiter + "'";
}

// A short, printable piece of text for a message, cut at a character boundary.
std::string excerpt(std::string_view text) {
    constexpr std::size_t limit = 24;
    std::size_t length = std::min(limit, text.size());
    while (length < text.size() && length > 0 && (static_cast<unsigned char>(text[length]) & 0xC0) == 0x80) --length;
    std::string out;
    for (char c : text.substr(0, length)) out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
    if (length < text.size()) out += "...";
    return out;
}

// The physical line of byte `offset`: CRLF, LF and a lone CR each end a line.
std::size_t line_of_offset(std::string_view text, std::size_t offset) {
    std::size_t line = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') ++line;
        else if (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n')) ++line;
    }
    return line;
}

// ---------------------------------------------------------------------------------------------
// Encoding

// Windows-1252 code points of the bytes 0x80..0x9F; 0 marks the five bytes the code page leaves undefined.
// (0xA0..0xFF are the same code points as the byte values, as in Latin-1.)
constexpr std::array<char32_t, 32> windows_1252_high = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,  // 80..87
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,       // 88..8F
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  // 90..97
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,  // 98..9F
};

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {  // the table holds nothing above U+FFFF
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// Length of the well-formed UTF-8 sequence starting at text[i] (a non-ASCII lead byte), or 0 when
// there is none: no overlong forms, no surrogates, nothing above U+10FFFF.
std::size_t utf8_sequence_length(std::string_view text, std::size_t i) {
    auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    // `length` when the sequence is that long, its second byte in [low, high] and the rest continuation bytes.
    auto sequence = [&](std::size_t length, unsigned char low, unsigned char high) -> std::size_t {
        if (i + length > text.size()) return 0;
        if (byte(i + 1) < low || byte(i + 1) > high) return 0;
        for (std::size_t k = 2; k < length; ++k)
            if ((byte(i + k) & 0xC0) != 0x80) return 0;
        return length;
    };
    const unsigned char lead = byte(i);
    if (lead >= 0xC2 && lead <= 0xDF) return sequence(2, 0x80, 0xBF);
    if (lead == 0xE0) return sequence(3, 0xA0, 0xBF);
    if (lead >= 0xE1 && lead <= 0xEC) return sequence(3, 0x80, 0xBF);
    if (lead == 0xED) return sequence(3, 0x80, 0x9F);
    if (lead >= 0xEE && lead <= 0xEF) return sequence(3, 0x80, 0xBF);
    if (lead == 0xF0) return sequence(4, 0x90, 0xBF);
    if (lead >= 0xF1 && lead <= 0xF3) return sequence(4, 0x80, 0xBF);
    if (lead == 0xF4) return sequence(4, 0x80, 0x8F);
    return 0;
}

// The offset of the first byte that is not well-formed UTF-8, or npos when all of the text is.
std::size_t first_invalid_utf8(std::string_view text) {
    std::size_t i = 0;
    const std::size_t n = text.size();
    while (i < n) {
        if (i + 8 <= n) {  // eight ASCII bytes at a time: most of any register is ASCII
            std::uint64_t word;
            std::memcpy(&word, text.data() + i, 8);
            if ((word & 0x8080808080808080ull) == 0) {
                i += 8;
                continue;
            }
        }
        if (static_cast<unsigned char>(text[i]) < 0x80) {
            ++i;
            continue;
        }
        std::size_t length = utf8_sequence_length(text, i);
        if (length == 0) return i;
        i += length;
    }
    return std::string_view::npos;
}

std::string windows_1252_to_utf8(std::string_view bytes, const std::string& source) {
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 8);
    std::size_t run_start = 0;  // ASCII is copied in runs
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        auto c = static_cast<unsigned char>(bytes[i]);
        if (c < 0x80) continue;
        out.append(bytes.substr(run_start, i - run_start));
        run_start = i + 1;
        char32_t cp = c >= 0xA0 ? c : windows_1252_high[c - 0x80];
        if (cp == 0) {
            static const char hex[] = "0123456789ABCDEF";
            std::string byte_name = std::string("0x") + hex[c >> 4] + hex[c & 0xF];
            throw InputError("the byte " + byte_name + " is text in neither UTF-8 nor Windows-1252; save the file as "
                                                       "CSV UTF-8",
                             at_line(source, line_of_offset(bytes, i)));
        }
        append_utf8(out, cp);
    }
    out.append(bytes.substr(run_start));
    return out;
}

// UTF-16 without a byte order mark: in the first bytes, every other byte is NUL.
bool looks_like_utf16(std::string_view bytes) {
    std::size_t n = std::min<std::size_t>(bytes.size(), 256) & ~std::size_t{1};
    if (n < 4) return false;
    bool even_nul = true, odd_nul = true;
    for (std::size_t i = 0; i < n; i += 2) {
        even_nul = even_nul && bytes[i] == '\0' && bytes[i + 1] != '\0';
        odd_nul = odd_nul && bytes[i + 1] == '\0' && bytes[i] != '\0';
    }
    return even_nul || odd_nul;
}

// Turns the file's bytes into UTF-8 text: a view of `bytes` itself when they already are UTF-8, else
// a view of `storage`, which receives the decoded text. `encoding` names what was found.
std::string_view decode(std::string_view bytes, const std::string& source, std::string& storage, std::string& encoding) {
    const std::string utf16_message = "file is UTF-16; save it as UTF-8 or CSV (semicolon delimited)";
    if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) throw InputError(utf16_message, source);
    if (std::size_t nul = bytes.find('\0'); nul != std::string_view::npos) {
        if (looks_like_utf16(bytes)) throw InputError(utf16_message, source);
        throw InputError("binary file: it contains NUL bytes, so it is not CSV text",
                         at_line(source, line_of_offset(bytes, nul)));
    }
    if (bytes.starts_with("\xEF\xBB\xBF")) {
        bytes.remove_prefix(3);
        encoding = "UTF-8 with BOM";
        std::size_t bad = first_invalid_utf8(bytes);
        if (bad != std::string_view::npos)
            throw InputError("the file starts with a UTF-8 byte order mark but this line is not UTF-8",
                             at_line(source, line_of_offset(bytes, bad)));
        return bytes;
    }
    if (first_invalid_utf8(bytes) == std::string_view::npos) {
        encoding = "UTF-8";
        return bytes;
    }
    encoding = "Windows-1252";
    storage = windows_1252_to_utf8(bytes, source);
    return storage;
}

// ---------------------------------------------------------------------------------------------
// Fields and records

bool starts_with_nbsp(std::string_view s) { return s.size() >= 2 && s[0] == '\xC2' && s[1] == '\xA0'; }
bool ends_with_nbsp(std::string_view s) { return s.size() >= 2 && s[s.size() - 2] == '\xC2' && s.back() == '\xA0'; }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Drops surrounding spaces, tabs, line breaks and no-break spaces (U+00A0).
std::string_view trim(std::string_view s) {
    for (;;) {
        if (!s.empty() && is_space(s.front())) s.remove_prefix(1);
        else if (starts_with_nbsp(s)) s.remove_prefix(2);
        else break;
    }
    for (;;) {
        if (!s.empty() && is_space(s.back())) s.remove_suffix(1);
        else if (ends_with_nbsp(s)) s.remove_suffix(2);
        else break;
    }
    return s;
}

// The content of a quoted field with "" made " and CRLF or CR line breaks made LF.
std::string unescape_quoted(std::string_view raw) {
    std::string out;
    out.reserve(raw.size());
    for (std::size_t i = 0; i < raw.size(); ++i) {
        char c = raw[i];
        if (c == '"') {
            ++i;  // the second quote of a "" pair
        } else if (c == '\r') {
            if (i + 1 < raw.size() && raw[i + 1] == '\n') ++i;
            c = '\n';
        }
        out += c;
    }
    return out;
}

// Reads records one at a time from UTF-8 text with a known delimiter (RFC 4180, as Excel writes it).
class RecordScanner {
public:
    // Rewritten quoted fields go to `rewritten` (their records view them there).
    RecordScanner(std::string_view text, char delimiter, const std::string& source, std::size_t max_field_bytes,
                  std::deque<std::string>& rewritten, std::size_t first_line = 1)
        : text_(text),
          delimiter_(delimiter),
          source_(source),
          max_field_bytes_(max_field_bytes),
          rewritten_(rewritten),
          line_(first_line) {
        stops_.fill(false);
        stops_[static_cast<unsigned char>(delimiter)] = true;
        stops_['\r'] = stops_['\n'] = true;
    }

    // The next record that has any non-empty field (blank lines, and rows of only delimiters as
    // Excel writes for formatted empty rows, are skipped); false at the end of the text, or when the
    // next record would start at or after `limit` (an offset into the text).
    bool next(CsvRecord& record, std::size_t limit = std::string_view::npos) {
        while (pos_ < text_.size() && pos_ < limit) {
            read_record(record);
            auto is_empty = [](std::string_view field) { return field.empty(); };
            if (!std::all_of(record.fields.begin(), record.fields.end(), is_empty)) return true;
        }
        return false;
    }

    std::size_t position() const { return pos_; }
    std::size_t line() const { return line_; }

private:
    void read_record(CsvRecord& record) {
        record.line = line_;
        record.fields.clear();
        for (;;) {
            record.fields.push_back(read_field());
            if (pos_ == text_.size()) return;
            if (text_[pos_] == delimiter_) {
                ++pos_;
                continue;
            }
            end_line();  // read_field stops only at the delimiter, a line end or the end of the text
            return;
        }
    }

    std::string_view read_field() {
        const std::size_t field_line = line_;
        skip_blanks();
        if (pos_ < text_.size() && text_[pos_] == '"') return read_quoted(field_line);
        const std::size_t start = pos_;
        while (pos_ < text_.size() && !stops_[static_cast<unsigned char>(text_[pos_])]) ++pos_;
        std::string_view raw = text_.substr(start, pos_ - start);  // a quote in here is kept as it is
        check_size(raw.size(), field_line);
        return trim(raw);
    }

    std::string_view read_quoted(std::size_t field_line) {
        const std::size_t open_line = line_;
        const std::size_t start = ++pos_;
        bool rewrite = false;  // "" escapes or CR line breaks to turn into " and LF
        for (;;) {
            std::size_t quote = text_.find('"', pos_);
            if (quote == std::string_view::npos)
                throw InputError("quote opened here is never closed", at_line(source_, open_line));
            count_line_breaks(text_.substr(pos_, quote - pos_), rewrite);
            pos_ = quote + 1;
            if (pos_ < text_.size() && text_[pos_] == '"') {
                rewrite = true;
                ++pos_;
                continue;
            }
            break;
        }
        std::string_view raw = text_.substr(start, pos_ - 1 - start);
        check_size(raw.size(), field_line);
        expect_field_end();
        if (!rewrite) return trim(raw);
        return trim(rewritten_.emplace_back(unescape_quoted(raw)));
    }

    void count_line_breaks(std::string_view part, bool& has_cr) {
        line_ += static_cast<std::size_t>(std::count(part.begin(), part.end(), '\n'));
        for (std::size_t cr = part.find('\r'); cr != std::string_view::npos; cr = part.find('\r', cr + 1)) {
            has_cr = true;
            if (cr + 1 >= part.size() || part[cr + 1] != '\n') ++line_;  // a lone CR ends a line too
        }
    }

    // After a closing quote only blanks may come before the delimiter or the line end.
    void expect_field_end() {
        skip_blanks();
        if (pos_ == text_.size() || stops_[static_cast<unsigned char>(text_[pos_])]) return;
        std::size_t end = text_.find_first_of("\r\n", pos_);
        throw InputError("unparseable quoting: '" + excerpt(text_.substr(pos_, end - pos_)) +
                             "' follows a closing quote, where " + delimiter_name(delimiter_) +
                             " or the end of the line should be (a quote inside a quoted field is written \"\")",
                         at_line(source_, line_));
    }

    void skip_blanks() {
        while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t') && text_[pos_] != delimiter_) ++pos_;
    }

    void end_line() {
        if (text_[pos_] == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') ++pos_;
        ++pos_;
        ++line_;
    }

    void check_size(std::size_t bytes, std::size_t field_line) const {
        if (bytes > max_field_bytes_)
            throw InputError("a field of " + std::to_string(bytes) + " bytes is larger than the limit of " +
                                 size_text(max_field_bytes_),
                             at_line(source_, field_line));
    }

    std::string_view text_;
    char delimiter_;
    const std::string& source_;
    std::size_t max_field_bytes_;
    std::deque<std::string>& rewritten_;
    std::size_t line_;
    std::size_t pos_ = 0;
    std::array<bool, 256> stops_{};  // bytes that end an unquoted field: the delimiter, CR, LF
};

// Gives every record the header's width: missing fields are empty; extra fields must be empty.
void fit_to_header(CsvRecord& record, std::size_t width, const std::string& source) {
    for (std::size_t i = width; i < record.fields.size(); ++i) {
        if (!record.fields[i].empty())
            throw InputError("this row has " + std::to_string(record.fields.size()) + " fields but the header has " +
                                 std::to_string(width) + "; field " + std::to_string(i + 1) + " ('" +
                                 excerpt(record.fields[i]) + "') has no column",
                             at_line(source, record.line));
    }
    record.fields.resize(width);
}

// Reads the records of `scanner` that start before `limit` (an offset into its text) into `records`, each
// as wide as the header.
void read_records(RecordScanner& scanner, std::size_t width, const std::string& source, std::vector<CsvRecord>& records,
                  std::size_t limit = std::string_view::npos) {
    CsvRecord record{};
    for (;;) {
        record.fields = {};
        record.fields.reserve(width);
        if (!scanner.next(record, limit)) break;
        fit_to_header(record, width, source);
        records.push_back(std::move(record));
    }
}

// Where a large file's rows are split between two threads: just past the first line feed after the middle of
// the rows (`rows_start` on), or npos for a small file, or one without a line feed there.
std::size_t split_offset(std::string_view text, std::size_t rows_start) {
    constexpr std::size_t worth_splitting = 4 << 20;
    if (text.size() < rows_start + worth_splitting) return std::string_view::npos;
    const std::size_t line_feed = text.find('\n', rows_start + (text.size() - rows_start) / 2);
    if (line_feed == std::string_view::npos || line_feed + 1 >= text.size()) return std::string_view::npos;
    return line_feed + 1;
}

// Reads the rows after the header: a large file's second half on another thread, as if a record started at
// the split. That holds when the records read from the start end exactly there; otherwise (the split fell
// inside a quoted field that spans lines) or when the second half does not read cleanly, the rows from the
// split on are read again in order, so that results and errors are those of one pass from the start.
void read_rows_after_header(RecordScanner& scanner, std::string_view text, CsvTable& table, const std::string& source,
                            const CsvOptions& options) {
    const std::size_t width = table.header.size();
    const std::size_t split = split_offset(text, scanner.position());
    if (split == std::string_view::npos) {
        read_records(scanner, width, source, table.records);
        return;
    }
    std::deque<std::string>& rewritten_later = table.rewritten[1];
    auto later = std::async(std::launch::async, [&]() -> std::optional<std::vector<CsvRecord>> {
        try {
            std::vector<CsvRecord> records;
            RecordScanner from_split(text.substr(split), table.delimiter, source, options.max_field_bytes, rewritten_later);
            read_records(from_split, width, source, records);
            return records;
        } catch (...) {
            return std::nullopt;  // read again in order below, where the same fault is reported with its line
        }
    });
    read_records(scanner, width, source, table.records, split);
    std::optional<std::vector<CsvRecord>> records = later.get();
    if (!records || scanner.position() != split) {
        rewritten_later.clear();  // only the discarded records viewed it
        read_records(scanner, width, source, table.records);
        return;
    }
    const std::size_t lines_before = scanner.line() - 1;  // the later half counted its lines from 1
    table.records.reserve(table.records.size() + records->size());
    for (CsvRecord& record : *records) {
        record.line += lines_before;
        table.records.push_back(std::move(record));
    }
}

// ---------------------------------------------------------------------------------------------
// Delimiter detection

struct DelimiterSample {
    std::size_t header_width = 0;
    std::size_t rows = 0;      // rows read after the header (up to the sample size or a parse error)
    std::size_t agreeing = 0;  // rows exactly as wide as the header
};

DelimiterSample sample_delimiter(std::string_view text, char delimiter, const std::string& source,
                                 const CsvOptions& options) {
    constexpr std::size_t sample_rows = 50;
    DelimiterSample sample;
    std::deque<std::string> rewritten;
    RecordScanner scanner(text, delimiter, source, options.max_field_bytes, rewritten);
    CsvRecord record{};
    try {
        if (!scanner.next(record)) return sample;
        sample.header_width = record.fields.size();
        while (sample.rows < sample_rows && scanner.next(record)) {
            ++sample.rows;
            if (record.fields.size() == sample.header_width) ++sample.agreeing;
        }
    } catch (const InputError&) {
        // This delimiter does not fit the quoting (or the sample hit a real fault the full read will
        // report); the rows read so far still count.
    }
    return sample;
}

// Of ; , tab | the one under which the header has more than one field and most of the first 50 rows
// are exactly as wide as the header, ties going to the earlier in that order; ',' when no header has
// more than one field (a file with only a name column).
char detect_delimiter(std::string_view text, const std::string& source, const CsvOptions& options) {
    constexpr char candidates[] = {';', ',', '\t', '|'};
    std::optional<char> best;
    std::size_t best_agreeing = 0;
    for (char candidate : candidates) {
        DelimiterSample sample = sample_delimiter(text, candidate, source, options);
        if (sample.header_width < 2) continue;
        if (!best || sample.agreeing > best_agreeing) {
            best = candidate;
            best_agreeing = sample.agreeing;
        }
    }
    return best.value_or(',');
}

// Excel's optional first line "sep=;" declares the delimiter: returns it and drops the line from `text`.
std::optional<char> take_separator_line(std::string_view& text) {
    constexpr std::size_t length = 5;  // "sep=" and the delimiter
    if (text.size() < length || !text.starts_with("sep=")) return std::nullopt;
    std::size_t end = length;
    if (end < text.size() && text[end] != '\r' && text[end] != '\n') return std::nullopt;
    if (end < text.size() && text[end] == '\r') ++end;
    if (end < text.size() && text[end] == '\n') ++end;
    char delimiter = text[length - 1];
    text.remove_prefix(end);
    return delimiter;
}

}  // namespace

CsvTable read_csv(std::string bytes, const std::string& source_name, const CsvOptions& options) {
    if (bytes.size() > options.max_bytes)
        throw InputError("the file is " + std::to_string(bytes.size()) + " bytes, larger than the limit of " +
                             size_text(options.max_bytes),
                         source_name);
    CsvTable table;
    std::string decoded;
    std::string_view text = decode(bytes, source_name, decoded, table.encoding);
    // The table keeps the text its fields view: the decoded text, or the bytes themselves (moved, not
    // copied), past a byte order mark.
    if (!decoded.empty()) {
        table.text = std::make_unique<const std::string>(std::move(decoded));
        text = *table.text;
    } else {
        const auto offset = static_cast<std::size_t>(text.data() - bytes.data());
        table.text = std::make_unique<const std::string>(std::move(bytes));
        text = std::string_view(*table.text).substr(offset);
    }
    std::optional<char> declared = take_separator_line(text);
    table.delimiter = options.delimiter ? *options.delimiter
                      : declared        ? *declared
                                        : detect_delimiter(text, source_name, options);

    RecordScanner scanner(text, table.delimiter, source_name, options.max_field_bytes, table.rewritten[0], declared ? 2 : 1);
    CsvRecord header{};
    if (!scanner.next(header)) throw InputError("the file is empty", source_name);
    table.header.assign(header.fields.begin(), header.fields.end());
    read_rows_after_header(scanner, text, table, source_name, options);
    if (table.records.empty()) throw InputError("the file has a header but no rows", source_name);
    return table;
}

CsvTable read_csv_file(const std::filesystem::path& path, const CsvOptions& options) {
    const std::string name = path.string();
    std::error_code error;
    if (std::filesystem::is_directory(path, error)) throw NotFoundError("this is a folder, not a CSV file", name);
    std::ifstream in(path, std::ios::binary);
    if (!in) throw NotFoundError(std::filesystem::exists(path, error) ? "cannot read the file" : "no such file", name);
    std::uintmax_t size = std::filesystem::file_size(path, error);
    if (!error && size > options.max_bytes)
        throw InputError("the file is " + std::to_string(size) + " bytes, larger than the limit of " +
                             size_text(options.max_bytes),
                         name);
    std::string bytes;
    if (!error) bytes.reserve(static_cast<std::size_t>(size));
    std::array<char, 1 << 16> chunk;
    while (in.read(chunk.data(), chunk.size()) || in.gcount() > 0) {
        bytes.append(chunk.data(), static_cast<std::size_t>(in.gcount()));
        if (bytes.size() > options.max_bytes) break;  // read_csv names the limit
    }
    if (in.bad()) throw NotFoundError("cannot read the file", name);
    return read_csv(std::move(bytes), name, options);
}

}  // namespace jobcenter::register_plugin
