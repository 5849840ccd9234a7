// Property tests of the payroll engine over a few hundred seeded random runs (gigs, hours, contracts, days
// from 2022 to 2026, unit coefficients, discounts, tax cards, pay dates): no cent is lost or created, every
// reconciliation holds, a second run over the same work pays nothing, a correction then a run pays exactly the
// difference, and the same input gives byte-identical output.
#include <gtest/gtest.h>

#include <random>

#include "pricing/payroll/payroll_engine.hpp"
#include "pricing/payroll/payroll_json.hpp"
#include "pricing/payroll/payroll_invoices.hpp"
#include "pricing/support/engine_input.hpp"

namespace jobcenter::testing {
namespace {
using pricing::Contract;

constexpr int cases = 300;

// A random run's input: up to 60 occurrences of up to 10 orders, 8 clients in 2 units, 4 orderers.
void fill_random(EngineInput& e, std::mt19937_64& rng) {
    auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
    const std::vector<std::string> units{"pakila", "toolo"};
    for (const auto& unit : units)
        for (Contract c : {Contract::commission, Contract::employment})
            if (pick(0, 2) == 0) e.unit_coefficients[{unit, c}] = Decimal::from_micros(pick(100, 300) * 10'000);
    const int clients = pick(1, 8);
    for (int c = 0; c < clients; ++c) {
        std::vector<std::string> benefits;
        if (pick(0, 9) == 0) benefits.push_back("labour-market-subsidy");
        e.add_client("C-" + std::to_string(c), units[static_cast<std::size_t>(pick(0, 1))], benefits);
        if (pick(0, 1) == 0) e.input.tax_cards["C-" + std::to_string(c)] = Decimal::from_micros(pick(0, 600) * 100'000);
    }
    const std::vector<Decimal> discounts{Decimal{}, Decimal::parse("5"), Decimal::parse("12.5"), Decimal::parse("30")};
    const int orders = pick(1, 10);
    std::int64_t gig = 0;
    for (int o = 0; o < orders; ++o) {
        const Contract contract = pick(0, 1) ? Contract::employment : Contract::commission;
        const std::string start = pricing::add_days("2022-01-01", pick(0, 365 * 5 - 40));
        const Decimal discount = discounts[static_cast<std::size_t>(pick(0, 3))];
        const std::int64_t orderer = pick(1, 4);
        for (int g = pick(1, 3); g > 0; --g) {
            const std::string client = "C-" + std::to_string(pick(0, clients - 1));
            ++gig;
            for (int week = pick(1, 4) - 1; week >= 0; --week)
                e.add(gig, pricing::add_days(start, 7 * week), pick(0, 600), contract, client, "T-" + std::to_string(o),
                      orderer, discount);
        }
    }
    e.input.pay_date = pricing::add_days("2022-02-01", pick(0, 365 * 5));
    e.sort();
}

std::string output_of(const pricing::PayrollRunResult& run) {
    return boost::json::serialize(pricing::lines_json(run)) + boost::json::serialize(pricing::workers_json(run.workers)) +
           boost::json::serialize(pricing::invoices_json(run.invoices)) + boost::json::serialize(pricing::totals_json(run)) +
           boost::json::serialize(pricing::proof_json(run.proof)) + boost::json::serialize(pricing::held_json(run.held));
}

// What a run paid per occurrence, as paid_so_far() reads it back from the tables.
void record_paid(pricing::PayrollInput& input, const pricing::PayrollRunResult& run) {
    for (const auto& line : run.lines) {
        auto& paid = input.paid[line.occurrence->key()];
        paid.amounts += line.amounts;
        ++paid.lines;
    }
}

// Runs `check(input, rng, seed)` on each seeded random run's input; `rng` goes on from where the input left it.
template <class Check>
void for_each_case(Check check) {
    for (int seed = 0; seed < cases; ++seed) {
        std::mt19937_64 rng(static_cast<std::uint64_t>(seed));
        EngineInput e;
        fill_random(e, rng);
        check(e, rng, seed);
    }
}

void expect_no_cent_lost(const pricing::PayrollRunResult& run, int seed) {
    EXPECT_TRUE(run.proof_holds()) << "seed " << seed;
    pricing::LineSums lines;
    for (const auto& line : run.lines) {
        const auto& a = line.amounts;
        EXPECT_EQ(a.net, a.amount - a.discount) << "seed " << seed;
        EXPECT_EQ(a.net, a.pay + a.side_costs + a.service_costs) << "seed " << seed;
        EXPECT_EQ(a.gross, a.net + a.vat) << "seed " << seed;
        lines += a;
    }
    Money invoiced, rates, wages, withheld_and_paid, worker_gross;
    for (const auto& invoice : run.invoices) {
        invoiced += invoice.gross;
        for (const auto& r : invoice.vat_totals) rates += r.gross;
    }
    for (const auto& w : run.workers) {
        wages += w.wages;
        withheld_and_paid += w.tax_withheld + w.employee_tyel + w.employee_unemployment + w.net_paid;
        worker_gross += w.gross;
    }
    EXPECT_EQ(invoiced, lines.gross) << "seed " << seed;
    EXPECT_EQ(rates, lines.gross) << "seed " << seed;
    EXPECT_EQ(wages, lines.pay) << "seed " << seed;
    EXPECT_EQ(withheld_and_paid, worker_gross) << "seed " << seed;
}

TEST(PayrollProperties, NoCentLostAndEveryReconciliationHolds) {
    for_each_case([](EngineInput& e, std::mt19937_64&, int seed) {
        const auto run = pricing::compute_payroll(e.input);
        expect_no_cent_lost(run, seed);
        for (const auto& line : run.lines) {
            const auto& client = e.input.clients.at(line.occurrence->client_id);
            const bool on_subsidy = !client.benefits.empty();
            EXPECT_FALSE(on_subsidy && line.occurrence->contract == Contract::commission) << "seed " << seed;
        }
    });
}

TEST(PayrollProperties, ASecondRunPaysNothing) {
    for_each_case([](EngineInput& e, std::mt19937_64&, int seed) {
        const auto first = pricing::compute_payroll(e.input);
        record_paid(e.input, first);
        const auto second = pricing::compute_payroll(e.input);
        EXPECT_TRUE(second.lines.empty()) << "seed " << seed;
        EXPECT_EQ(second.held.size(), first.held.size()) << "seed " << seed;
    });
}

TEST(PayrollProperties, ACorrectionThenARunPaysExactlyTheDifference) {
    for_each_case([](EngineInput& e, std::mt19937_64& rng, int seed) {
        const auto first = pricing::compute_payroll(e.input);
        record_paid(e.input, first);
        for (auto& o : e.input.occurrences)
            if (std::uniform_int_distribution<int>(0, 2)(rng) == 0) o.minutes = std::uniform_int_distribution<int>(0, 600)(rng);
        const auto second = pricing::compute_payroll(e.input);
        expect_no_cent_lost(second, seed);

        // Every occurrence's lines over both runs add up to its price now, field by field.
        std::map<pricing::OccurrenceKey, pricing::LineSums> paid;
        for (const auto& [key, so_far] : e.input.paid) paid[key] = so_far.amounts;
        for (const auto& line : second.lines) paid[line.occurrence->key()] += line.amounts;
        e.input.paid.clear();
        const auto now = pricing::compute_payroll(e.input);
        std::map<pricing::OccurrenceKey, pricing::LineSums> priced;
        for (const auto& line : now.lines) priced[line.occurrence->key()] = line.amounts;
        for (const auto& [key, amounts] : priced) EXPECT_EQ(paid[key], amounts) << "seed " << seed << ", gig " << key.gig;
        for (const auto& [key, amounts] : paid)
            if (!priced.contains(key) && amounts.minutes == 0) {
                EXPECT_EQ(amounts, pricing::LineSums{}) << "seed " << seed;
            }
    });
}

TEST(PayrollProperties, TheSameInputGivesByteIdenticalOutput) {
    for (int seed = 0; seed < cases; ++seed) {
        std::mt19937_64 a(static_cast<std::uint64_t>(seed)), b(static_cast<std::uint64_t>(seed));
        EngineInput first, second;
        fill_random(first, a);
        fill_random(second, b);
        EXPECT_EQ(output_of(pricing::compute_payroll(first.input)), output_of(pricing::compute_payroll(second.input)))
            << "seed " << seed;
    }
}

}  // namespace
}  // namespace jobcenter::testing
