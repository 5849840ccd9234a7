// The 7-3-1 reference check digit, the business ID's mod-11 check, the IBAN's mod-97 check and the BIC's form.
#include "pricing/exports/payment_codes.hpp"

#include <algorithm>
#include <array>

namespace jobcenter::pricing {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }

}  // namespace

std::optional<std::string> finnish_reference(std::string_view invoice_number) {
    std::string base;
    for (char c : invoice_number)
        if (is_digit(c) && !(base.empty() && c == '0')) base += c;
    if (base.size() < 3 || base.size() > 19) return std::nullopt;
    static constexpr std::array<int, 3> weights{7, 3, 1};
    int sum = 0;
    for (std::size_t i = 0; i < base.size(); ++i) sum += (base[base.size() - 1 - i] - '0') * weights[i % 3];
    return base + static_cast<char>('0' + (10 - sum % 10) % 10);
}

std::string grouped_reference(std::string_view reference) {
    std::string out;
    for (std::size_t i = 0; i < reference.size(); ++i) {
        if (i > 0 && (reference.size() - i) % 5 == 0) out += ' ';
        out += reference[i];
    }
    return out;
}

bool business_id_valid(std::string_view text) {
    if (text.size() != 9 || text[7] != '-' || !is_digit(text[8])) return false;
    if (!std::all_of(text.begin(), text.begin() + 7, is_digit)) return false;
    static constexpr std::array<int, 7> weights{7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (std::size_t i = 0; i < weights.size(); ++i) sum += (text[i] - '0') * weights[i];
    const int check = (11 - sum % 11) % 11;
    return check != 10 && text[8] - '0' == check;
}

bool iban_valid(std::string_view text) {
    if (text.size() < 15 || text.size() > 34 || !is_upper(text[0]) || !is_upper(text[1])) return false;
    if (!is_digit(text[2]) || !is_digit(text[3])) return false;
    // The first four characters moved to the end, each letter read as 10-35, the whole number mod 97 must be 1.
    const std::string rearranged = std::string(text.substr(4)) + std::string(text.substr(0, 4));
    int remainder = 0;
    for (char c : rearranged) {
        if (is_digit(c))
            remainder = (remainder * 10 + (c - '0')) % 97;
        else if (is_upper(c))
            remainder = (remainder * 100 + (c - 'A' + 10)) % 97;
        else
            return false;
    }
    return remainder == 1;
}

bool bic_valid(std::string_view text) {
    if (text.size() != 8 && text.size() != 11) return false;
    if (!std::all_of(text.begin(), text.begin() + 6, is_upper)) return false;
    return std::all_of(text.begin() + 6, text.end(), [](char c) { return is_upper(c) || is_digit(c); });
}

}  // namespace jobcenter::pricing
