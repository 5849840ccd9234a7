// Strict UTF-8 decoding of one sequence, and validation of whole strings built on it.
#include "utf8_text.hpp"

#include <array>

namespace jobcenter::utf8_text {

std::size_t sequence(std::string_view text, std::size_t i, char32_t& code) {
    auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    unsigned char lead = byte(i);
    std::size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
    if (length == 0 || i + length > text.size()) return 0;
    code = length == 1 ? lead : length == 2 ? (lead & 0x1Fu) : length == 3 ? (lead & 0x0Fu) : (lead & 0x07u);
    for (std::size_t k = 1; k < length; ++k) {
        if ((byte(i + k) >> 6) != 0x2) return 0;
        code = (code << 6) | (byte(i + k) & 0x3Fu);
    }
    static constexpr std::array<char32_t, 5> minimum{0, 0, 0x80, 0x800, 0x10000};
    if (code < minimum[length] || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return 0;
    return length;
}

bool is_valid(std::string_view text) {
    char32_t code = 0;
    for (std::size_t i = 0; i < text.size();) {
        std::size_t length = sequence(text, i, code);
        if (length == 0) return false;
        i += length;
    }
    return true;
}

}  // namespace jobcenter::utf8_text
