// Checking UTF-8 text: decoding one sequence (strictly: no overlong forms, surrogates or code points past
// U+10FFFF) and validating whole strings.
#pragma once

#include <cstddef>
#include <string_view>

namespace jobcenter::utf8_text {

// Length of the UTF-8 sequence starting at text[i] and its code point, or 0 when it is malformed.
std::size_t sequence(std::string_view text, std::size_t i, char32_t& code);

bool is_valid(std::string_view text);

}  // namespace jobcenter::utf8_text
