// Host start-up benchmarks: loading the three plugins in process, `jobcenter plugins` in process, the
// whole program started as a process, and the first command on a fresh database (all migrations).
// Run: ./build/jobcenter_bench
#include <benchmark/benchmark.h>

#include <sstream>

#include "application.hpp"
#include "plugin_loader.hpp"
#include "support/test_support.hpp"

namespace {

void BM_LoadThreePlugins(benchmark::State& state) {
    for (auto _ : state) {
        auto set = jobcenter::load_plugins(JOBCENTER_PLUGIN_DIR);
        if (set.plugins.size() != 3) state.SkipWithError("expected three plugins");
        benchmark::DoNotOptimize(set);
    }
}
BENCHMARK(BM_LoadThreePlugins)->Unit(benchmark::kMillisecond);

void BM_PluginsCommandInProcess(benchmark::State& state) {
    for (auto _ : state) {
        std::ostringstream out, err;
        int code = jobcenter::run_application({"--plugins", JOBCENTER_PLUGIN_DIR, "plugins"}, out, err);
        if (code != 0) state.SkipWithError("jobcenter plugins failed");
    }
}
BENCHMARK(BM_PluginsCommandInProcess)->Unit(benchmark::kMillisecond);

void BM_ProcessVersionOnly(benchmark::State& state) {
    for (auto _ : state) {
        auto r = jobcenter::testing::run_program(JOBCENTER_BINARY, {"--version"});
        if (r.exit_code != 0) state.SkipWithError("jobcenter --version failed");
    }
}
BENCHMARK(BM_ProcessVersionOnly)->Unit(benchmark::kMillisecond);

void BM_ProcessPluginsCommand(benchmark::State& state) {
    for (auto _ : state) {
        auto r = jobcenter::testing::run_program(JOBCENTER_BINARY, {"plugins"});
        if (r.exit_code != 0) state.SkipWithError("jobcenter plugins failed");
    }
}
BENCHMARK(BM_ProcessPluginsCommand)->Unit(benchmark::kMillisecond);

void BM_FirstCommandOnFreshDatabase(benchmark::State& state) {
    jobcenter::testing::TempDir dir;
    int n = 0;
    for (auto _ : state) {
        auto db = (dir / ("fresh" + std::to_string(n++) + ".db")).string();
        std::ostringstream out, err;
        int code = jobcenter::run_application({"--db", db, "unit", "list"}, out, err);
        if (code != 0) state.SkipWithError(err.str().c_str());
    }
}
BENCHMARK(BM_FirstCommandOnFreshDatabase)->Unit(benchmark::kMillisecond);

void BM_CommandOnMigratedDatabase(benchmark::State& state) {
    jobcenter::testing::TempDir dir;
    auto db = (dir / "warm.db").string();
    std::ostringstream first_out, first_err;
    jobcenter::run_application({"--db", db, "unit", "list"}, first_out, first_err);
    for (auto _ : state) {
        std::ostringstream out, err;
        int code = jobcenter::run_application({"--db", db, "unit", "list"}, out, err);
        if (code != 0) state.SkipWithError(err.str().c_str());
    }
}
BENCHMARK(BM_CommandOnMigratedDatabase)->Unit(benchmark::kMillisecond);

}  // namespace
