// End-to-end tests of `pricing payroll run`, `list`, `cancel`, `mark-paid` and `coverage` on the real plugins and
// the real matching commands (gigs walked to approved, `gig worked`, `gig hours`, `earnings-record`): the known
// prices through a run, pay statements, invoices, never paying twice, corrections, held work, a failing script
// leaving the database as it was, a cancelled run's work paid by the next, and a paid run's lines recorded.
#include <gtest/gtest.h>

#include "pricing/support/payroll_world.hpp"

namespace jobcenter::testing {
namespace {
namespace json = boost::json;
namespace fs = std::filesystem;

using PayrollRun = PayrollCommandTest;

json::object run_args(const std::string& from, const std::string& to, const std::string& pay_date = "2026-01-15") {
    return {{"from", from}, {"to", to}, {"pay_date", pay_date}};
}

std::string text(const json::value& v, std::string_view key) { return std::string(v.at(key).as_string()); }

// The database contents (CliTest::database_contents) without the rows of the audit trail.
std::string without_audit_trail(std::string contents) {
    const auto start = contents.find("[audit_log]\n");
    if (start == std::string::npos) return contents;
    const auto next = contents.find("\n[", start + 1);
    return contents.erase(start + 12, next == std::string::npos ? std::string::npos : next + 1 - (start + 12));
}

TEST_F(PayrollRun, KnownPricesComeOutThroughARun) {
    add_client("C-1", "pakila");
    add_order("K-22", siivous, "commission", "2022-06-01T10:00");
    add_order("E-22", leipomo, "employment", "2022-06-01T12:00");
    add_order("K-25", siivous, "commission", "2025-01-15T10:00");
    approved_gig("K-22", "C-1");
    approved_gig("E-22", "C-1");
    approved_gig("K-25", "C-1");

    auto out = pricing_ok("payroll-run", run_args("2022-01-01", "2025-12-31"));
    const auto& lines = out.at("lines").as_array();
    ASSERT_EQ(lines.size(), 3u);
    EXPECT_EQ(text(lines[0], "contract"), "commission");
    EXPECT_EQ(text(lines[0], "net"), "14.50");
    EXPECT_EQ(text(lines[0], "vat"), "3.48");
    EXPECT_EQ(text(lines[0], "gross"), "17.98");
    EXPECT_EQ(text(lines[1], "net"), "20.00");
    EXPECT_EQ(text(lines[1], "vat"), "4.80");
    EXPECT_EQ(text(lines[1], "gross"), "24.80");
    EXPECT_EQ(text(lines[2], "vat"), "3.70");
    EXPECT_EQ(text(lines[2], "gross"), "18.20");

    const auto& invoices = out.at("invoices").as_array();
    ASSERT_EQ(invoices.size(), 2u);
    EXPECT_EQ(text(invoices[0], "number"), "2026-000001");
    EXPECT_EQ(text(invoices[0], "orderer_name"), "Esimerkki Siivous Oy");
    EXPECT_EQ(text(invoices[0], "business_id"), "1234567-1");
    EXPECT_EQ(text(invoices[0], "net"), "29.00");
    EXPECT_EQ(text(invoices[0], "vat"), "7.18");
    EXPECT_EQ(text(invoices[0], "gross"), "36.18");
    EXPECT_EQ(text(invoices[0], "due_date"), "2026-01-29");
    const auto& rates = invoices[0].at("vat_rates").as_array();
    ASSERT_EQ(rates.size(), 2u);
    EXPECT_EQ(text(rates[0], "vat_percent"), "24");
    EXPECT_EQ(text(rates[0], "gross"), "17.98");
    EXPECT_EQ(text(rates[1], "vat_percent"), "25.5");
    EXPECT_EQ(text(rates[1], "gross"), "18.20");
    EXPECT_EQ(text(invoices[1], "number"), "2026-000002");
    EXPECT_EQ(text(invoices[1], "address"), "Ratapihantie 1, 00520 Helsinki");
    EXPECT_TRUE(invoices[1].at("business_id").is_null());

    // One worker: 30.00 wages, holiday compensation 9 % of the 10.00 employment wages, no tax card (60 %), the
    // 2026 shares on the employment gross 10.90.
    const auto& worker = out.at("workers").as_array().at(0);
    EXPECT_EQ(text(worker, "wages"), "30.00");
    EXPECT_EQ(text(worker, "holiday_compensation"), "0.90");
    EXPECT_EQ(text(worker, "gross"), "30.90");
    EXPECT_EQ(text(worker, "tax_percent"), "60");
    EXPECT_FALSE(worker.at("tax_card").as_bool());
    EXPECT_EQ(text(worker, "tax_withheld"), "18.54");
    EXPECT_EQ(text(worker, "employee_tyel"), "0.80");
    EXPECT_EQ(text(worker, "employee_unemployment"), "0.10");
    EXPECT_EQ(text(worker, "net_paid"), "11.46");
    EXPECT_EQ(text(worker, "employer_tyel"), "1.86");
    EXPECT_EQ(text(worker, "employer_health"), "0.20");
    for (const auto& item : out.at("proof").as_array()) EXPECT_TRUE(item.at("holds").as_bool()) << json::serialize(item);

    // The tables hold what was printed.
    EXPECT_EQ(count("SELECT COUNT(*) FROM payroll_line WHERE kind = 'work'"), 3);
    EXPECT_EQ(count("SELECT SUM(gross_cents) FROM payroll_invoice"), 3618 + 2480);
    EXPECT_EQ(count("SELECT SUM(gross_cents) FROM payroll_invoice_vat"), 3618 + 2480);
    EXPECT_EQ(count("SELECT net_paid_cents FROM payroll_worker"), 1146);
    EXPECT_EQ(count("SELECT COUNT(*) FROM payroll_run WHERE status = 'open' AND totals LIKE '%\"proof\"%'"), 1);
}

TEST_F(PayrollRun, NeverPaysTwiceAndPaysOnlyTheCorrection) {
    add_client("C-1", "pakila");
    add_order("T-1", siivous, "employment", "2026-01-05T10:00", "2", {{"repeat", {{"every_days", 7}, {"until", "2026-01-12"}}}});
    const auto gig = approved_gig("T-1", "C-1");  // 2 h on 2026-01-05 and 2026-01-12
    auto first = pricing_ok("payroll-run", run_args("2026-01-01", "2026-01-31"));
    EXPECT_EQ(first.at("lines").as_array().size(), 2u);

    auto second = pricing_ok("payroll-run", run_args("2026-01-01", "2026-01-31"));
    EXPECT_EQ(second.at("lines").as_array().size(), 0u);
    EXPECT_EQ(second.at("totals").at("gross").as_string(), "0.00");

    correct_hours(gig, "2026-01-05=2.5");  // half an hour more
    auto third = pricing_ok("payroll-run", run_args("2026-01-10", "2026-01-31"));
    const auto& lines = third.at("lines").as_array();
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_EQ(text(lines[0], "kind"), "adjustment");
    EXPECT_EQ(text(lines[0], "date"), "2026-01-05");
    EXPECT_EQ(text(lines[0], "hours"), "0.5");
    EXPECT_EQ(text(lines[0], "net"), "10.00");
    EXPECT_EQ(text(lines[0], "pay"), "5.00");

    correct_hours(gig, "2026-01-05=0.5");  // two hours taken back
    auto fourth = pricing_ok("payroll-run", run_args("2026-01-10", "2026-01-31"));
    ASSERT_EQ(fourth.at("lines").as_array().size(), 1u);
    EXPECT_EQ(text(fourth.at("lines").as_array()[0], "net"), "-40.00");
    // The occurrence's lines add up to its price now: half an hour, 10.00 net.
    EXPECT_EQ(count("SELECT SUM(net_cents) FROM payroll_line WHERE on_date = '2026-01-05'"), 1000);
    EXPECT_EQ(count("SELECT SUM(minutes) FROM payroll_line WHERE on_date = '2026-01-05'"), 30);
}

TEST_F(PayrollRun, DryRunPrintsTheRunAndWritesOnlyTheAuditOfItsRead) {
    add_client("C-1", "pakila");
    add_order("T-1", siivous, "commission", "2026-01-05T10:00");
    approved_gig("T-1", "C-1");
    const auto before = database_contents();
    auto args = run_args("2026-01-01", "2026-01-31");
    args["dry_run"] = true;
    auto out = pricing_ok("payroll-run", args);
    EXPECT_TRUE(out.at("run").is_null());
    EXPECT_EQ(out.at("lines").as_array().size(), 1u);
    // Only the audit trail grows: reading the period's work read the client's data (matching.payroll-read).
    EXPECT_EQ(without_audit_trail(database_contents()), without_audit_trail(before));
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'matching.payroll-read' AND subject_id = 'C-1'"), 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'pricing.%'"), 0);
}

