// Unit tests of the payroll engine on inputs built by hand: the known prices on a run's lines and invoices,
// adjustments, held work, a worker's withholding and contributions on the pay date's figures, invoice numbers
// and due dates, and the coverage lines.
#include <gtest/gtest.h>

#include "pricing/payroll/cost_coverage.hpp"
#include "pricing/payroll/payroll_engine.hpp"
#include "pricing/payroll/payroll_invoices.hpp"
#include "pricing/support/engine_input.hpp"

namespace jobcenter::testing {
namespace {
using pricing::Contract;
using pricing::LineKind;

TEST(PayrollEngine, KnownPricesOnLinesAndInvoices) {
    EngineInput e;
    e.add_client("C-1", "pakila");
    e.add(1, "2022-06-01", 60, Contract::commission, "C-1", "K-22", 1);
    e.add(2, "2022-06-01", 60, Contract::employment, "C-1", "E-22", 2);
    e.add(3, "2025-01-15", 60, Contract::commission, "C-1", "K-25", 3);
    const auto run = pricing::compute_payroll(e.input);
    ASSERT_EQ(run.invoices.size(), 3u);
    EXPECT_EQ(run.invoices[0].net.to_string(), "14.50");
    EXPECT_EQ(run.invoices[0].vat.to_string(), "3.48");
    EXPECT_EQ(run.invoices[0].gross.to_string(), "17.98");
    EXPECT_EQ(run.invoices[1].net.to_string(), "20.00");
    EXPECT_EQ(run.invoices[1].vat.to_string(), "4.80");
    EXPECT_EQ(run.invoices[1].gross.to_string(), "24.80");
    EXPECT_EQ(run.invoices[2].vat.to_string(), "3.70");
    EXPECT_EQ(run.invoices[2].gross.to_string(), "18.20");
    EXPECT_TRUE(run.proof_holds());
    // Commission work carries no side costs: its net is pay and service costs only.
    EXPECT_EQ(run.lines[0].amounts.side_costs.cents(), 0);
    EXPECT_EQ(run.lines[0].amounts.service_costs.to_string(), "4.50");
    EXPECT_EQ(run.lines[1].amounts.side_costs.to_string(), "5.50");
}

TEST(PayrollEngine, AnAdjustmentIsThePriceNowLessWhatWasPaid) {
    EngineInput e;
    e.add_client("C-1", "pakila");
    e.add(1, "2026-01-05", 100, Contract::employment, "C-1", "T-1", 1, Decimal::parse("12.5"));
    e.add(2, "2026-01-05", 60, Contract::employment, "C-1", "T-1", 1, Decimal::parse("12.5"));
    const auto first = pricing::compute_payroll(e.input);
    ASSERT_EQ(first.lines.size(), 2u);
    // Gig 1 was paid for 100 minutes; it is now 37. Gig 2 is paid in full.
    e.input.paid[{1, "2026-01-05"}] = {first.lines[0].amounts, 1};
    e.input.paid[{2, "2026-01-05"}] = {first.lines[1].amounts, 1};
    e.input.occurrences[0].minutes = 37;
    const auto second = pricing::compute_payroll(e.input);
    ASSERT_EQ(second.lines.size(), 1u);
    const auto& adjustment = second.lines[0];
    EXPECT_EQ(adjustment.kind, LineKind::adjustment);
    EXPECT_EQ(adjustment.amounts.minutes, -63);
    EXPECT_LT(adjustment.amounts.net.cents(), 0);

    e.input.paid.clear();
    const auto now = pricing::compute_payroll(e.input);
    pricing::LineSums total = first.lines[0].amounts;
    total += adjustment.amounts;
    EXPECT_EQ(total, now.lines[0].amounts);
    EXPECT_TRUE(second.proof_holds());
}

TEST(PayrollEngine, CommissionWorkOfAClientOnAnUnemploymentBenefitIsHeld) {
    EngineInput e;
    e.add_client("C-1", "pakila", {"disability-pension", "earnings-related-unemployment-allowance"});
    e.add(1, "2026-01-05", 60, Contract::commission, "C-1", "K-1", 1);
    e.add(2, "2026-01-06", 60, Contract::employment, "C-1", "E-1", 1);
    const auto run = pricing::compute_payroll(e.input);
    ASSERT_EQ(run.lines.size(), 1u);
    EXPECT_EQ(run.lines[0].occurrence->gig, 2);
    ASSERT_EQ(run.held.size(), 1u);
    EXPECT_EQ(run.held[0].minutes, 60);
    EXPECT_NE(run.held[0].reason.find("earnings-related-unemployment-allowance"), std::string::npos);
}

TEST(PayrollEngine, WithholdingAndContributionsFollowThePayDate) {
    // Ten hours of employment work in December 2025, paid in January 2026: the 2026 rates apply.
    EngineInput e("2026-01-15");
    e.add_client("C-1", "pakila");
    e.add_client("C-2", "pakila");
    e.input.tax_cards["C-1"] = Decimal::parse("20");
    e.add(1, "2025-12-15", 600, Contract::employment, "C-1", "E-1", 1);
    e.add(2, "2025-12-15", 600, Contract::commission, "C-2", "K-1", 1);
    const auto run = pricing::compute_payroll(e.input);
    ASSERT_EQ(run.workers.size(), 2u);
    const auto& employed = run.workers[0];
    EXPECT_EQ(employed.wages.to_string(), "100.00");
    EXPECT_EQ(employed.holiday_compensation.to_string(), "9.00");
    EXPECT_EQ(employed.gross.to_string(), "109.00");
    EXPECT_TRUE(employed.tax_card);
    EXPECT_EQ(employed.tax_withheld.to_string(), "21.80");
    EXPECT_EQ(employed.employee_tyel.to_string(), "7.96");          // 7.30 % in 2026
    EXPECT_EQ(employed.employee_unemployment.to_string(), "0.97");  // 0.89 % in 2026
    EXPECT_EQ(employed.net_paid.to_string(), "78.27");
    EXPECT_EQ(employed.employer_tyel.to_string(), "18.64");         // 17.10 % in 2026
    const auto& commissioned = run.workers[1];
    EXPECT_FALSE(commissioned.tax_card);
    EXPECT_EQ(commissioned.tax_percent.to_string(), "60");
    EXPECT_EQ(commissioned.holiday_compensation.cents(), 0);
    EXPECT_EQ(commissioned.employee_tyel.cents(), 0);
    EXPECT_EQ(commissioned.employer_contributions().cents(), 0);
    EXPECT_EQ(commissioned.net_paid.to_string(), "40.00");

    // The same work paid in December 2025: the 2025 employee shares (7.15 % and 0.59 %).
    EngineInput december("2025-12-31");
    december.add_client("C-1", "pakila");
    december.add(1, "2025-12-15", 600, Contract::employment, "C-1", "E-1", 1);
    const auto earlier = pricing::compute_payroll(december.input);
    EXPECT_EQ(earlier.workers[0].employee_tyel.to_string(), "7.79");
    EXPECT_EQ(earlier.workers[0].employee_unemployment.to_string(), "0.64");
}

TEST(PayrollEngine, InvoicesAreNumberedInSequenceAndDueAfterTheDays) {
    EngineInput e("2026-12-24");
    e.input.first_invoice_sequence = 41;
    e.input.due_days = 14;
    e.add_client("C-1", "pakila");
    e.add(1, "2026-12-01", 60, Contract::commission, "C-1", "K-1", 7);
    e.add(2, "2026-12-02", 60, Contract::commission, "C-1", "K-2", 3);
    const auto run = pricing::compute_payroll(e.input);
    ASSERT_EQ(run.invoices.size(), 2u);
    EXPECT_EQ(run.invoices[0].orderer.id, 3);
    EXPECT_EQ(run.invoices[0].number, "2026-000041");
    EXPECT_EQ(run.invoices[1].number, "2026-000042");
    EXPECT_EQ(run.invoices[0].due_date, "2027-01-07");
    EXPECT_EQ(pricing::add_days("2024-02-28", 1), "2024-02-29");
}

TEST(PayrollEngine, CoverageSaysByHowMuchThePriceFallsShort) {
    pricing::CoverageSums sums;
    sums.side_costs_collected = Money::from_cents(5500);
    sums.employer_costs_due = Money::from_cents(6123);
    sums.employment_minutes = 600;
    sums.service_costs_collected = Money::from_cents(4500);
    sums.service_costs_standard = Money::from_cents(4500);
    sums.minutes = 600;
    const auto coverage = pricing::cost_coverage(sums);
    EXPECT_FALSE(coverage.side_costs_covered);
    EXPECT_EQ(coverage.side_costs_line,
              "side costs 55.00 collected, 61.23 due: short by 6.23 (0.62 €/h); raise side-costs.employment or "
              "coefficient.employment");
    EXPECT_TRUE(coverage.service_costs_covered);
}

}  // namespace
}  // namespace jobcenter::testing
