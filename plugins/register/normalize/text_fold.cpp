// Unicode folding for matching keys: utf8proc reference paths plus per-code-point tables for the fast path.
// A code point below table_limit whose mapping cannot interact with its neighbours (no combining marks in
// or out, no Hangul jamo) is folded once into a table, and text made only of such code points is folded by
// concatenating entries; anything else goes through utf8proc whole. The tests check both paths agree.
#include "register/normalize/text_fold.hpp"

#include <array>
#include <cstdint>
#include <cstdlib>
#include <memory>

#include <utf8proc.h>

namespace jobcenter::register_plugin {
namespace {

constexpr utf8proc_option_t case_options =
    static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD);
constexpr utf8proc_option_t key_options = static_cast<utf8proc_option_t>(
    UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK | UTF8PROC_IGNORE);

constexpr char32_t replacement_character = 0xFFFD;
constexpr char32_t table_limit = 0x3000;  // Latin, Greek, Cyrillic, ..., general punctuation, letterlike symbols

void append_utf8(std::string& out, char32_t cp) {
    std::array<utf8proc_uint8_t, 4> bytes{};
    auto n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(cp), bytes.data());
    out.append(reinterpret_cast<const char*>(bytes.data()), static_cast<std::size_t>(n));
}

// Decodes one code point at text[i]; invalid or truncated sequences give U+FFFD and consume one byte.
char32_t decode(std::string_view text, std::size_t& i) {
    utf8proc_int32_t cp = 0;
    auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + i),
                              static_cast<utf8proc_ssize_t>(text.size() - i), &cp);
    if (n <= 0) {
        i += 1;
        return replacement_character;
    }
    i += static_cast<std::size_t>(n);
    return static_cast<char32_t>(cp);
}

std::string sanitized(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        if (static_cast<unsigned char>(text[i]) < 0x80) {
            out += text[i++];
            continue;
        }
        append_utf8(out, decode(text, i));
    }
    return out;
}

// How a non-ASCII code point counts in a key.
enum class FoldedAs { keep, apostrophe, dash, separator };

FoldedAs folded_as(char32_t cp) {
    switch (cp) {
        case 0x00B4: case 0x02B9: case 0x02BB: case 0x02BC: case 0x02BD: case 0x2018: case 0x2019:
        case 0x201B: case 0x2032: case 0xFF07:
            return FoldedAs::apostrophe;
        case 0x2212: case 0x2043:
            return FoldedAs::dash;
        default:
            break;
    }
    switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
        case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LM:
        case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
        case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
        case UTF8PROC_CATEGORY_CF:  // soft hyphen, zero-width joiners: UTF8PROC_IGNORE removes them
            return FoldedAs::keep;
        case UTF8PROC_CATEGORY_PD:
            return FoldedAs::dash;
        default:
            return FoldedAs::separator;
    }
}

// Letters that have no decomposition, so STRIPMARK leaves them, but that users write without the stroke.
std::string_view plain_letters(char32_t cp) {
    switch (cp) {
        case 0x00F8: return "o";   // ø
        case 0x00E6: return "ae";  // æ
        case 0x0153: return "oe";  // œ
        case 0x0142: return "l";   // ł
        case 0x0111: return "d";   // đ
        case 0x00F0: return "d";   // ð
        case 0x00FE: return "th";  // þ
        case 0x0131: return "i";   // dotless i
        case 0x0127: return "h";   // ħ
        case 0x0167: return "t";   // ŧ
        default: return {};
    }
}

// Applied by utf8proc before decomposition: punctuation and symbols become ASCII stand-ins, so that
// "™" is a separator and not the letters "tm", and "’" an apostrophe.
utf8proc_int32_t key_custom_mapping(utf8proc_int32_t cp, void*) {
    if (cp < 0x80) return cp;
    switch (folded_as(static_cast<char32_t>(cp))) {
        case FoldedAs::keep: return cp;
        case FoldedAs::apostrophe: return '\'';
        case FoldedAs::dash: return '-';
        case FoldedAs::separator: return ' ';
    }
    return ' ';
}

