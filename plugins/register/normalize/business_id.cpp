// Business ID parsing, the mod-11 check digit (weights 7, 9, 10, 5, 8, 4, 2), and the business ID's
// matching key (normalize.hpp).
#include "register/normalize/business_id.hpp"

#include <cctype>

#include "register/normalize/normalize.hpp"

namespace jobcenter::register_plugin {
namespace {

// 'text' in single quotes, for messages. (Built by appending: GCC 12's -Wrestrict misfires on "'" + s.)
std::string quoted(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 2);
    out.append(1, '\'').append(text).append(1, '\'');
    return out;
}

}  // namespace

std::optional<char> business_id_check_digit(std::string_view seven_digits) {
    static const int weights[7] = {7, 9, 10, 5, 8, 4, 2};
    if (seven_digits.size() != 7) return std::nullopt;
    int sum = 0;
    for (int i = 0; i < 7; ++i) {
        char c = seven_digits[static_cast<std::size_t>(i)];
        if (c < '0' || c > '9') return std::nullopt;
        sum += (c - '0') * weights[i];
    }
    int remainder = sum % 11;
    if (remainder == 0) return '0';
    if (remainder == 1) return std::nullopt;
    return static_cast<char>('0' + (11 - remainder));
}

BusinessId parse_business_id(std::string_view text) {
    BusinessId id;
    std::string digits;
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
    std::size_t i = 0;
    if (text.size() - i >= 2 && std::toupper(static_cast<unsigned char>(text[i])) == 'F' &&
        std::toupper(static_cast<unsigned char>(text[i + 1])) == 'I')
        i += 2;  // the VAT number form FI12345678
    int separators = 0;
    std::size_t digits_before_separator = 0;
    for (; i < text.size(); ++i) {
        char c = text[i];
        if (c >= '0' && c <= '9') {
            digits += c;
        } else if ((c == '-' || c == ' ') && !digits.empty() && separators == 0) {
            ++separators;
            digits_before_separator = digits.size();
        } else if (std::isspace(static_cast<unsigned char>(c))) {
            continue;
        } else {
            id.problem = quoted(text) + " is not a business ID (digits and one hyphen expected)";
            return id;
        }
    }
    // Accepted shapes: 12345678, 1234567-8, and the old six-digit 123456-7 (padded with a leading 0).
    bool plain = separators == 0 && digits.size() == 8;
    bool hyphenated = separators == 1 && digits.size() == 8 && digits_before_separator == 7;
    bool old_form = separators == 1 && digits.size() == 7 && digits_before_separator == 6;
    if (old_form) digits.insert(digits.begin(), '0');
    if (!plain && !hyphenated && !old_form) {
        id.problem = quoted(text) + " is not a business ID (seven digits, a hyphen and a check digit)";
        return id;
    }
    id.canonical = digits.substr(0, 7) + "-" + digits.substr(7);
    auto expected = business_id_check_digit(std::string_view(digits).substr(0, 7));
    if (!expected) {
        id.problem = "no business ID can start " + digits.substr(0, 7) + " (its check remainder is 1)";
    } else if (*expected != digits[7]) {
        id.problem = "the check digit of " + id.canonical + " should be " + std::string(1, *expected) + ", not " +
                     std::string(1, digits[7]);
    } else {
        id.valid = true;
    }
    return id;
}

std::string business_id_key(std::string_view raw) {
    BusinessId id = parse_business_id(raw);
    return id.valid ? id.canonical : std::string();
}

}  // namespace jobcenter::register_plugin
