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

// The step of the register's size that name-word weights are computed with (log2(1 + size / records with
// the word)). A register of fewer than 1,024 records weighs as one of 1,024: so few records say little about
// how common a word is in the city, and every record added to a small register would move every weight.
constexpr std::uint64_t smallest_weighed_size = 1024;
constexpr std::uint64_t register_size_step(std::uint64_t records) {
    return count_step(records < smallest_weighed_size ? smallest_weighed_size : records);
}

}  // namespace jobcenter::register_plugin
