// The generator's options and its 10,000-record default sample with seed 7, made once, for the generator's
// tests.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "generator/register_generator.hpp"

namespace jobcenter::testing {

inline GeneratorOptions options_with(std::uint64_t seed, std::size_t records) {
    GeneratorOptions options;
    options.seed = seed;
    options.records = records;
    return options;
}

// The 10,000-record default set with seed 7 (6,000 entities).
inline const std::vector<GeneratedRecord>& sample() {
    static const std::vector<GeneratedRecord> records = generate_registers(options_with(7, 10000));
    return records;
}

}  // namespace jobcenter::testing