// The key text before separators are collapsed: folded letters and digits, ASCII punctuation as it came,
// ' ' for other separators, '\'' for apostrophes, '-' for dashes. `text` must be valid UTF-8.
std::string raw_key_unicode(std::string_view text) {
    utf8proc_uint8_t* mapped = nullptr;
    auto n = utf8proc_map_custom(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                                 static_cast<utf8proc_ssize_t>(text.size()), &mapped, key_options, key_custom_mapping,
                                 nullptr);
    std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owner(mapped, &std::free);
    if (n < 0) return std::string(text.size(), ' ');  // cannot happen for valid UTF-8; stay safe anyway
    std::string_view folded(reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(n));
    std::string out;
    out.reserve(folded.size());
    for (std::size_t i = 0; i < folded.size();) {
        if (static_cast<unsigned char>(folded[i]) < 0x80) {
            out += folded[i++];
            continue;
        }
        std::size_t start = i;
        char32_t cp = decode(folded, i);
        if (auto plain = plain_letters(cp); !plain.empty()) {
            out += plain;
            continue;
        }
        switch (folded_as(cp)) {
            case FoldedAs::keep: out.append(folded.substr(start, i - start)); break;
            case FoldedAs::apostrophe: out += '\''; break;
            case FoldedAs::dash: out += '-'; break;
            case FoldedAs::separator: out += ' '; break;
        }
    }
    return out;
}

std::string case_unicode(std::string_view valid_utf8) {
    utf8proc_uint8_t* mapped = nullptr;
    auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(valid_utf8.data()),
                          static_cast<utf8proc_ssize_t>(valid_utf8.size()), &mapped, case_options);
    std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owner(mapped, &std::free);
    if (n < 0) return std::string(valid_utf8);
    return std::string(reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(n));
}

// --- ASCII classes ------------------------------------------------------------------------------------

enum class AsciiClass : std::uint8_t { letter, digit, apostrophe, other };

constexpr std::array<AsciiClass, 128> make_ascii_classes() {
    std::array<AsciiClass, 128> classes{};
    for (int c = 0; c < 128; ++c) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) classes[static_cast<std::size_t>(c)] = AsciiClass::letter;
        else if (c >= '0' && c <= '9') classes[static_cast<std::size_t>(c)] = AsciiClass::digit;
        else if (c == '\'' || c == '`') classes[static_cast<std::size_t>(c)] = AsciiClass::apostrophe;
        else classes[static_cast<std::size_t>(c)] = AsciiClass::other;
    }
    return classes;
}
constexpr auto ascii_classes = make_ascii_classes();

constexpr char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// Writes key text: one space between words, none at either end.
class KeyWriter {
public:
    KeyWriter(std::string& out, std::string_view keep) : out_(out), keep_(keep) {}

    void byte(char c) {
        auto u = static_cast<unsigned char>(c);
        if (u >= 0x80) return content(c);  // part of a folded non-ASCII letter
        switch (ascii_classes[u]) {
            case AsciiClass::letter: return content(ascii_lower(c));
            case AsciiClass::digit: return content(c);
            default:
                if (keep_.find(c) != std::string_view::npos) return content(c);
                if (ascii_classes[u] != AsciiClass::apostrophe) pending_space_ = true;
        }
    }
    void bytes(std::string_view s) {
        for (char c : s) byte(c);
    }

private:
    void content(char c) {
        if (pending_space_ && !out_.empty()) out_ += ' ';
        pending_space_ = false;
        out_ += c;
    }
    std::string& out_;
    std::string_view keep_;
    bool pending_space_ = false;
};

// --- the per-code-point table -------------------------------------------------------------------------

struct Fragment {
    std::uint32_t offset = 0;
    std::uint16_t length = 0;
    bool fast = false;
};

struct FoldTable {
    std::string pool;
    std::vector<Fragment> folded;  // fold_case of the code point alone
    std::vector<Fragment> keyed;   // raw_key_unicode of the code point alone

    std::string_view text(const Fragment& f) const { return std::string_view(pool).substr(f.offset, f.length); }
};

bool is_mark(utf8proc_int32_t cp) {
    auto category = utf8proc_category(cp);
    return category == UTF8PROC_CATEGORY_MN || category == UTF8PROC_CATEGORY_MC || category == UTF8PROC_CATEGORY_ME;
}

// True when every code point of `text` is a starter that is not a mark: such output cannot combine with
// what comes before or after it.
bool only_starters(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        auto cp = static_cast<utf8proc_int32_t>(decode(text, i));
        if (is_mark(cp) || utf8proc_get_property(cp)->combining_class != 0) return false;
    }
    return true;
}

