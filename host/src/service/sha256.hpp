// SHA-256 (FIPS 180-4) of a byte string, as 32 bytes or 64 lowercase hex digits: how token secrets are stored.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace jobcenter {

std::array<std::uint8_t, 32> sha256(std::string_view bytes);
std::string sha256_hex(std::string_view bytes);

// True when both strings are equal, in a time that depends only on their lengths.
bool equal_in_constant_time(std::string_view a, std::string_view b);

}  // namespace jobcenter
