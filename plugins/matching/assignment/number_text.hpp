// Whole numbers as the method line writes them: 498,233.
#pragma once

#include <string>

namespace jobcenter::matching {

inline std::string grouped(long long n) {
    const auto digits = std::to_string(n < 0 ? -n : n);
    std::string text = n < 0 ? "-" : "";
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) text += ',';
        text += digits[i];
    }
    return text;
}

}  // namespace jobcenter::matching
