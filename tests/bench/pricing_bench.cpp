// Pricing at scale: 1,000,000 gig occurrences (JOBCENTER_BENCH_OCCURRENCES) of 50,000 orders over five units and
// three years (both VAT rates), each priced with its unit's Lua coefficient and discount (a unit script that sets
// both) through UnitTerms and price_work(), the functions quotes and payroll runs use, and summed per VAT rate.
// Run: ./build/jobcenter_pricing_bench (docs/performance.md gives the target and figures).
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <random>

#include "lua_sandbox.hpp"
#include "migrations.hpp"
#include "pricing/prices/line_totals.hpp"
#include "pricing/prices/unit_terms.hpp"
#include "support/test_support.hpp"

namespace {
namespace json = boost::json;
using namespace jobcenter;
using namespace jobcenter::pricing;

int env_int(const char* name, int fallback) {
    const char* v = std::getenv(name);
    return v && *v ? std::atoi(v) : fallback;
}

struct Occurrence {
    int unit = 0;
    int order = 0;
    WorkItem work;
};

struct Bench {
    static constexpr int units = 5, orders = 50'000;
    testing::TempDir dir;
    std::optional<Database> db;
    std::optional<FigureBook> figures;
    std::vector<std::unique_ptr<LuaSandbox>> scripts;
    std::vector<json::object> order_objects;
    std::vector<Occurrence> occurrences;

    Bench() {
        db.emplace(Database::open(":memory:"));
        apply_migrations(*db, JOBCENTER_SOURCE_DIR "/schema/pricing", "pricing");
        figures.emplace(FigureBook::load(*db));
        const auto root = dir.path() / "scripts";
        testing::write_file(root / "defaults/pricing.lua",
                            testing::read_file(std::filesystem::path(JOBCENTER_SOURCE_DIR) / "scripts/defaults/pricing.lua"));
        for (int u = 0; u < units; ++u) {
            const std::string unit = "unit" + std::to_string(u);
            testing::write_file(root / "units" / unit / "pricing.lua",
                                "local M = defaults()\n"
                                "function M.coefficient(contract, date, standard)\n"
                                "  if contract == 'commission' and date >= '2026-01-01' then return '1.4" + std::to_string(u) + "' end\n"
                                "  return standard\n"
                                "end\n"
                                "function M.discount(order, context)\n"
                                "  local hours = tonumber(order.hours_total)\n"
                                "  if hours >= 100 then return 10 elseif hours >= 40 then return 5 end\n"
                                "  return 0\n"
                                "end\n"
                                "return M\n");
            scripts.push_back(std::make_unique<LuaSandbox>(unit, root));
        }
        std::mt19937_64 random(18);
        for (int o = 0; o < orders; ++o) {
            const int seats = 1 + static_cast<int>(random() % 4), occurrences_of_order = 1 + static_cast<int>(random() % 39);
            order_objects.push_back(json::object{{"id", "T-" + std::to_string(o)},
                                                 {"contract", random() % 5 == 0 ? "employment" : "commission"},
                                                 {"seats", seats},
                                                 {"occurrences", occurrences_of_order},
                                                 {"hours_total", std::to_string(2 * seats * occurrences_of_order)}});
        }
        const int wanted = env_int("JOBCENTER_BENCH_OCCURRENCES", 1'000'000);
        const std::int64_t first_day = 19'723;  // 2024-01-01 as days since 1970-01-01
        for (int i = 0; i < wanted; ++i) {
            const int order = static_cast<int>(random() % orders);
            const auto day = std::chrono::sys_days{std::chrono::days{first_day + static_cast<std::int64_t>(random() % 1096)}};
            const std::chrono::year_month_day ymd{day};
            char date[32];  // room for any int the compiler cannot rule out
            std::snprintf(date, sizeof date, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                          static_cast<unsigned>(ymd.day()));
            const Contract contract = order_objects[static_cast<std::size_t>(order)].at("contract").as_string() == "employment"
                                          ? Contract::employment
                                          : Contract::commission;
            occurrences.push_back(Occurrence{order % units, order, WorkItem{date, contract, 30 + static_cast<std::int64_t>(random() % 8) * 15}});
        }
    }
};

Bench& bench() {
    static Bench instance;
    return instance;
}

// Every occurrence priced with its unit's coefficient (asked once per contract and day) and its order's discount
// (asked once per order, in one batch of script calls per unit), and the lines summed per VAT rate.
void BM_PriceOccurrences(benchmark::State& state) {
    auto& b = bench();
    for (auto _ : state) {
        std::vector<std::unique_ptr<UnitTerms>> terms;
        for (auto& s : b.scripts) terms.push_back(std::make_unique<UnitTerms>(*s, *b.figures));
        // The orders each unit prices, then their discounts, one batch per unit.
        std::vector<Decimal> discounts(b.order_objects.size());
        std::vector<std::vector<int>> orders_of_unit(Bench::units);
        std::vector<char> seen(b.order_objects.size(), 0);
        for (const auto& o : b.occurrences)
            if (!seen[static_cast<std::size_t>(o.order)]++) orders_of_unit[static_cast<std::size_t>(o.unit)].push_back(o.order);
        for (int u = 0; u < Bench::units; ++u) {
            std::vector<json::array> calls;
            for (int order : orders_of_unit[static_cast<std::size_t>(u)])
                calls.push_back(json::array{b.order_objects[static_cast<std::size_t>(order)],
                                            json::object{{"unit", "unit" + std::to_string(u)}, {"date", "2026-01-15"}}});
            const auto found = terms[static_cast<std::size_t>(u)]->discounts(calls);
            for (std::size_t i = 0; i < found.size(); ++i)
                discounts[static_cast<std::size_t>(orders_of_unit[static_cast<std::size_t>(u)][i])] = found[i];
        }
        LineTotals totals;
        for (const auto& o : b.occurrences) {
            UnitTerms& unit = *terms[static_cast<std::size_t>(o.unit)];
            totals.add(price_work(unit.rates(o.work.contract, o.work.date), o.work, discounts[static_cast<std::size_t>(o.order)]));
        }
        benchmark::DoNotOptimize(totals);
        state.counters["net_eur"] = static_cast<double>(totals.all.net.cents()) / 100.0;
        state.counters["vat_rates"] = static_cast<double>(totals.by_vat_rate.size());
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * b.occurrences.size()));
}
BENCHMARK(BM_PriceOccurrences)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace
