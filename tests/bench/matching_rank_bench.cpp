// Matching at scale: generated worker-clients and orders (JOBCENTER_BENCH_CLIENTS, default 10000;
// JOBCENTER_BENCH_ORDERS, default 1000; one week) loaded through the real commands, then
// - BM_RankOneOrder: judge_order (every rule on every client, M.score on each eligible one, the ranking) on
//   data already read, for the generated orders in turn: the figure of "rank 10,000 clients for one order";
// - BM_ScoreOneCandidate: one M.score call with its arguments and checks: the Lua cost per candidate;
// - BM_MatchCommand: the whole `matching match` command in process (reading the clients, the output);
// - BM_AssignWeek: the whole `matching assign --dry-run` over the week's orders; BM_SolveWeek: its solver alone.
// Run: ./build/jobcenter_matching_bench (docs/performance.md gives the targets and figures).
#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>

#include "generator/matching_generator.hpp"
#include "host_commands.hpp"
#include "host_services.hpp"
#include "lua_sandbox.hpp"
#include "matching/assignment/assignment.hpp"
#include "matching/commands/assignment_input.hpp"
#include "matching/commands/judge_order.hpp"
#include "matching/store/order_store.hpp"
#include "router.hpp"
#include "support/test_support.hpp"
#include "terminal_progress.hpp"

namespace {
namespace json = boost::json;
using namespace jobcenter;

int env_int(const char* name, int fallback) {
    const char* v = std::getenv(name);
    return v && *v ? std::atoi(v) : fallback;
}

// The database, loaded once for every benchmark of this program, and an in-process context on it.
struct Bench {
    testing::TempDir dir;
    SystemClock clock;
    testing::SilentLogger log;
    TerminalProgress progress{false};
    std::unique_ptr<CommandRouter> router;
    std::optional<Database> db;
    std::unique_ptr<LuaSandbox> scripts;
    std::unique_ptr<Context> ctx;
    std::vector<matching::Order> orders;
    std::optional<matching::MatchingData> data;

    Bench() {
        ::setenv("JOBCENTER_TIMING", "1", 1);  // assign's result then says where its time went
        testing::MatchingGeneratorOptions options;
        options.seed = 7;
        options.clients = env_int("JOBCENTER_BENCH_CLIENTS", 10000);
        options.orders = env_int("JOBCENTER_BENCH_ORDERS", 1000);
        options.orderers = 300;
        const auto file = dir / "matching.json";
        std::ofstream(file) << json::serialize(testing::generate_matching_data(options));
        std::ofstream(dir / "orderers.csv") << testing::orderers_csv(testing::matching_orderers(options));

        HostPaths paths{dir / "bench.db", JOBCENTER_PLUGIN_DIR, JOBCENTER_SOURCE_DIR "/schema", JOBCENTER_SOURCE_DIR "/scripts"};
        router = std::make_unique<CommandRouter>(paths, load_plugins(paths.plugins), clock, log);
        add_host_commands(*router);
        router->execute({"", Role::admin}, "unit", "add", {{"name", "pakila"}, {"title", "Pakila"}, {"organisation", "KUTY"}}, progress);
        router->execute({"pakila", Role::staff}, "register", "import", {{"file", (dir / "orderers.csv").string()}}, progress);
        const auto started = std::chrono::steady_clock::now();
        router->execute({"", Role::admin}, "matching", "load", {{"file", file.string()}}, progress);
        std::cerr << options.clients << " clients and " << options.orders << " orders loaded in "
                  << std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count() << " s\n";

        db.emplace(Database::open(paths.database));
        scripts = std::make_unique<LuaSandbox>("", paths.scripts);
        ctx = std::make_unique<Context>(*db, Caller{"", Role::coordinator}, *scripts, clock, log, progress, *router);
        orders = matching::read_orders(*db, matching::OrderStatus::open, std::nullopt, std::nullopt);
        data.emplace(matching::load_matching_data(*ctx, "", "bench", "all"));
    }
};

Bench& bench() {
    static Bench instance;
    return instance;
}

void BM_RankOneOrder(benchmark::State& state) {
    Bench& b = bench();
    std::size_t i = 0, candidates = 0, calls = 0;
    for (auto _ : state) {
        const auto j = matching::judge_order(*b.scripts, *b.data, b.orders[i++ % b.orders.size()]);
        candidates += j.candidates.size();
        ++calls;
        benchmark::DoNotOptimize(j);
    }
    state.counters["clients"] = static_cast<double>(b.data->clients.size());
    state.counters["candidates_per_order"] = static_cast<double>(candidates) / static_cast<double>(calls);
}
BENCHMARK(BM_RankOneOrder)->Unit(benchmark::kMillisecond)->Iterations(200);

void BM_ScoreOneCandidate(benchmark::State& state) {
    Bench& b = bench();
    const auto& order = b.orders.front();
    const auto plan = matching::plan_order(order, b.data->wage);
    const auto& client = b.data->clients.front();
    const auto situation = matching::situate_client(client, b.data->organisation_of(client), b.data->gigs_of(client), order.id, b.data->wage);
    const auto frame = matching::scoring_frame(plan, 4.0, 8);
    for (auto _ : state) {
        auto score = matching::score_candidate(*b.scripts, matching::client_features(situation, plan, b.data->areas, 3.0), frame);
        benchmark::DoNotOptimize(score);
    }
}
BENCHMARK(BM_ScoreOneCandidate)->Unit(benchmark::kMicrosecond)->Iterations(20000);

// M.score over 1,000 candidates in one batch (as match and assign call it): the time per candidate.
void BM_ScoreBatchPerCandidate(benchmark::State& state) {
    Bench& b = bench();
    const auto& order = b.orders.front();
    const auto plan = matching::plan_order(order, b.data->wage);
    const auto frame = matching::scoring_frame(plan, 4.0, 8);
    std::vector<matching::ClientSituation> situations;
    for (std::size_t i = 0; i < 1000 && i < b.data->clients.size(); ++i) {
        const auto& c = b.data->clients[i];
        situations.push_back(matching::situate_client(c, b.data->organisation_of(c), b.data->gigs_of(c), order.id, b.data->wage));
    }
    for (auto _ : state) {
        std::vector<matching::ScoringRequest> requests;
        for (const auto& s : situations) requests.push_back({matching::client_features(s, plan, b.data->areas, 3.0), &frame});
        auto scores = matching::score_candidates(*b.scripts, std::move(requests));
        benchmark::DoNotOptimize(scores);
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * situations.size()));
}
BENCHMARK(BM_ScoreBatchPerCandidate)->Unit(benchmark::kMillisecond)->Iterations(50);

