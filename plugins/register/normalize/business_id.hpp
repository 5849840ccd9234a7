// Finnish business ID (Y-tunnus): normalising the forms units write it in and validating its check digit.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace jobcenter::register_plugin {

struct BusinessId {
    std::string canonical;  // "1234567-1" when the text could be read as a business ID, else empty
    bool valid = false;     // the check digit is right (never true for remainder 1)
    std::string problem;    // why it is not valid, for the user: "check digit should be 1, not 2"
};

// Reads "1234567-8", "12345678", "FI12345678", "1234567 8" and the old six-digit "123456-7" (padded with a
// leading 0). Text that is not shaped like a business ID gives an empty canonical form and a problem.
BusinessId parse_business_id(std::string_view text);

// The check digit for seven digits, or nullopt when no valid ID has these digits (remainder 1).
std::optional<char> business_id_check_digit(std::string_view seven_digits);

}  // namespace jobcenter::register_plugin
