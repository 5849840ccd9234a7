// The register and the calls of the entry-time check benchmarks (in process through the router, and through the
// C API): the generated register imported and deduplicated, known orderers as another unit would type them,
// employers not in the register, and the untimed warm-up calls.
#pragma once

#include <boost/json.hpp>
#include <filesystem>
#include <vector>

#include "generator/register_generator.hpp"
#include "jobcenter/context.hpp"

namespace jobcenter {
class CommandRouter;
}

namespace jobcenter::bench {

// The generator's options: $JOBCENTER_BENCH_RECORDS records (default 100000), seed 7.
testing::GeneratorOptions check_register_options();

// Adds the generator's units and imports and deduplicates `generated` through `router` (its CSV written to
// `csv`); says on stderr how long it took.
void build_check_register(CommandRouter& router, const std::vector<testing::GeneratedRecord>& generated,
                          const testing::GeneratorOptions& options, const std::filesystem::path& csv,
                          Progress& progress);

// Up to 500 noisy copies of known orderers of `generated` (the register `options` made), then as many new employers.
std::vector<boost::json::object> check_probes(const std::vector<testing::GeneratedRecord>& generated,
                                              const testing::GeneratorOptions& options);

// $JOBCENTER_BENCH_WARMUP (default 100) checks of other employers than the probes, to run untimed first: a service
// answers calls all day, so the Lua state, the prepared statements and the upper index levels are warm.
std::vector<boost::json::object> warmup_requests(const testing::GeneratorOptions& options);

}  // namespace jobcenter::bench
