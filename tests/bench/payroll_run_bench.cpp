// A payroll run at the issue's scale: 100,000 approved gig occurrences (JOBCENTER_BENCH_OCCURRENCES) of 10,000
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

constexpr int occurrences_per_gig = 5;

// Clients, orders, approved gigs and their hours as rows, in one transaction.
void write_work(const fs::path& path, int occurrences, int workers, const std::vector<std::int64_t>& orderers) {
    auto db = Database::open(path);
    Transaction tx(db);
    const std::string profile_tail =
        R"(","wants_paid_work":true,"approved":{"by":"work-coach","on":"2021-01-01"},"consent_y100":"2021-01-01",)"
        R"("skills_recognised":"2021-01-01","income_survey":null,"benefits":[],"skills":[],"work_activity_tasks":[],)"
        R"("interests":[],"work_activity":[],"unavailable":[],"home_postcode":"00100","transport":["walk"],)"
        R"("weekly_hours_max":40,"criminal_record_extract":null,"earnings":[]})";
    auto client = db.prepare("INSERT INTO client(id, unit, name, wants_paid_work, weekly_minutes_max, profile, created_at, "
                             "updated_at) VALUES(?, ?, ?, 1, 2400, ?, '2021-01-01T00:00:00Z', '2021-01-01T00:00:00Z')");
    for (int w = 0; w < workers; ++w) {
        const std::string id = "C-" + std::to_string(100000 + w), unit = w % 2 ? "toolo" : "pakila";
        client.bind_all(id, unit, "Asiakas " + id,
                        R"({"id":")" + id + R"(","unit":")" + unit + R"(","name":"Asiakas )" + id + profile_tail);
        client.run();
    }
    const int gigs = occurrences / occurrences_per_gig;
    const int orders = gigs / 2;  // two workers on each order
    auto order = db.prepare("INSERT INTO work_order(id, orderer_id, orderer_name, task_type, description, start_at, minutes, "
                            "repeat_every_days, repeat_until, seats, contract, status, created_at, updated_at) VALUES(?, ?, "
                            "'orderer', 'office-cleaning', 'work', ?, ?, 7, '2026-03-31', 2, ?, 'open', "
                            "'2021-01-01T00:00:00Z', '2021-01-01T00:00:00Z')");
    auto gig = db.prepare("INSERT INTO gig(id, order_id, client_id, status, created_at, updated_at) VALUES(?, ?, ?, 'approved', "
                          "'2021-01-01T00:00:00Z', '2021-01-01T00:00:00Z')");
    auto hours = db.prepare("INSERT INTO gig_hours(gig_id, on_date, minutes) VALUES(?, ?, ?)");
    const std::vector<std::string> mondays{"2026-01-05", "2026-01-12", "2026-01-19", "2026-01-26", "2026-02-02"};
    std::int64_t gig_id = 0;
    for (int o = 0; o < orders; ++o) {
        const std::string id = "T-" + std::to_string(100000 + o);
        const int minutes = 60 + 15 * (o % 13);
        order.bind_all(id, orderers[static_cast<std::size_t>(o) % orderers.size()], "2026-01-05T10:00", minutes,
                       o % 2 ? "employment" : "commission");
        order.run();
        for (int seat = 0; seat < 2; ++seat) {
            ++gig_id;
            gig.bind_all(gig_id, id, "C-" + std::to_string(100000 + static_cast<int>((gig_id - 1) % workers)));
            gig.run();
            for (const auto& day : mondays) {
                hours.bind_all(gig_id, day, minutes - 5 * static_cast<int>(gig_id % 3));
                hours.run();
            }
        }
    }
    tx.commit();
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
        write_work(base, occurrences, env_int("JOBCENTER_BENCH_WORKERS", 10000), orderers);
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
