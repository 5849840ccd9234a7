// Owns recognising a Finnish personal identity code inside a text: a run of exactly six digits, then the
// century sign, the individual number and the check character, checked against the calendar and the rule.
#include "jobcenter/identity_code.hpp"

namespace jobcenter {
namespace {

// The check character is this text's character at DDMMYYNNN mod 31.
constexpr std::string_view check_characters = "0123456789ABCDEFHJKLMNPRSTUVWXY";
constexpr std::size_t date_digits = 6;

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_alphanumeric(char c) { return is_digit(c) || is_ascii_letter(c); }
char upper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }

// The first year of the century a sign stands for, or 0 for a character that is no century sign.
// `+` the 1800s; `-` and, since 2023, Y X W V U the 1900s; A and, since 2023, B C D E F the 2000s.
int century_of(char sign) {
    switch (upper(sign)) {
        case '+': return 1800;
        case '-': case 'Y': case 'X': case 'W': case 'V': case 'U': return 1900;
        case 'A': case 'B': case 'C': case 'D': case 'E': case 'F': return 2000;
        default: return 0;
    }
}

int two_digits(std::string_view text, std::size_t at) { return (text[at] - '0') * 10 + (text[at + 1] - '0'); }

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap_year(year) ? 29 : days[month - 1];
}

// DDMMYY at `at` names a day that exists in the sign's century.
bool is_real_date(std::string_view text, std::size_t at, int century) {
    const int day = two_digits(text, at), month = two_digits(text, at + 2);
    const int year = century + two_digits(text, at + 4);
    return month >= 1 && month <= 12 && day >= 1 && day <= days_in_month(year, month);
}

// The nine digits DDMMYYNNN as one number.
long date_and_individual_number(std::string_view text, std::size_t at) {
    long number = 0;
    for (std::size_t i = 0; i < date_digits; ++i) number = number * 10 + (text[at + i] - '0');
    for (std::size_t i = date_digits + 1; i < date_digits + 4; ++i) number = number * 10 + (text[at + i] - '0');
    return number;
}

// The 11 bytes at `at` are a code, given that six digits start there after a boundary.
bool is_code_at(std::string_view text, std::size_t at) {
    if (text.size() - at < identity_code_length) return false;
    const int century = century_of(text[at + date_digits]);
    if (century == 0) return false;
    for (std::size_t i = at + date_digits + 1; i < at + date_digits + 4; ++i)
        if (!is_digit(text[i])) return false;
    const std::size_t end = at + identity_code_length;
    if (end < text.size() && is_alphanumeric(text[end])) return false;
    if (!is_real_date(text, at, century)) return false;
    return upper(text[end - 1]) == check_characters[static_cast<std::size_t>(date_and_individual_number(text, at) % 31)];
}

}  // namespace

std::optional<IdentityCodeSpan> find_identity_code(std::string_view text, std::size_t from) {
    std::size_t i = from;
    while (i + identity_code_length <= text.size()) {
        if (!is_digit(text[i])) {
            ++i;
            continue;
        }
        std::size_t run_end = i + 1;
        while (run_end < text.size() && is_digit(text[run_end])) ++run_end;
        const bool starts_a_word = i == 0 || !is_alphanumeric(text[i - 1]);
        if (run_end - i == date_digits && starts_a_word && is_code_at(text, i)) return IdentityCodeSpan{i, identity_code_length};
        i = run_end;
    }
    return std::nullopt;
}

std::vector<IdentityCodeSpan> find_identity_codes(std::string_view text) {
    std::vector<IdentityCodeSpan> found;
    for (auto code = find_identity_code(text); code; code = find_identity_code(text, code->offset + code->length))
        found.push_back(*code);
    return found;
}

std::string mask_identity_codes(std::string_view text, std::string_view replacement) {
    std::string masked;
    std::size_t copied = 0;
    for (auto code = find_identity_code(text); code; code = find_identity_code(text, copied)) {
        masked.append(text.substr(copied, code->offset - copied)).append(replacement);
        copied = code->offset + code->length;
    }
    return masked.append(text.substr(copied));
}

}  // namespace jobcenter
