// Normalising a phone number to E.164: the first number of the field, its country calling code (written,
// dialled with an exit code, or the default country's), and whether its length is plausible.
#include "register/normalize/normalize.hpp"

#include <algorithm>
#include <array>

#include "register/normalize/key_text.hpp"

namespace jobcenter::register_plugin {
namespace {

using key_text::all_digits;
using key_text::is_digit;
using key_text::trim;

// --- tables -------------------------------------------------------------------------------------------------

// Country calling codes of two digits (ITU-T E.164 list); 1 and 7 are the one-digit codes, all others three.
constexpr std::array<std::string_view, 44> two_digit_country_codes = {
    "20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44", "45", "46",
    "47", "48", "49", "51", "52", "53", "54", "55", "56", "57", "58", "60", "61", "62", "63",
    "64", "65", "66", "81", "82", "84", "86", "90", "91", "92", "93", "94", "95", "98"};

// Countries a default country may be given as, by their letters (lowercase): {letters, calling code}.
constexpr key_text::WordMapping country_letter_codes[] = {
    {"fi", "358"}, {"us", "1"}, {"ca", "1"}, {"se", "46"}, {"ee", "372"},
};

// --- reading ------------------------------------------------------------------------------------------------

bool is_two_digit_country_code(std::string_view d) {
    return std::find(two_digit_country_codes.begin(), two_digit_country_codes.end(), d) !=
           two_digit_country_codes.end();
}

std::size_t country_code_length(std::string_view digits) {
    if (digits.empty()) return 0;
    if (digits[0] == '1' || digits[0] == '7') return 1;
    if (digits.size() >= 2 && is_two_digit_country_code(digits.substr(0, 2))) return 2;
    return std::min<std::size_t>(3, digits.size());
}

// The calling code of `country` ("358", "+358", "FI"; "" means Finland), or "" when it is not one.
std::string calling_code(std::string_view country) {
    if (country == "358" || country == "1") return std::string(country);
    country = trim(country);
    if (!country.empty() && country.front() == '+') country.remove_prefix(1);
    std::string lower;
    for (char c : country) lower += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    if (lower.empty()) return "358";
    for (auto [letters, code] : country_letter_codes)
        if (lower == letters) return std::string(code);
    bool code = !lower.empty() && lower.size() <= 3 && all_digits(lower) && lower[0] != '0';
    return code ? lower : std::string();
}

struct PhoneDigits {
    std::string digits;
    bool plus = false;
};

// The digits of the first number in `raw`: text before it ("puh.", "tel:") is skipped; a letter, '#', ',',
// ';', a second '+' or a '/' after a whole number ends it; "(0)" after a country code is dropped.
PhoneDigits first_phone_digits(std::string_view raw) {
    PhoneDigits p;
    bool started = false;
    for (std::size_t i = 0; i < raw.size(); ++i) {
        char c = raw[i];
        if (!started) {
            if (c == '+' || is_digit(c)) {
                started = true;
                p.plus = c == '+';
                if (is_digit(c)) p.digits += c;
            }
            continue;
        }
        if (is_digit(c)) {
            p.digits += c;
        } else if (c == '(' && i + 2 < raw.size() && raw[i + 1] == '0' && raw[i + 2] == ')' && !p.digits.empty()) {
            i += 2;  // "+358 (0)9 ..."
        } else if (c == '/') {
            if (p.digits.size() >= 7) break;  // "09 123 4567 / 040 123 4567"
        } else if (c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '\t') {
            continue;
        } else if (static_cast<unsigned char>(c) == 0xC2 && i + 1 < raw.size() &&
                   static_cast<unsigned char>(raw[i + 1]) == 0xA0) {
            ++i;  // no-break space
        } else {
            break;
        }
    }
    return p;
}

bool plausible_length(std::string_view cc, std::string_view nsn) {
    if (cc == "358") return nsn.size() >= 5 && nsn.size() <= 12 && nsn[0] != '0';
    if (cc == "1") return nsn.size() == 10 && nsn[0] >= '2' && nsn[3] >= '2';
    return nsn.size() >= 4 && cc.size() + nsn.size() <= 15;
}

}  // namespace

std::string phone_calling_code(std::string_view country) { return calling_code(country); }

NormalizedPhone normalize_phone(std::string_view raw, std::string_view default_country) {
    NormalizedPhone phone;
    PhoneDigits p = first_phone_digits(raw);
    if (p.digits.empty()) return phone;
    const std::string home = calling_code(default_country);
    std::string_view d = p.digits;
    bool international = p.plus;
    std::string_view exit_code = home == "1" ? "011" : "00";  // dialled before a country code
    if (!international && d.starts_with(exit_code)) {
        d.remove_prefix(exit_code.size());
        international = true;
    }

    std::string cc;
    std::string_view nsn;
    if (international) {
        std::size_t n = country_code_length(d);
        cc = d.substr(0, n);
        nsn = d.substr(n);
        if (cc == "358" && nsn.starts_with("0")) nsn.remove_prefix(1);  // "+358 09 ..."
    } else {
        cc = home;
        nsn = d;
        if (cc == "358" && nsn.starts_with("0")) nsn.remove_prefix(1);  // the trunk prefix
        if (cc == "1" && nsn.size() == 11 && nsn[0] == '1') nsn.remove_prefix(1);
        phone.local_number = cc == "1" && nsn.size() == 7 && nsn[0] >= '2';
    }
    phone.national = nsn;
    phone.valid = !cc.empty() && plausible_length(cc, nsn);
    phone.e164 = "+" + cc + std::string(nsn);
    return phone;
}

}  // namespace jobcenter::register_plugin
