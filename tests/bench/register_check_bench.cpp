// The entry-time check at scale: `register.check` called in process (as a CRM would through the host)
// against a register of N generated records, imported and deduplicated first. Reports the 50th and
// 99th percentile and the slowest call in milliseconds. N: $JOBCENTER_BENCH_RECORDS (default 100000;
// docs/performance.md gives the target).
// Run: JOBCENTER_BENCH_RECORDS=1000000 ./build/jobcenter_check_bench (JOBCENTER_BENCH_WARMUP=0: no warm-up)
// $JOBCENTER_BENCH_DB names a database to keep between runs: built the first time, reused after (it must
// have been built with the same record count).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "generator/check_request.hpp"
#include "generator/register_generator.hpp"
#include "host_commands.hpp"
#include "host_services.hpp"
#include "router.hpp"
#include "support/test_support.hpp"
#include "terminal_progress.hpp"

namespace {
namespace json = boost::json;
using namespace jobcenter;

// One register, built once for every benchmark of this program.
struct Register {
    testing::TempDir dir;
    SystemClock clock;
    testing::SilentLogger log;
    TerminalProgress progress{false};
    std::unique_ptr<CommandRouter> router;
    std::vector<json::object> probes;  // check requests: half variants of known orderers, half new employers

    Register() {
        const char* env = std::getenv("JOBCENTER_BENCH_RECORDS");
        const std::size_t records = env ? std::strtoull(env, nullptr, 10) : 100000;
        testing::GeneratorOptions options;
        options.records = records;
        options.seed = 7;
        auto generated = testing::generate_registers(options);

        const char* kept_db = std::getenv("JOBCENTER_BENCH_DB");
        const std::filesystem::path db = kept_db && *kept_db ? std::filesystem::path(kept_db) : dir / "check.db";
        const bool reuse = std::filesystem::exists(db);
        HostPaths paths{db, JOBCENTER_PLUGIN_DIR, JOBCENTER_SOURCE_DIR "/schema", JOBCENTER_SOURCE_DIR "/scripts"};
        router = std::make_unique<CommandRouter>(paths, load_plugins(paths.plugins), clock, log);
        add_host_commands(*router);
        if (reuse) {
            std::cerr << "register reused from " << db << "\n";
        } else {
            testing::write_registers_csv(generated, dir / "registers.csv", false);
            for (const auto& unit : options.units)
                router->execute({"", Role::admin}, "unit", "add",
                                {{"name", unit}, {"title", unit}, {"organisation", "KUTY"}}, progress);
            auto started = std::chrono::steady_clock::now();
            router->execute({"", Role::coordinator}, "register", "import",
                            {{"file", (dir / "registers.csv").string()}, {"unit_column", "unit"}}, progress);
            router->execute({"", Role::coordinator}, "register", "dedupe", {}, progress);
            std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
            std::cerr << "register of " << records << " records imported and deduplicated in " << took.count() << " s\n";
        }

        // Known orderers as another unit would type them (their noisy copies), and employers not in the register.
        for (std::size_t i = 0; i < generated.size() && probes.size() < 500; i += std::max<std::size_t>(1, generated.size() / 500))
            if (generated[i].noise > 0) probes.push_back(request(generated[i]));
        testing::GeneratorOptions fresh = options;
        fresh.seed = 99;
        fresh.records = probes.size();
        for (const auto& r : testing::generate_registers(fresh)) probes.push_back(request(r));
        // The generated register's millions of small strings are freed here, before the warm-up: else the
        // first timed call's first large allocation pays for the allocator tidying them.
        std::vector<testing::GeneratedRecord>().swap(generated);

        // A service answers calls all day: before the timed calls, $JOBCENTER_BENCH_WARMUP (default 100)
        // untimed checks of other employers (not the probes) warm the Lua state, the prepared statements
        // and the upper levels of the indexes, as earlier calls would have.
        const char* warm_env = std::getenv("JOBCENTER_BENCH_WARMUP");
        testing::GeneratorOptions others = options;
        others.seed = 123;
        others.records = warm_env ? std::strtoull(warm_env, nullptr, 10) : 100;
        if (others.records > 0)
            for (const auto& r : testing::generate_registers(others))
                router->execute({"uusix", Role::staff}, "register", "check", request(r), progress);
    }

    static json::object request(const testing::GeneratedRecord& r) { return testing::check_request(r); }
};

Register& shared_register() {
    static Register instance;
    return instance;
}

void BM_EntryTimeCheck(benchmark::State& state) {
    Register& reg = shared_register();
    std::vector<double> ms;
    std::vector<std::pair<double, std::size_t>> slowest;  // (ms, probe)
    std::size_t i = 0;
    for (auto _ : state) {
        const std::size_t which = i++ % reg.probes.size();
        auto start = std::chrono::steady_clock::now();
        auto result = reg.router->execute({"uusix", Role::staff}, "register", "check", reg.probes[which], reg.progress);
        std::chrono::duration<double, std::milli> took = std::chrono::steady_clock::now() - start;
        ms.push_back(took.count());
        slowest.emplace_back(took.count(), which);
        benchmark::DoNotOptimize(result);
    }
    std::sort(slowest.rbegin(), slowest.rend());
    for (std::size_t k = 0; k < slowest.size() && k < 5; ++k)
        std::cerr << "slow: " << slowest[k].first << " ms " << json::serialize(reg.probes[slowest[k].second]) << "\n";
    std::sort(ms.begin(), ms.end());
    auto at = [&ms](double q) { return ms.empty() ? 0.0 : ms[std::min(ms.size() - 1, static_cast<std::size_t>(q * ms.size()))]; };
    state.counters["p50_ms"] = at(0.50);
    state.counters["p99_ms"] = at(0.99);
    state.counters["max_ms"] = ms.empty() ? 0.0 : ms.back();
}
BENCHMARK(BM_EntryTimeCheck)->Unit(benchmark::kMillisecond)->Iterations(2000);

}  // namespace
