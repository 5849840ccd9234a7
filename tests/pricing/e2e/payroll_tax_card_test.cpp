// End-to-end tests of `pricing tax-card set` and `show` through the jobcenter program: the client must be the
// caller's (matching's client-show decides), the percent is 0-100, reads and changes are audited, the card in
// force on the pay date is what a run withholds.
#include <gtest/gtest.h>

#include "pricing/support/payroll_world.hpp"

namespace jobcenter::testing {
namespace {
namespace json = boost::json;

using PayrollTaxCard = PayrollCommandTest;

TEST_F(PayrollTaxCard, StaffOfTheClientsUnitSetsAndShowsTheCard) {
    add_client("C-1", "pakila");
    auto set = jc({"--unit", "pakila", "--format=json", "pricing", "tax-card", "set", "C-1", "12,5", "--from", "2026-01-01"});
    ASSERT_EQ(set.exit_code, 0) << set.err;
    EXPECT_EQ(json::parse(set.out).at("percent").as_string(), "12.5");
    auto later = jc({"--role", "coordinator", "pricing", "tax-card", "set", "C-1", "30", "--from", "2026-03-01", "--to",
                     "2026-12-31"});
    ASSERT_EQ(later.exit_code, 0) << later.err;

    auto shown = jc_json({"--unit", "pakila", "pricing", "tax-card", "show", "C-1"});
    EXPECT_EQ(shown.at("percent_in_force").as_string(), "12.5");
    EXPECT_EQ(shown.at("rows").as_array().size(), 2u);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'pricing.tax-card-show' AND subject_id = 'C-1'"), 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'pricing.tax-card-set' AND subject_id = 'C-1'"), 2);

    // A run paid on 2026-01-15 withholds 12.5 %; one paid in March, 30 %.
    add_order("E-1", siivous, "employment", "2026-01-05T10:00");
    approved_gig("E-1", "C-1");
    auto dry = pricing_ok("payroll-run", {{"from", "2026-01-01"}, {"to", "2026-01-31"}, {"pay_date", "2026-01-15"}, {"dry_run", true}});
    EXPECT_EQ(dry.at("workers").as_array()[0].at("tax_percent").as_string(), "12.5");
    auto march = pricing_ok("payroll-run", {{"from", "2026-01-01"}, {"to", "2026-01-31"}, {"pay_date", "2026-03-02"}, {"dry_run", true}});
    EXPECT_EQ(march.at("workers").as_array()[0].at("tax_percent").as_string(), "30");
}

TEST_F(PayrollTaxCard, AnotherUnitsClientAWrongPercentAndABackwardCardAreRefused) {
    add_client("C-1", "pakila");
    const auto before = database_contents();
    auto other = jc({"--unit", "toolo", "pricing", "tax-card", "set", "C-1", "20", "--from", "2026-01-01"});
    EXPECT_EQ(other.exit_code, 4) << other.err;
    auto too_much = jc({"--unit", "pakila", "pricing", "tax-card", "set", "C-1", "120", "--from", "2026-01-01"});
    EXPECT_EQ(too_much.exit_code, 3);
    EXPECT_NE(too_much.err.find("PERCENT"), std::string::npos) << too_much.err;
    auto words = jc({"--unit", "pakila", "pricing", "tax-card", "set", "C-1", "lots", "--from", "2026-01-01"});
    EXPECT_EQ(words.exit_code, 3);
    auto backwards = jc({"--unit", "pakila", "pricing", "tax-card", "set", "C-1", "20", "--from", "2026-02-01", "--to",
                         "2026-01-01"});
    EXPECT_EQ(backwards.exit_code, 3);
    EXPECT_NE(backwards.err.find("--to"), std::string::npos) << backwards.err;
    EXPECT_EQ(jc({"--unit", "toolo", "pricing", "tax-card", "show", "C-1"}).exit_code, 4);
    EXPECT_EQ(jc({"--unit", "pakila", "pricing", "tax-card", "show", "C-9"}).exit_code, 4);
    EXPECT_EQ(database_contents(), before);
}

}  // namespace
}  // namespace jobcenter::testing