bool may_use_table(char32_t cp) {
    auto c = static_cast<utf8proc_int32_t>(cp);
    auto category = utf8proc_category(c);
    if (category == UTF8PROC_CATEGORY_CN || category == UTF8PROC_CATEGORY_CS) return false;
    if (cp >= 0x1100 && cp <= 0x11FF) return false;  // Hangul jamo compose with each other
    return !is_mark(c) && utf8proc_get_property(c)->combining_class == 0;
}

Fragment add_fragment(FoldTable& table, std::string_view text, bool fast) {
    Fragment f{static_cast<std::uint32_t>(table.pool.size()), static_cast<std::uint16_t>(text.size()), fast};
    table.pool.append(text);
    return f;
}

FoldTable build_table() {
    FoldTable table;
    table.folded.resize(table_limit);
    table.keyed.resize(table_limit);
    for (char32_t cp = 0x80; cp < table_limit; ++cp) {
        if (!may_use_table(cp)) continue;
        std::string utf8;
        append_utf8(utf8, cp);
        std::string folded = case_unicode(utf8);
        std::string keyed = raw_key_unicode(utf8);
        bool fast = only_starters(folded) && only_starters(keyed);
        table.folded[cp] = add_fragment(table, folded, fast);
        table.keyed[cp] = add_fragment(table, keyed, fast);
    }
    return table;
}

const FoldTable& fold_table() {
    static const FoldTable table = build_table();
    return table;
}

// Fast path of fold_key_keeping; false when the text needs utf8proc as a whole.
bool fold_key_fast(std::string_view text, std::string_view keep, std::string& out) {
    KeyWriter writer(out, keep);
    const FoldTable* table = nullptr;
    for (std::size_t i = 0; i < text.size();) {
        if (static_cast<unsigned char>(text[i]) < 0x80) {
            writer.byte(text[i++]);
            continue;
        }
        if (!table) table = &fold_table();
        char32_t cp = decode(text, i);
        if (cp == replacement_character) {
            writer.byte(' ');
            continue;
        }
        if (cp >= table_limit || !table->keyed[cp].fast) return false;
        writer.bytes(table->text(table->keyed[cp]));
    }
    return true;
}

bool fold_case_fast(std::string_view text, std::string& out) {
    const FoldTable* table = nullptr;
    for (std::size_t i = 0; i < text.size();) {
        char c = text[i];
        if (static_cast<unsigned char>(c) < 0x80) {
            out += ascii_lower(c);
            ++i;
            continue;
        }
        if (!table) table = &fold_table();
        char32_t cp = decode(text, i);
        if (cp == replacement_character) {
            append_utf8(out, cp);
            continue;
        }
        if (cp >= table_limit || !table->folded[cp].fast) return false;
        out += table->text(table->folded[cp]);
    }
    return true;
}

}  // namespace

namespace detail {

std::string fold_case_unicode(std::string_view text) { return case_unicode(sanitized(text)); }

std::string fold_key_unicode(std::string_view text, std::string_view keep) {
    std::string raw = raw_key_unicode(sanitized(text));
    std::string out;
    out.reserve(raw.size());
    KeyWriter(out, keep).bytes(raw);
    return out;
}

}  // namespace detail

bool is_ascii(std::string_view text) {
    for (char c : text)
        if (static_cast<unsigned char>(c) >= 0x80) return false;
    return true;
}

std::string fold_case(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    if (fold_case_fast(text, out)) return out;
    return detail::fold_case_unicode(text);
}

std::string fold_key_keeping(std::string_view text, std::string_view keep) {
    std::string out;
    out.reserve(text.size());
    if (fold_key_fast(text, keep, out)) return out;
    return detail::fold_key_unicode(text, keep);
}

std::string fold_key(std::string_view text) { return fold_key_keeping(text, {}); }

void split_tokens(std::string_view folded, std::vector<std::string_view>& out) {
    out.clear();
    std::size_t i = 0;
    while (i < folded.size()) {
        while (i < folded.size() && folded[i] == ' ') ++i;
        std::size_t start = i;
        while (i < folded.size() && folded[i] != ' ') ++i;
        if (i > start) out.push_back(folded.substr(start, i - start));
    }
}

std::vector<std::string_view> split_tokens(std::string_view folded) {
    std::vector<std::string_view> out;
    split_tokens(folded, out);
    return out;
}

}  // namespace jobcenter::register_plugin