TEST_F(PayrollRun, AFailingUnitScriptLeavesTheDatabaseAsItWas) {
    const fs::path scripts = dir.path() / "scripts";
    fs::create_directories(scripts / "units" / "toolo");
    fs::copy(fs::path(JOBCENTER_SOURCE_DIR) / "scripts" / "defaults", scripts / "defaults");
    write_file(scripts / "units/toolo/pricing.lua",
               "local M = defaults()\n"
               "function M.discount(order, context)\n"
               "  if order.id == 'BAD' then error('no discount for this order') end\n"
               "  return 0\n"
               "end\n"
               "return M\n");
    use_scripts(scripts);
    add_client("C-1", "pakila");
    add_client("C-2", "toolo");
    add_order("T-1", siivous, "commission", "2026-01-05T10:00");
    add_order("BAD", leipomo, "employment", "2026-01-14T10:00", "1.5");
    approved_gig("T-1", "C-1");
    approved_gig("T-1", "C-2");
    pricing_ok("payroll-run", run_args("2026-01-01", "2026-01-10"));
    approved_gig("BAD", "C-2");
    const auto before = database_contents();
    auto failed = pricing("payroll-run", run_args("2026-01-01", "2026-01-31"));
    EXPECT_EQ(failed.exit_code, 6) << failed.error;
    EXPECT_NE(failed.error.find("units/toolo/pricing.lua"), std::string::npos) << failed.error;
    EXPECT_EQ(database_contents(), before);
}

