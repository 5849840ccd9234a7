// A pair of record positions (or of clusters) as one number: the smaller in the high half, so that pair keys
// sort as the pairs (smaller, larger) do and hash as one integer.
#pragma once

#include <compare>
#include <cstddef>
#include <cstdint>
#include <functional>

namespace jobcenter::register_plugin {

class PairKey {
public:
    constexpr PairKey() = default;
    // The pair of a and b, given in either order.
    static constexpr PairKey make(std::uint32_t a, std::uint32_t b) { return a < b ? PairKey(a, b) : PairKey(b, a); }
    constexpr std::uint32_t first() const { return static_cast<std::uint32_t>(packed_ >> 32); }  // the smaller
    constexpr std::uint32_t second() const { return static_cast<std::uint32_t>(packed_); }       // the larger
    constexpr std::uint64_t packed() const { return packed_; }
    constexpr auto operator<=>(const PairKey&) const = default;

private:
    constexpr PairKey(std::uint32_t smaller, std::uint32_t larger) : packed_((std::uint64_t{smaller} << 32) | larger) {}
    std::uint64_t packed_ = 0;
};

}  // namespace jobcenter::register_plugin

template <>
struct std::hash<jobcenter::register_plugin::PairKey> {
    std::size_t operator()(const jobcenter::register_plugin::PairKey& key) const noexcept {
        return std::hash<std::uint64_t>{}(key.packed());
    }
};
