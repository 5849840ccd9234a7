// Normalising a postal address: the postcode, the city (with its Swedish and abbreviated names), PO boxes,
// and which part of the street text to read; the street itself is read in streets.hpp.
#include "register/normalize/normalize.hpp"

#include <algorithm>
#include <array>
#include <iterator>
#include <vector>

#include "register/normalize/key_text.hpp"
#include "register/normalize/streets.hpp"
#include "register/normalize/text_fold.hpp"

namespace jobcenter::register_plugin {
namespace {

using key_text::all_digits;
using key_text::is_digit;
using key_text::is_one_of;
using key_text::trim;
using streets::AddressWord;
using streets::AddressWords;
using streets::starts_with_digit;

// --- word lists (folded) ------------------------------------------------------------------------------------

// Swedish and abbreviated names of cities, and districts written in place of their city: {as written, city}.
constexpr key_text::WordMapping city_name_words[] = {
    {"hki", "helsinki"}, {"hgin", "helsinki"}, {"helsingfors", "helsinki"}, {"esbo", "espoo"},
    {"vanda", "vantaa"}, {"grankulla", "kauniainen"}, {"abo", "turku"}, {"tammerfors", "tampere"},
    {"kervo", "kerava"}, {"sibbo", "sipoo"}, {"kyrkslatt", "kirkkonummi"}, {"traskanda", "jarvenpaa"},
    {"borga", "porvoo"}, {"hyvinge", "hyvinkaa"}, {"tusby", "tuusula"}, {"lojo", "lohja"}, {"vasa", "vaasa"},
    {"uleaborg", "oulu"}, {"karleby", "kokkola"}, {"jakobstad", "pietarsaari"}, {"lovisa", "loviisa"},
    {"hango", "hanko"}, {"nystad", "uusikaupunki"}, {"bjorneborg", "pori"}, {"tavastehus", "hameenlinna"},
    {"villmanstrand", "lappeenranta"}, {"nyslott", "savonlinna"}, {"raseborg", "raasepori"},
    {"tikkurila", "vantaa"}, {"dickursby", "vantaa"}, {"myyrmaki", "vantaa"}, {"hakunila", "vantaa"},
    {"koivukyla", "vantaa"}, {"espoon keskus", "espoo"}, {"esbo centrum", "espoo"}, {"tapiola", "espoo"},
    {"hagalund", "espoo"}, {"leppavaara", "espoo"}, {"matinkyla", "espoo"}, {"espoonlahti", "espoo"},
};

// Country names left out of the city key.
constexpr std::string_view country_words[] = {"finland", "suomi", "usa", "us", "fi", "fin"};

// Country letters written before a postcode in the street text ("FI-00100 Helsinki").
constexpr std::string_view postcode_country_words[] = {"fi", "fin"};

// Words that introduce a post office box number: "PL 123", "PO Box 123", "P.O. Box 123", "Postilokero 123".
constexpr std::string_view po_box_markers[] = {"pl", "pb", "box", "postilokero",
                                               "postbox", "pobox", "po box", "p o box"};

// --- postcode and city --------------------------------------------------------------------------------------

// "12345" or "60601-1234": a postcode written after the street.
bool looks_like_postcode(std::string_view w) {
    return (w.size() == 5 && all_digits(w)) || (w.size() == 10 && all_digits(w.substr(0, 5)) && w[5] == '-' &&
                                                all_digits(w.substr(6)));
}

// The 5 digits of a postcode field: "00100", "FI-00100", "60601-1234", "606011234", "00100 Helsinki".
// Other digit runs are kept as written ("2119"). `rest` receives text after the digits (a city).
std::string postcode_of(std::string_view text, std::string_view& rest) {
    std::size_t i = 0;
    while (i < text.size() && !is_digit(text[i])) ++i;
    std::size_t start = i;
    while (i < text.size() && is_digit(text[i])) ++i;
    std::string_view digits = text.substr(start, i - start);
    if (digits.empty()) {
        rest = text;  // "Helsinki" in the postcode column
        return {};
    }
    if (i + 4 < text.size() && text[i] == '-' && all_digits(text.substr(i + 1, 4))) i += 5;  // ZIP+4
    rest = text.substr(i);
    if (digits.size() == 9) digits = digits.substr(0, 5);  // ZIP+4 without its hyphen
    return std::string(digits);
}

const key_text::WordMap& city_names() {
    static const key_text::WordMap names = key_text::word_map(city_name_words);
    return names;
}

bool is_country_word(std::string_view w) { return is_one_of(country_words, w); }

// fold_key of a city without postcodes, district numbers ("Helsinki 10"), country names and a trailing
// two-letter state ("Chicago IL"); aliases mapped. A 5-digit postcode found on the way fills `postcode`.
std::string city_key_of(std::string_view city, std::string& postcode) {
    std::string folded = fold_key(city);
    if (folded.find(' ') == std::string::npos && !starts_with_digit(folded)) {  // one word, the usual case
        auto it = city_names().find(folded);
        if (it != city_names().end()) return std::string(it->second);
        return is_country_word(folded) ? std::string() : folded;
    }
    std::vector<std::string_view> words;
    split_tokens(folded, words);
    std::vector<std::string_view> kept;
    for (auto w : words) {
        if (starts_with_digit(w)) {
            if (postcode.empty() && looks_like_postcode(w)) postcode = w.substr(0, 5);
            continue;
        }
        if (!is_country_word(w)) kept.push_back(w);
    }
    if (kept.size() >= 2 && kept.back().size() == 2) kept.pop_back();
    std::string key = key_text::join(kept);
    auto it = city_names().find(key);
    return it == city_names().end() ? key : std::string(it->second);
}

// --- which words are the street -----------------------------------------------------------------------------

// Drops a building or place named before the street and separated by a comma:
// "Kauppakeskus Itis, Itäkatu 1-7", "Hayes Center, 4859 S. Wabash".
AddressWords after_leading_place_name(AddressWords words) {
    std::size_t number = 0;
    while (number < words.size() && !(streets::is_house_number(words[number].text) && !words[number].dot)) ++number;
    for (std::size_t k = std::min(number, words.size()); k-- > 0;)
        if (words[k].comma) return words.subspan(k + 1);
    return words;
}

// A PO box marker split into its words ("p o box" -> p, o, box) at compile time, for matching word by word.
struct PoBoxMarker {
    std::array<std::string_view, 3> words{};  // at most three: a longer marker fails to compile
    std::size_t length = 0;
};

constexpr auto po_box_marker_words = [] {
    std::array<PoBoxMarker, std::size(po_box_markers)> markers{};
    for (std::size_t m = 0; m < markers.size(); ++m) {
        for (std::string_view rest = po_box_markers[m]; !rest.empty();) {
            std::size_t space = std::min(rest.find(' '), rest.size());
            markers[m].words[markers[m].length++] = rest.substr(0, space);
            rest.remove_prefix(std::min(space + 1, rest.size()));
        }
    }
    return markers;
}();

// The bytes the markers start with, so that most words are passed over with one look-up.
constexpr auto po_box_first_bytes = [] {
    std::array<bool, 256> first{};
    for (std::string_view marker : po_box_markers) first[static_cast<unsigned char>(marker.front())] = true;
    return first;
}();

// The words a PO box takes when one starts at words[i] (its marker and number), else 0.
std::size_t po_box_length(AddressWords words, std::size_t i) {
    std::string_view first = words[i].text;
    if (first.empty() || !po_box_first_bytes[static_cast<unsigned char>(first.front())]) return 0;
    for (const auto& marker : po_box_marker_words) {
        std::size_t length = marker.length;
        bool matches = i + length <= words.size();
        for (std::size_t k = 0; matches && k < length; ++k) matches = words[i + k].text == marker.words[k];
        if (!matches) continue;
        return i + length < words.size() && all_digits(words[i + length].text) ? length + 1 : 0;
    }
    return 0;
}

// True when `text` has a word of two letters or more (ASCII or not).
bool has_word(std::string_view text) {
    std::size_t run = 0;
    for (char c : text) {
        bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80;
        run = letter ? run + 1 : 0;
        if (run >= 2) return true;
    }
    return false;
}

// The street text to read: of several lines ("Hayes Center\n4859 S. Wabash"), the first with a digit;
// lines after it go to `after` (a city, when the city field is empty).
std::string_view street_line(std::string_view street, std::string_view& after) {
    after = {};
    street = trim(street);
    if (street.size() > 3 && (street[0] | 0x20) == 'c' && street[1] == '/' && (street[2] | 0x20) == 'o') {
        auto comma = street.find_first_of(",\r\n");  // "c/o Tilitoimisto Oy, Mannerheimintie 1"
        if (comma != std::string_view::npos) street = trim(street.substr(comma + 1));
    }
    if (street.find_first_of("\r\n") == std::string_view::npos) return street;
    std::size_t start = 0, previous = 0;
    while (start <= street.size()) {
        std::size_t end = street.find_first_of("\r\n", start);
        if (end == std::string_view::npos) end = street.size();
        std::string_view line = street.substr(start, end - start);
        if (line.find_first_of("0123456789") != std::string_view::npos) {
            after = end < street.size() ? trim(street.substr(end + 1)) : std::string_view();
            // "Helsingink.\n90": a line with only the number belongs to the street above it.
            if (start > 0 && !has_word(line)) return street.substr(previous, end - previous);
            return line;
        }
        if (!trim(line).empty()) previous = start;
        start = end + 1;
    }
    return street;
}

}  // namespace

NormalizedAddress normalize_address(std::string_view street, std::string_view postcode, std::string_view city) {
    NormalizedAddress a;
    std::string_view postcode_rest;
    a.postcode = postcode_of(postcode, postcode_rest);

    std::string_view street_after;
    std::string folded = fold_key_keeping(street_line(street, street_after), ".-#,");
    std::vector<AddressWord> words = streets::address_words(folded);

    // A postcode after the house number ends the street: "Mannerheimintie 1 A 3, 00100 Helsinki".
    std::string city_from_street;
    bool seen_number = false;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (seen_number && looks_like_postcode(words[i].text)) {
            if (a.postcode.empty()) a.postcode = words[i].text.substr(0, 5);
            for (std::size_t k = i + 1; k < words.size(); ++k) {
                if (!city_from_street.empty()) city_from_street += ' ';
                city_from_street += words[k].text;
            }
            std::size_t end = i;
            if (end > 0 && is_one_of(postcode_country_words, words[end - 1].text)) --end;
            words.resize(end);
            break;
        }
        if (starts_with_digit(words[i].text)) seen_number = true;
    }

    std::string_view city_text = trim(city);
    if (city_text.empty()) city_text = trim(postcode_rest);
    if (city_text.empty()) city_text = city_from_street;
    if (city_text.empty()) city_text = street_after;
    a.city_key = city_key_of(city_text, a.postcode);

    AddressWords all(words);
    for (std::size_t i = 0; i < all.size(); ++i) {
        if (std::size_t length = po_box_length(all, i)) {
            a.po_box = true;
            if (i == 0) {
                a.street_name = "pl";
                a.number = all[length - 1].text;
                a.street_key = "pl " + a.number;
                return a;
            }
            all = all.first(i);  // "Mannerheimintie 1, PL 123": the street is the better key
            break;
        }
    }
    all = after_leading_place_name(all);
    if (all.empty()) return a;
    bool number_first = streets::is_house_number(all.front().text) && !all.front().dot && all.size() > 1;
    if (number_first) streets::read_english_street(all, a);
    else streets::read_nordic_street(all, a);
    return a;
}

}  // namespace jobcenter::register_plugin
