// A payroll run at the scale: 100,000 approved gig occurrences (JOBCENTER_BENCH_OCCURRENCES) of 10,000
// workers in two units on 10,000 orders of 2,000 orderers, half commission and half employment, written straight
// into the matching tables; then `pricing payroll run` through the host's router as the command line runs it (the
// role check, the write lock, the transaction, the real matching.gig-worked it calls, the commit), on a fresh copy
// of that database each time, with its phases (read, price, write) as counters.
// Run: ./build/jobcenter_payroll_bench (docs/pricing-payroll.md).
#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "generator/matching_generator.hpp"
#include "host_commands.hpp"
#include "host_services.hpp"
#include "pricing/support/approved_work_rows.hpp"
#include "router.hpp"
#include "support/test_support.hpp"
#include "terminal_progress.hpp"

namespace {
namespace fs = std::filesystem;
namespace json = boost::json;
using namespace jobcenter;

int env_int(const char* name, int fallback) {
    const char* v = std::getenv(name);
    return v && *v ? std::atoi(v) : fallback;
}

// The database the runs start from, made once: two units, the orderers imported into the register, the work.
struct PayrollBenchData {
    testing::TempDir dir;
    fs::path base = dir / "base.db";
    int occurrences = env_int("JOBCENTER_BENCH_OCCURRENCES", 100000);

    PayrollBenchData() {
        SystemClock clock;
        testing::SilentLogger log;
        TerminalProgress progress{false};
        testing::MatchingGeneratorOptions options;
        options.orderers = env_int("JOBCENTER_BENCH_ORDERERS", 2000);
        std::ofstream(dir / "orderers.csv") << testing::orderers_csv(testing::matching_orderers(options));
        HostPaths paths{base, JOBCENTER_PLUGIN_DIR, JOBCENTER_SOURCE_DIR "/schema", JOBCENTER_SOURCE_DIR "/scripts"};
        CommandRouter router(paths, load_plugins(paths.plugins), clock, log);
        add_host_commands(router);
        router.execute({"", Role::admin}, "unit", "add", {{"name", "pakila"}, {"title", "Pakila"}, {"organisation", "KUTY"}}, progress);
        router.execute({"", Role::admin}, "unit", "add", {{"name", "toolo"}, {"title", "Töölö"}, {"organisation", "VATTI"}}, progress);
        router.execute({"pakila", Role::staff}, "register", "import", {{"file", (dir / "orderers.csv").string()}}, progress);
        std::vector<std::int64_t> orderers;
        {
            auto db = Database::open(base);
            auto q = db.prepare("SELECT id FROM orderer WHERE merged_into IS NULL ORDER BY id");
            while (q.step()) orderers.push_back(q.get_int(0));
        }
        const auto started = std::chrono::steady_clock::now();
        testing::write_approved_work(base, occurrences, env_int("JOBCENTER_BENCH_WORKERS", 10000), orderers);
        std::cerr << occurrences << " occurrences of " << orderers.size() << " orderers written in "
                  << std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count() << " s\n";
        Database::open(base).exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
};

void BM_PayrollRun(benchmark::State& state) {
    static PayrollBenchData data;
    ::setenv("JOBCENTER_TIMING", "1", 1);
    double read = 0, price = 0, write = 0;
    std::size_t lines = 0, invoices = 0, workers = 0;
    int runs = 0;
    for (auto _ : state) {
        state.PauseTiming();
        const fs::path db = data.dir / "run.db";
        for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db.string() + suffix);
        fs::copy_file(data.base, db);
        SystemClock clock;
        testing::SilentLogger log;
        TerminalProgress progress{false};
        HostPaths paths{db, JOBCENTER_PLUGIN_DIR, JOBCENTER_SOURCE_DIR "/schema", JOBCENTER_SOURCE_DIR "/scripts"};
        CommandRouter router(paths, load_plugins(paths.plugins), clock, log);
        router.database();  // opened and migrated before the clock starts, as the command line does before a command
        state.ResumeTiming();

        const json::value out = router.execute({"", Role::coordinator}, "pricing", "payroll-run",
                                               {{"from", "2026-01-01"}, {"to", "2026-03-31"}, {"pay_date", "2026-04-15"}},
                                               progress);

        state.PauseTiming();
        const auto& phases = out.at("phases");
        read += phases.at("read_seconds").as_double();
        price += phases.at("price_seconds").as_double();
        write += phases.at("write_seconds").as_double();
        lines = out.at("lines").as_array().size();
        invoices = out.at("invoices").as_array().size();
        workers = out.at("workers").as_array().size();
        ++runs;
        state.ResumeTiming();
    }
    state.counters["read_s"] = read / runs;
    state.counters["price_s"] = price / runs;
    state.counters["write_s"] = write / runs;
    state.counters["lines"] = static_cast<double>(lines);
    state.counters["invoices"] = static_cast<double>(invoices);
    state.counters["workers"] = static_cast<double>(workers);
}
BENCHMARK(BM_PayrollRun)->Unit(benchmark::kSecond)->Iterations(3)->UseRealTime();

}  // namespace
