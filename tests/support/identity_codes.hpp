// Building personal identity codes for tests from the published rule, independently of the detector:
// the check character is "0123456789ABCDEFHJKLMNPRSTUVWXY"[DDMMYYNNN mod 31].
#pragma once

#include <string>
#include <string_view>

namespace jobcenter::testing {

inline constexpr std::string_view identity_check_characters = "0123456789ABCDEFHJKLMNPRSTUVWXY";

// The code of date DDMMYY, century sign and individual number NNN, with its right check character.
inline std::string identity_code(std::string_view ddmmyy, char sign, std::string_view individual) {
    const std::string digits = std::string(ddmmyy) + std::string(individual);
    const long number = std::stol(digits);
    return std::string(ddmmyy) + sign + std::string(individual) +
           identity_check_characters[static_cast<std::size_t>(number % 31)];
}

// A check character that is not the right one for `code`.
inline char wrong_check_character(const std::string& code) {
    return code.back() == 'A' ? 'B' : 'A';
}

}  // namespace jobcenter::testing
