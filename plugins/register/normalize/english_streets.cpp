// Streets written in English order, number first ("221 E. 51st St. Suite 3"): the word lists of street
// types, directions and units, and the reader that turns such a street into its name, number and unit.
#include "register/normalize/streets.hpp"

namespace jobcenter::register_plugin::streets {
namespace {

using key_text::all_digits;
using key_text::is_digit;
using key_text::is_letter;
using key_text::is_one_of;
using key_text::WordMap;
using key_text::WordMapping;
using key_text::WordSet;

// --- word lists (folded) ------------------------------------------------------------------------------------

// Street types, left out of the key: {as written, in full}.
constexpr WordMapping street_type_words[] = {
    {"st", "street"}, {"str", "street"}, {"street", "street"}, {"ave", "avenue"}, {"av", "avenue"},
    {"avn", "avenue"}, {"avenue", "avenue"}, {"blvd", "boulevard"}, {"blv", "boulevard"}, {"boul", "boulevard"},
    {"boulevard", "boulevard"}, {"rd", "road"}, {"road", "road"}, {"dr", "drive"}, {"drv", "drive"},
    {"drive", "drive"}, {"ln", "lane"}, {"lane", "lane"}, {"ct", "court"}, {"crt", "court"}, {"court", "court"},
    {"pl", "place"}, {"place", "place"}, {"pkwy", "parkway"}, {"pky", "parkway"}, {"parkway", "parkway"},
    {"hwy", "highway"}, {"highway", "highway"}, {"sq", "square"}, {"square", "square"}, {"ter", "terrace"},
    {"terr", "terrace"}, {"terrace", "terrace"}, {"cir", "circle"}, {"circle", "circle"}, {"expy", "expressway"},
    {"expressway", "expressway"}, {"plz", "plaza"}, {"plaza", "plaza"}, {"trl", "trail"}, {"trail", "trail"},
    {"aly", "alley"}, {"alley", "alley"}, {"way", "way"}, {"hts", "heights"}, {"la", "lane"},
};

// Directions: {as written, in full}.
constexpr WordMapping direction_words[] = {
    {"n", "north"}, {"north", "north"}, {"s", "south"}, {"south", "south"}, {"e", "east"}, {"east", "east"},
    {"w", "west"}, {"west", "west"}, {"ne", "northeast"}, {"northeast", "northeast"}, {"nw", "northwest"},
    {"northwest", "northwest"}, {"se", "southeast"}, {"southeast", "southeast"}, {"sw", "southwest"},
    {"southwest", "southwest"},
};

// Abbreviations that start or sit inside a street name ("St. Louis Ave", "Dr Martin Luther King Jr Dr"),
// and ordinals written as words: {as written, as keyed}.
constexpr WordMapping name_abbreviation_words[] = {
    {"st", "saint"}, {"mt", "mount"}, {"ft", "fort"}, {"dr", "doctor"}, {"first", "1st"}, {"second", "2nd"},
    {"third", "3rd"}, {"fourth", "4th"}, {"fifth", "5th"}, {"sixth", "6th"}, {"seventh", "7th"},
    {"eighth", "8th"}, {"ninth", "9th"}, {"tenth", "10th"}, {"eleventh", "11th"}, {"twelfth", "12th"},
};

// Words before a unit's number: "Suite 3", "Apt 12", "# 5".
constexpr std::string_view unit_marker_words[] = {"apt", "apartment", "suite", "ste", "unit", "#",
                                                  "room", "rm", "bldg", "building"};

constexpr std::string_view floor_words[] = {"fl", "floor", "flr"};

// Words that start a note after the street: "2450 Broadway between 90th and 91st Sts.", "57 Jane St. off Hudson".
constexpr std::string_view note_words[] = {"between", "near", "at", "off", "opposite", "across", "corner", "inside"};

// Type abbreviations that are also other words: "St" (Saint), "Dr" (Doctor), "La" (the article).
constexpr std::string_view ambiguous_type_words[] = {"st", "dr", "la"};

// --- lookup -------------------------------------------------------------------------------------------------

const WordMap& street_types() {
    static const WordMap types = key_text::word_map(street_type_words);
    return types;
}

const WordMap& directions() {
    static const WordMap map = key_text::word_map(direction_words);
    return map;
}

const WordMap& name_abbreviations() {
    static const WordMap words = key_text::word_map(name_abbreviation_words);
    return words;
}

const WordSet& unit_markers() {
    static const WordSet markers = key_text::word_set(unit_marker_words);
    return markers;
}

bool is_floor(std::string_view w) { return is_one_of(floor_words, w); }
bool is_note_word(std::string_view w) { return is_one_of(note_words, w); }
bool is_ambiguous_type(std::string_view w) { return is_one_of(ambiguous_type_words, w); }

// --- reading ------------------------------------------------------------------------------------------------

// Expands abbreviations; `type_index` and `trailing_direction` receive the positions left out of the key
// (name.size() when there is none): registers drop the type ("Ave") and a trailing "NE" often.
void expand_street_name(std::vector<std::string>& name, std::size_t& type_index, std::size_t& trailing_direction) {
    type_index = name.size();
    trailing_direction = name.size();
    if (name.size() < 2) return;
    const auto& direction = directions();
    const auto& types = street_types();
    std::size_t last = name.size() - 1;
    if (auto d = direction.find(name[last]); d != direction.end() && types.count(name[last - 1])) {
        name[last] = d->second;  // "main st n"
        trailing_direction = last;
        --last;
    }
    if (auto t = types.find(name[last]); t != types.end()) {
        name[last] = t->second;
        type_index = last;
    }
    if (auto d = direction.find(name[0]); d != direction.end() && type_index != 0) name[0] = d->second;
    for (std::size_t i = 0; i < name.size(); ++i) {
        if (i == type_index || (i == 0 && direction.count(name[0]))) continue;
        if (auto w = name_abbreviations().find(name[i]); w != name_abbreviations().end()) name[i] = w->second;
    }
}

void read_unit(AddressWords rest, NormalizedAddress& a) {
    for (std::size_t i = 0; i + 1 < rest.size(); ++i) {
        if (unit_markers().count(rest[i].text) && a.flat.empty()) {
            a.flat = rest[i + 1].text;
            return;
        }
    }
}

// "1st", "51st", "first": a floor before "Floor", or a numbered street.
bool is_ordinal_word(std::string_view w) {
    if (is_english_ordinal(w)) return true;
    auto it = name_abbreviations().find(w);
    return it != name_abbreviations().end() && is_english_ordinal(it->second);
}

// "51" -> "51st", "113" -> "113th": registers write numbered streets both ways.
std::string ordinal(std::string_view digits) {
    std::string out(digits);
    char last = digits.back();
    bool teen = digits.size() >= 2 && digits[digits.size() - 2] == '1';
    if (!teen && last == '1') return out + "st";
    if (!teen && last == '2') return out + "nd";
    if (!teen && last == '3') return out + "rd";
    return out + "th";
}

// Where an English street name ends: at a unit ("Suite 3"), a floor ("3rd Floor"), or after the street
// type when more follows ("69th Street Chicago", "Bryn Mawr Ave 211"); a direction after the type stays.
std::size_t name_end(AddressWords rest) {
    std::size_t end = 0;
    while (end < rest.size() && !unit_markers().count(rest[end].text) && !is_floor(rest[end].text) &&
           !(end + 1 < rest.size() && is_floor(rest[end + 1].text) && is_ordinal_word(rest[end].text)) &&
           !(end > 0 && is_note_word(rest[end].text)))
        if (rest[end++].comma) break;  // "3007 W Diversey, Chicago"
    const auto& types = street_types();
    const auto& direction = directions();
    auto later_type = [&](std::size_t t) {
        for (std::size_t k = t + 1; k < end; ++k)
            if (types.count(rest[k].text)) return true;
        return false;
    };
    for (std::size_t t = 1; t < end; ++t) {
        if (!types.count(rest[t].text)) continue;
        if (t == 1 && direction.count(rest[0].text)) continue;          // "S. Ave. H": the type word is the name
        if (is_ambiguous_type(rest[t].text) && later_type(t)) continue;  // "Old St Charles Rd"
        std::size_t kept = t + 1;
        if (kept < end && direction.count(rest[kept].text)) ++kept;     // "Peachtree Rd NE"
        return kept;
    }
    return end;
}

// The words of an English street name, with "24 th" joined into "24th".
std::vector<std::string> street_name_words(AddressWords words) {
    std::vector<std::string> out;
    out.reserve(words.size());
    for (std::size_t i = 0; i < words.size(); ++i) {
        std::string_view w = words[i].text;
        if (all_digits(w) && i + 1 < words.size() && ordinal(w) == std::string(w) + std::string(words[i + 1].text)) {
            out.push_back(ordinal(w));
            ++i;
            continue;
        }
        out.emplace_back(w);
    }
    return out;
}

}  // namespace

bool is_english_ordinal(std::string_view w) {
    std::size_t i = 0;
    while (i < w.size() && is_digit(w[i])) ++i;
    if (i == 0 || i == w.size()) return false;
    auto suffix = w.substr(i);
    return suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th";
}

void read_english_street(AddressWords words, NormalizedAddress& a) {
    split_house_number(words.front().text, a);
    AddressWords rest = words.subspan(1);
    // "3416 -18 W. 79th St.": the end of a range of numbers, written apart from its start.
    if (rest.size() > 1 && a.staircase.empty() && rest.front().dash && all_digits(rest.front().text) &&
        all_digits(a.number)) {
        a.number += '-';
        a.number += rest.front().text;
        rest = rest.subspan(1);
    }
    std::string_view first = rest.front().text;
    if (rest.size() > 1 && a.staircase.empty() && first.size() == 1 && is_letter(first[0]) &&
        !directions().count(first)) {
        a.staircase = first;  // "293-B Peachtree Rd"
        rest = rest.subspan(1);
    }
    std::size_t end = name_end(rest);
    auto name = street_name_words(rest.first(end));
    if (name.size() >= 2 && all_digits(name.back())) {  // "1020 West Bryn Mawr 211": a suite number
        a.flat = name.back();
        name.pop_back();
    } else if (end < rest.size() && all_digits(rest[end].text)) {
        a.flat = rest[end].text;  // "... Ave 211"
    }
    for (auto& word : name)
        if (all_digits(word)) word = ordinal(word);  // "East 51 Street"
    read_unit(rest.subspan(end), a);
    std::size_t type_index = 0, trailing_direction = 0;
    expand_street_name(name, type_index, trailing_direction);
    set_street(a, name, type_index, trailing_direction);
}

}  // namespace jobcenter::register_plugin::streets
