// The pieces every street reader shares: splitting folded address text into words, reading house numbers,
// and writing the street name and key.
#include "register/normalize/streets.hpp"

namespace jobcenter::register_plugin::streets {
namespace {

using key_text::is_digit;
using key_text::is_letter;

bool is_word_byte(char c) { return is_letter(c) || is_digit(c); }

}  // namespace

std::vector<AddressWord> address_words(std::string_view s) {
    std::vector<AddressWord> words;
    words.reserve(12);
    std::size_t i = 0;
    while (i < s.size()) {
        char c = s[i];
        if (c == '#') {
            words.push_back({s.substr(i, 1)});
            ++i;
            continue;
        }
        if (!is_word_byte(c)) {
            ++i;
            continue;
        }
        std::size_t start = i;
        while (i < s.size() && is_word_byte(s[i])) ++i;
        while (i + 1 < s.size() && s[i] == '-' && is_digit(s[i - 1]) && is_digit(s[i + 1])) {
            ++i;
            while (i < s.size() && is_word_byte(s[i])) ++i;
        }
        bool dot = i < s.size() && s[i] == '.';
        std::size_t after = dot ? i + 1 : i;
        while (after < s.size() && s[after] == ' ') ++after;
        words.push_back({s.substr(start, i - start), dot, after < s.size() && s[after] == ',',
                         start > 0 && s[start - 1] == '-'});
    }
    return words;
}

bool is_house_number(std::string_view w) {
    std::size_t i = 0;
    while (i < w.size() && (is_digit(w[i]) || (w[i] == '-' && i > 0 && i + 1 < w.size() && is_digit(w[i + 1])))) ++i;
    return i > 0 && (i == w.size() || (i + 1 == w.size() && is_letter(w[i])));
}

void split_house_number(std::string_view w, NormalizedAddress& a) {
    std::size_t i = 0;
    while (i < w.size() && (is_digit(w[i]) || (w[i] == '-' && i + 1 < w.size() && is_digit(w[i + 1])))) ++i;
    auto letters = w.substr(i);
    if (letters.size() == 1) {  // copies assigned, not views: GCC 12's -Wrestrict misfires on these
        a.number = std::string(w.substr(0, i));
        a.staircase = std::string(letters);
    } else {
        a.number = w;
    }
}

void set_street(NormalizedAddress& a, const std::vector<std::string>& name, std::size_t skip_index,
                std::size_t skip_too) {
    for (std::size_t i = 0; i < name.size(); ++i) {
        if (!a.street_name.empty()) a.street_name += ' ';
        a.street_name += name[i];
        if ((i == skip_index || i == skip_too) && name.size() > 1) continue;
        if (!a.street_key.empty()) a.street_key += ' ';
        a.street_key += name[i];
    }
    if (!a.number.empty()) {
        if (!a.street_key.empty()) a.street_key += ' ';
        a.street_key += std::string_view(a.number).substr(0, a.number.find('-'));  // "11-13": the building at 11
    }
}

}  // namespace jobcenter::register_plugin::streets
