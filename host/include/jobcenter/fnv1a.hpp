// FNV-1a, 64 bits: the one fingerprint of bytes the project keeps (migration checksums, stored content
// hashes, generated data); stable across platforms and runs. Not a defence against a chosen collision.
#pragma once

#include <cstdint>
#include <string_view>

namespace jobcenter {

class Fnv1a {
public:
    constexpr Fnv1a& add(unsigned char byte) {
        hash_ = (hash_ ^ byte) * prime;
        return *this;
    }
    constexpr Fnv1a& add(std::string_view bytes) {
        for (char c : bytes) add(static_cast<unsigned char>(c));
        return *this;
    }
    constexpr std::uint64_t value() const { return hash_; }

private:
    static constexpr std::uint64_t offset_basis = 0xcbf29ce484222325ULL;
    static constexpr std::uint64_t prime = 0x100000001b3ULL;
    std::uint64_t hash_ = offset_basis;
};

constexpr std::uint64_t fnv1a(std::string_view bytes) { return Fnv1a().add(bytes).value(); }

static_assert(fnv1a("") == 0xcbf29ce484222325ULL && fnv1a("a") == 0xaf63dc4c8601ec8cULL, "FNV-1a test vectors");

}  // namespace jobcenter