void BM_MatchCommand(benchmark::State& state) {
    Bench& b = bench();
    std::size_t i = 0;
    for (auto _ : state) {
        auto result = b.router->execute({"", Role::coordinator}, "matching", "match", {{"order", b.orders[i++ % b.orders.size()].id}}, b.progress);
        benchmark::DoNotOptimize(result);
    }
}
BENCHMARK(BM_MatchCommand)->Unit(benchmark::kMillisecond)->Iterations(20);

// The whole `matching assign --dry-run` over the generated week: 1,000 orders, 3,000 seats, 10,000 clients.
void BM_AssignWeek(benchmark::State& state) {
    Bench& b = bench();
    json::value result;
    for (auto _ : state)
        result = b.router->execute({"", Role::coordinator}, "matching", "assign",
                                   {{"from", "2026-02-02"}, {"to", "2026-02-08"}, {"dry_run", true}}, b.progress);
    const auto& q = result.at("quality");
    for (const char* key : {"seats_filled", "seat_upper_bound", "total_score", "score_upper_bound", "gap", "judging_seconds",
                            "scoring_seconds", "solving_seconds"})
        state.counters[key] = q.at(key).to_number<double>();
    state.counters["pairs_scored"] = q.at("pairs_scored").to_number<double>();
    std::cerr << "assign: " << q.at("status").as_string() << "; " << q.at("method").as_string() << "\n";
}
BENCHMARK(BM_AssignWeek)->Unit(benchmark::kMillisecond)->Iterations(3);

// The solver alone on the week's real problem (rules and scores computed once): $JOBCENTER_ASSIGN_SECONDS
// (default 2) as its time limit.
void BM_SolveWeek(benchmark::State& state) {
    Bench& b = bench();
    static const matching::AssignmentInput input = matching::build_assignment_input(*b.scripts, *b.data, b.orders);
    const char* limit = std::getenv("JOBCENTER_ASSIGN_SECONDS");
    const matching::AssignmentLimits limits{.time_limit_seconds = limit ? std::atof(limit) : 2.0};
    matching::AssignmentResult result;
    for (auto _ : state) result = matching::solve_assignment(input.problem, limits);
    state.counters["arcs"] = static_cast<double>(input.problem.arcs.size());
    state.counters["seats_filled"] = result.seats_filled;
    state.counters["total_score"] = result.total_score;
    state.counters["score_upper_bound"] = result.score_upper_bound;
    state.counters["gap"] = result.gap;
    std::cerr << "solve: " << matching::solve_status_name(result.status) << "; " << result.method << "\n";
}
BENCHMARK(BM_SolveWeek)->Unit(benchmark::kMillisecond)->Iterations(2);

}  // namespace
