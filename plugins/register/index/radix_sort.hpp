// Least-significant-digit radix sort of 64-bit keys, for the register's big in-memory sorts (blocking
// keys, candidate pairs, value-name pairs): a few linear passes instead of a comparison sort of millions.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace jobcenter::register_plugin {

// Sorts `keys`, all below 2^bits, ascending.
inline void radix_sort(std::vector<std::uint64_t>& keys, unsigned bits) {
    constexpr unsigned digit = 11;
    constexpr std::size_t buckets = std::size_t{1} << digit;
    std::vector<std::uint64_t> buffer(keys.size());
    for (unsigned shift = 0; shift < bits; shift += digit) {
        std::vector<std::size_t> start(buckets + 1, 0);
        for (auto k : keys) ++start[((k >> shift) & (buckets - 1)) + 1];
        for (std::size_t b = 0; b < buckets; ++b) start[b + 1] += start[b];
        for (auto k : keys) buffer[start[(k >> shift) & (buckets - 1)]++] = k;
        keys.swap(buffer);
    }
}

// How many bits numbers below `n` take (at least 1, at most 32).
inline unsigned bits_for(std::size_t n) {
    unsigned bits = 1;
    while (bits < 32 && (std::size_t{1} << bits) < n) ++bits;
    return bits;
}

}  // namespace jobcenter::register_plugin