TEST_F(PayrollRun, ACancelledRunsWorkIsPaidByTheNextAndAPaidRunCannotBeCancelled) {
    add_client("C-1", "pakila");
    add_order("T-1", siivous, "employment", "2026-01-05T10:00", "1", {{"repeat", {{"every_days", 7}, {"until", "2026-01-12"}}}});
    approved_gig("T-1", "C-1");
    auto first = pricing_ok("payroll-run", run_args("2026-01-01", "2026-01-31"));
    const std::int64_t run = first.at("run").as_int64();

    EXPECT_EQ(pricing("payroll-cancel", {{"run", run}, {"reason", "  "}}).exit_code, 3);
    auto cancelled = pricing_ok("payroll-cancel", {{"run", run}, {"reason", "wrong pay date"}});
    EXPECT_EQ(text(cancelled, "status"), "cancelled");
    auto again = pricing("payroll-cancel", {{"run", run}, {"reason", "twice"}});
    EXPECT_EQ(again.exit_code, 5);

    auto second = pricing_ok("payroll-run", run_args("2026-01-01", "2026-01-31", "2026-01-20"));
    ASSERT_EQ(second.at("lines").as_array().size(), 2u);
    EXPECT_EQ(text(second.at("lines").as_array()[0], "kind"), "work");
    EXPECT_EQ(text(second.at("invoices").as_array()[0], "number"), "2026-000002");
    const std::int64_t next = second.at("run").as_int64();

    auto paid = pricing_ok("payroll-mark-paid", {{"run", next}});
    EXPECT_EQ(text(paid, "status"), "paid");
    // matching.earnings-record kept the paid run's lines: the worker's gross pay per occurrence.
    const std::string recorded = " FROM client_paid WHERE run = " + std::to_string(next);
    EXPECT_EQ(count("SELECT COUNT(*) FROM paid_run WHERE run = " + std::to_string(next)), 1);
    EXPECT_EQ(count("SELECT COUNT(*)" + recorded), 2);
    EXPECT_EQ(count("SELECT cents" + recorded + " ORDER BY on_date LIMIT 1"), 1000);
    EXPECT_EQ(count("SELECT COUNT(*)" + recorded + " AND contract = 'employment' AND client_id = 'C-1'"), 2);
    EXPECT_EQ(count("SELECT COUNT(*) FROM paid_run"), 1) << "the cancelled run was never recorded";

    const auto before = database_contents();
    auto refused = pricing("payroll-cancel", {{"run", next}, {"reason", "too late"}});
    EXPECT_EQ(refused.exit_code, 5);
    EXPECT_NE(refused.error.find("a paid run cannot be cancelled"), std::string::npos) << refused.error;
    EXPECT_EQ(pricing("payroll-mark-paid", {{"run", next}}).exit_code, 5);
    EXPECT_EQ(pricing("payroll-cancel", {{"run", 99}, {"reason", "x"}}).exit_code, 4);
    EXPECT_EQ(database_contents(), before);

    auto list = pricing_ok("payroll-list", {});
    ASSERT_EQ(list.at("rows").as_array().size(), 2u);
    EXPECT_EQ(list.at("rows").as_array()[0].at("run").as_int64(), next);
    EXPECT_EQ(text(list.at("rows").as_array()[0], "status"), "paid");
    EXPECT_EQ(text(list.at("rows").as_array()[1], "status"), "cancelled");
}

TEST_F(PayrollRun, CommissionWorkOfAClientOnAnUnemploymentBenefitIsHeld) {
    add_client("C-1", "pakila", {"labour-market-subsidy"});
    add_order("K-1", siivous, "commission", "2026-01-05T10:00");
    add_order("E-1", siivous, "employment", "2026-01-06T10:00");
    approved_gig("K-1", "C-1");
    approved_gig("E-1", "C-1");
    auto out = pricing_ok("payroll-run", run_args("2026-01-01", "2026-01-31"));
    ASSERT_EQ(out.at("lines").as_array().size(), 1u);
    EXPECT_EQ(text(out.at("lines").as_array()[0], "contract"), "employment");
    const auto& held = out.at("held").as_array();
    ASSERT_EQ(held.size(), 1u);
    EXPECT_EQ(text(held[0], "order"), "K-1");
    EXPECT_NE(text(held[0], "reason").find("labour-market-subsidy"), std::string::npos);
    EXPECT_NE(text(held[0], "reason").find("§9 P1"), std::string::npos);
}

TEST_F(PayrollRun, CoverageComparesTheSideCostsCollectedWithTheCostsDue) {
    add_client("C-1", "pakila");
    add_order("E-1", siivous, "employment", "2026-01-05T10:00", "10");
    approved_gig("E-1", "C-1");
    auto out = pricing_ok("payroll-run", run_args("2026-01-01", "2026-01-31"));
    // 10 h: side costs 55.00 collected; due on the 2026 figures: holiday 9.00 and contributions on 109.00.
    const auto& coverage = out.at("coverage");
    EXPECT_EQ(text(coverage, "side_costs_collected"), "55.00");
    EXPECT_EQ(text(coverage, "employer_costs_due"), "30.85");
    EXPECT_EQ(text(coverage, "side_costs"), "side costs 55.00 collected, 30.85 due: covered, 24.15 to spare (2.42 €/h)");
    EXPECT_EQ(text(coverage, "service_costs"), "service costs 45.00 collected, 45.00 standard: covered exactly");

    auto period = pricing_ok("payroll-coverage", {{"from", "2026-01-01"}, {"to", "2026-01-31"}});
    EXPECT_EQ(period.at("runs").to_number<std::int64_t>(), 1);
    EXPECT_EQ(text(period, "side_costs"), text(coverage, "side_costs"));
    EXPECT_EQ(text(period, "service_costs"), text(coverage, "service_costs"));
    auto none = pricing_ok("payroll-coverage", {{"from", "2025-01-01"}, {"to", "2025-12-31"}});
    EXPECT_EQ(none.at("runs").to_number<std::int64_t>(), 0);
}

TEST_F(PayrollRun, OnlyACoordinatorRunsPayroll) {
    auto r = jc({"--unit", "pakila", "pricing", "payroll", "run", "--from", "2026-01-01", "--to", "2026-01-31"});
    EXPECT_EQ(r.exit_code, 5) << r.err;
    auto backwards = pricing("payroll-run", run_args("2026-01-31", "2026-01-01"));
    EXPECT_EQ(backwards.exit_code, 3);
    EXPECT_NE(backwards.error.find("--to"), std::string::npos);
}

}  // namespace
}  // namespace jobcenter::testing
