// The register and the calls of the entry-time check benchmarks: the generated register imported and
// deduplicated, known orderers as another unit would type them, new employers, and the untimed warm-up calls.
#include "check_register.hpp"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <iostream>

#include "generator/check_request.hpp"
#include "router.hpp"

namespace jobcenter::bench {
namespace json = boost::json;

testing::GeneratorOptions check_register_options() {
    const char* env = std::getenv("JOBCENTER_BENCH_RECORDS");
    testing::GeneratorOptions options;
    options.records = env ? std::strtoull(env, nullptr, 10) : 100000;
    options.seed = 7;
    return options.as_environment_says();
}

void build_check_register(CommandRouter& router, const std::vector<testing::GeneratedRecord>& generated,
                          const testing::GeneratorOptions& options, const std::filesystem::path& csv,
                          Progress& progress) {
    testing::write_registers_csv(generated, csv, false);
    for (const auto& unit : options.units)
        router.execute({"", Role::admin}, "unit", "add", {{"name", unit}, {"title", unit}, {"organisation", "KUTY"}},
                       progress);
    auto started = std::chrono::steady_clock::now();
    router.execute({"", Role::coordinator}, "register", "import", {{"file", csv.string()}, {"unit_column", "unit"}},
                   progress);
    router.execute({"", Role::coordinator}, "register", "dedupe", {}, progress);
    std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
    std::cerr << "register of " << generated.size() << " records imported and deduplicated in " << took.count()
              << " s\n";
}

std::vector<json::object> check_probes(const std::vector<testing::GeneratedRecord>& generated,
                                       const testing::GeneratorOptions& options) {
    std::vector<json::object> probes;
    const std::size_t step = std::max<std::size_t>(1, generated.size() / 500);
    for (std::size_t i = 0; i < generated.size() && probes.size() < 500; i += step)
        if (generated[i].noise > 0) probes.push_back(testing::check_request(generated[i]));
    testing::GeneratorOptions fresh = options;
    fresh.seed = 99;
    fresh.records = probes.size();
    for (const auto& r : testing::generate_registers(fresh)) probes.push_back(testing::check_request(r));
    return probes;
}

std::vector<json::object> warmup_requests(const testing::GeneratorOptions& options) {
    const char* env = std::getenv("JOBCENTER_BENCH_WARMUP");
    testing::GeneratorOptions others = options;
    others.seed = 123;
    others.records = env ? std::strtoull(env, nullptr, 10) : 100;
    std::vector<json::object> requests;
    if (others.records > 0)
        for (const auto& r : testing::generate_registers(others)) requests.push_back(testing::check_request(r));
    return requests;
}

}  // namespace jobcenter::bench
