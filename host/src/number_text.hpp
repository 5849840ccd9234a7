// A double as the shortest text that reads back as the same value ("0.1", "1e+300"): how the host's messages
// and outputs show a number.
#pragma once

#include <charconv>
#include <string>

namespace jobcenter {

inline std::string shortest_number_text(double value) {
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

}  // namespace jobcenter
