// Streets written in Finnish and Swedish order, name first ("Mannerheimintie 1 A 3", "Aleksanterink. 5"):
// the word lists of street types, flat markers and floors, and the reader that turns such a street into its
// name, number, staircase and flat.
#include "register/normalize/streets.hpp"

namespace jobcenter::register_plugin::streets {
namespace {

using key_text::all_digits;
using key_text::is_letter;
using key_text::is_one_of;

// --- word lists (folded) ------------------------------------------------------------------------------------

// A street-type word ending a name, written as its own word or as an abbreviation glued to the name
// ("Aleksanterink.", "Mannerheimin tie", "Alexandersg.").
struct StreetType {
    std::string_view written;
    std::string_view full;
    bool needs_dot;  // "t." is "tie", a bare "t" is not
};

constexpr StreetType glued_types[] = {
    {"k", "katu", true}, {"t", "tie", true}, {"kj", "kuja", false}, {"pl", "polku", true},
    {"g", "gatan", true}, {"v", "vagen", true}, {"vg", "vagen", false},
};

constexpr StreetType separate_types[] = {
    {"k", "katu", false}, {"katu", "katu", false}, {"t", "tie", true}, {"tie", "tie", false},
    {"kj", "kuja", false}, {"kuja", "kuja", false}, {"polku", "polku", false}, {"gatan", "gatan", false},
    {"g", "gatan", true}, {"vagen", "vagen", false}, {"v", "vagen", true}, {"vg", "vagen", false},
};

// Words between the house number and the flat that carry no key: "as." (asunto), "lgh" (lägenhet),
// "bst" (bostad), "lh" (liikehuoneisto), "huoneisto".
constexpr std::string_view flat_marker_words[] = {"as", "asunto", "huoneisto", "lgh", "bst", "lh"};

constexpr std::string_view floor_words[] = {"krs", "kerros", "vaning", "van", "tr", "trappa"};

// --- reading ------------------------------------------------------------------------------------------------

bool is_flat_marker(std::string_view w) { return is_one_of(flat_marker_words, w); }
bool is_floor(std::string_view w) { return is_one_of(floor_words, w); }

// Expands the street type of a Finnish or Swedish name (in place; words are rebuilt as strings).
void expand_street_type(std::vector<std::string>& name, AddressWords written) {
    if (name.empty()) return;
    const AddressWord& last = written.back();
    if (name.size() >= 2) {
        const std::string& before = name[name.size() - 2];
        bool genitive = !before.empty() && (before.back() == 'n' || before.back() == 's');
        for (const auto& type : separate_types) {
            if (genitive && last.text == type.written && (!type.needs_dot || last.dot)) {
                name[name.size() - 2] += type.full;  // "mannerheimin tie" -> "mannerheimintie"
                name.pop_back();
                return;
            }
        }
    }
    std::string& word = name.back();
    for (const auto& type : glued_types) {
        if (word.size() >= type.written.size() + 3 && word.ends_with(type.written) && (!type.needs_dot || last.dot)) {
            word.resize(word.size() - type.written.size());
            word += type.full;  // "aleksanterink." -> "aleksanterinkatu"
            return;
        }
    }
}

// The staircase and flat after the house number: "A 3", "A3", "as. 3", "B 23"; floors ("3. krs") dropped.
void read_flat(AddressWords rest, NormalizedAddress& a) {
    bool flat_from_previous = false;
    for (std::size_t i = 0; i < rest.size(); ++i) {
        std::string_view w = rest[i].text;
        bool was_flat = flat_from_previous;
        flat_from_previous = false;
        if (is_flat_marker(w)) continue;
        if (is_floor(w)) {
            if (was_flat) a.flat.clear();  // "3 krs": the number was the floor
            else if (i + 1 < rest.size() && all_digits(rest[i + 1].text)) ++i;  // "krs 3"
            continue;
        }
        if (a.staircase.empty() && a.flat.empty() && w.size() == 1 && is_letter(w[0])) {
            a.staircase.assign(1, w[0]);
        } else if (a.staircase.empty() && a.flat.empty() && w.size() >= 2 && is_letter(w[0]) && all_digits(w.substr(1))) {
            a.staircase.assign(1, w[0]);  // "a3"
            a.flat = w.substr(1);
            flat_from_previous = true;
        } else if (a.flat.empty() && all_digits(w)) {
            a.flat = w;
            flat_from_previous = true;
        } else {
            break;  // a city or a note: the flat part is over
        }
    }
}

std::vector<std::string> strings_of(AddressWords words) {
    std::vector<std::string> out;
    out.reserve(words.size());
    for (const auto& w : words) out.emplace_back(w.text);
    return out;
}

}  // namespace

void read_nordic_street(AddressWords words, NormalizedAddress& a) {
    std::size_t n = 0;
    for (; n < words.size(); ++n) {
        std::string_view w = words[n].text;
        if (!starts_with_digit(w) || is_english_ordinal(w)) continue;
        bool ordinal_name = words[n].dot && n + 1 < words.size() && !starts_with_digit(words[n + 1].text) &&
                            !is_floor(words[n + 1].text);
        if (!ordinal_name) break;  // "3. linja": a numbered street, not a house number
    }
    auto name = strings_of(words.first(n));
    if (n > 0) expand_street_type(name, words.first(n));
    if (n < words.size()) {
        split_house_number(words[n].text, a);
        read_flat(words.subspan(n + 1), a);
    }
    set_street(a, name, name.size());
}

}  // namespace jobcenter::register_plugin::streets
