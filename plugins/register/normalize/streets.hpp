// Reading the street part of an address into NormalizedAddress: its words, the house number, and the
// readers for English order ("221 E. 51st St. Suite 3") and Nordic order ("Mannerheimintie 1 A 3").
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "register/normalize/key_text.hpp"
#include "register/normalize/normalize.hpp"

namespace jobcenter::register_plugin::streets {

struct AddressWord {
    std::string_view text;
    bool dot = false;    // written with a full stop right after it: "k.", "Aleksanterink."
    bool comma = false;  // a comma follows (after any full stop): "11 E. Adams, Suite 1500"
    bool dash = false;   // a hyphen right before it, apart from the word before: "3416 -18 W. 79th"
};
using AddressWords = std::span<const AddressWord>;

// Splits folded address text (letters, digits and ". - # ,") into words; "1-3" stays one word.
std::vector<AddressWord> address_words(std::string_view s);

inline bool starts_with_digit(std::string_view w) { return !w.empty() && key_text::is_digit(w.front()); }

// "12", "12-14", "12a": digits, maybe a range, maybe one letter.
bool is_house_number(std::string_view w);

// "1a" -> number "1", staircase "a"; "12-14" stays whole.
void split_house_number(std::string_view w, NormalizedAddress& a);

// Writes street_name from `name` and street_key from it and the house number, leaving out the words at
// `skip_index` and `skip_too` (an English street type and trailing direction) unless the name is one word.
void set_street(NormalizedAddress& a, const std::vector<std::string>& name, std::size_t skip_index,
                std::size_t skip_too = std::string::npos);

// "1st", "22nd", "113th": digits with an English ordinal suffix.
bool is_english_ordinal(std::string_view w);

// "221 E. 51st St. Suite 3": the number first, then the name, then the unit.
void read_english_street(AddressWords words, NormalizedAddress& a);

// "Mannerheimintie 1 A 3", "3. linja 5", "Aleksanterink. 5 B 12": the name first, then the number.
void read_nordic_street(AddressWords words, NormalizedAddress& a);

}  // namespace jobcenter::register_plugin::streets
