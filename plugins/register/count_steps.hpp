// Counts in steps: the counts duplicate finding weighs by (records in the register, records with a name
// word, names sharing a value) rounded down to a step, exact below 8 and then four steps per doubling
// (8, 9, 11, 13, 16, 18, 22, 26, 32, ...). A new record moves the weight of an old pair only when one of
// those counts crosses a step, which an incremental run can find; a weight moves by at most a quarter bit.
#pragma once

#include <cstdint>

namespace jobcenter::register_plugin {

constexpr std::uint64_t count_step(std::uint64_t count) {
    if (count < 8) return count;
    unsigned shift = 0;  // count is in [8 << shift, 16 << shift)
    while ((std::uint64_t{16} << shift) <= count) ++shift;
    constexpr std::uint64_t steps[] = {13, 11, 9, 8};  // 8 x 2^(k/4) rounded down, largest first
    for (auto step : steps)
        if ((step << shift) <= count) return step << shift;
    return std::uint64_t{8} << shift;
}

}  // namespace jobcenter::register_plugin
