// The entry-time check through the C API in process, as a CRM embedding libjobcenter calls it: jc_call of
// "register.check" with a JSON text and a staff token, against a register of N generated records, from 1 and then
// 2 threads sharing one handle. Prints p50, p99 and the slowest call in milliseconds, and calls per second.
// Run: JOBCENTER_BENCH_RECORDS=1000000 JOBCENTER_BENCH_DB=/tmp/check-1m.db ./build/jobcenter_capi_check_bench
// $JOBCENTER_BENCH_DB is built the first time (as jobcenter_check_bench builds it) and reused after;
// $JOBCENTER_BENCH_CALLS timed calls per run (default 4000), $JOBCENTER_BENCH_WARMUP untimed ones first (100).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <thread>
#include <vector>

#include "check_register.hpp"
#include "host_commands.hpp"
#include "jobcenter/jobcenter.h"
#include "router.hpp"
#include "service/token_store.hpp"
#include "support/test_support.hpp"
#include "terminal_progress.hpp"

namespace {
namespace json = boost::json;
namespace fs = std::filesystem;
using namespace jobcenter;
using Clock = std::chrono::steady_clock;

// The register database: $JOBCENTER_BENCH_DB when it exists, else built there (or in `dir`).
fs::path register_database(const testing::TempDir& dir, const testing::GeneratorOptions& options,
                           const std::vector<testing::GeneratedRecord>& generated) {
    const char* kept = std::getenv("JOBCENTER_BENCH_DB");
    const fs::path db = kept && *kept ? fs::path(kept) : dir / "check.db";
    if (fs::exists(db)) {
        std::cerr << "register reused from " << db << "\n";
        return db;
    }
    SystemClock clock;
    testing::SilentLogger log;
    TerminalProgress progress{false};
    HostPaths paths{db, JOBCENTER_PLUGIN_DIR, JOBCENTER_SOURCE_DIR "/schema", JOBCENTER_SOURCE_DIR "/scripts"};
    CommandRouter router(paths, load_plugins(paths.plugins), clock, log);
    add_host_commands(router);
    bench::build_check_register(router, generated, options, dir / "registers.csv", progress);
    return db;
}

// The service's config: the register, the build's plugins, a staff token of uusix.
fs::path write_config(const testing::TempDir& dir, const fs::path& db, std::string& secret) {
    TokenStore tokens(dir / "tokens");
    secret = tokens.add("crm-uusix", "uusix", Role::staff, "2026-01-15T10:00:00Z").secret;
    const fs::path config = dir / "jobcenter.conf";
    testing::write_file(config, "database = " + db.string() + "\n"
                                "plugins = " JOBCENTER_PLUGIN_DIR "\n"
                                "schema = " JOBCENTER_SOURCE_DIR "/schema\n"
                                "scripts = " JOBCENTER_SOURCE_DIR "/scripts\n"
                                "tokens = " + (dir / "tokens").string() + "\n"
                                "threads = 2\n");
    return config;
}

double percentile(const std::vector<double>& sorted, double q) {
    return sorted.empty() ? 0.0 : sorted[std::min(sorted.size() - 1, static_cast<std::size_t>(q * sorted.size()))];
}

// What a run measured: each call's time in milliseconds (sorted), the run's wall time, the calls that failed.
struct Timings {
    std::vector<double> ms;
    double seconds = 0;
    std::size_t failed = 0;
};

// `calls` checks split over `threads` threads on one handle, each thread taking every threads-th probe.
Timings run(jc_handle* handle, const std::string& secret, const std::vector<std::string>& probes, unsigned threads,
            std::size_t calls) {
    std::vector<std::vector<double>> ms(threads);
    std::vector<std::size_t> failed(threads, 0);
    std::vector<std::thread> pool;
    const auto started = Clock::now();
    for (unsigned t = 0; t < threads; ++t)
        pool.emplace_back([&, t] {
            for (std::size_t i = t; i < calls; i += threads) {
                char* reply = nullptr;
                const auto begin = Clock::now();
                const jc_status status = jc_call(handle, secret.c_str(), "register.check",
                                                 probes[i % probes.size()].c_str(), &reply);
                ms[t].push_back(std::chrono::duration<double, std::milli>(Clock::now() - begin).count());
                if (status != JC_OK) ++failed[t];
                jc_free(reply);
            }
        });
    for (auto& thread : pool) thread.join();
    Timings timings;
    timings.seconds = std::chrono::duration<double>(Clock::now() - started).count();
    for (const auto& part : ms) timings.ms.insert(timings.ms.end(), part.begin(), part.end());
    std::sort(timings.ms.begin(), timings.ms.end());
    for (auto f : failed) timings.failed += f;
    return timings;
}

void print(unsigned threads, const Timings& t) {
    std::printf("%u thread%s: %zu calls, p50 %.2f ms, p99 %.2f ms, max %.2f ms, %.0f calls/s, %zu failed\n", threads,
                threads == 1 ? "" : "s", t.ms.size(), percentile(t.ms, 0.50), percentile(t.ms, 0.99),
                t.ms.empty() ? 0.0 : t.ms.back(), static_cast<double>(t.ms.size()) / t.seconds, t.failed);
}

}  // namespace

int main() {
    testing::TempDir dir;
    const testing::GeneratorOptions options = bench::check_register_options();
    std::vector<std::string> probes;
    std::vector<std::string> warmups;
    fs::path db;
    {
        auto generated = testing::generate_registers(options);
        db = register_database(dir, options, generated);
        for (const auto& probe : bench::check_probes(generated, options)) probes.push_back(json::serialize(probe));
    }
    for (const auto& warmup : bench::warmup_requests(options)) warmups.push_back(json::serialize(warmup));

    std::string secret;
    const fs::path config = write_config(dir, db, secret);
    jc_handle* handle = nullptr;
    char* error = nullptr;
    if (jc_status opened = jc_open(config.c_str(), &handle, &error); opened != JC_OK) {
        std::cerr << "jc_open: " << jc_status_name(opened) << " " << (error ? error : "") << "\n";
        jc_free(error);
        return 1;
    }
    // Both threads' connections warm: the untimed calls run on two threads too.
    run(handle, secret, warmups.empty() ? probes : warmups, 2, warmups.size());
    const char* calls_env = std::getenv("JOBCENTER_BENCH_CALLS");
    const std::size_t calls = calls_env ? std::strtoull(calls_env, nullptr, 10) : 4000;
    std::printf("register of %zu records, %zu probes (half variants of known orderers, half new employers)\n",
                options.records, probes.size());
    for (unsigned threads : {1u, 2u}) print(threads, run(handle, secret, probes, threads, calls));
    jc_close(handle);
    return 0;
}
