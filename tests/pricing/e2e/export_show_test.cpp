// End-to-end tests of `pricing payroll show`: the run whole for a coordinator, a unit's staff seeing only their
// own workers' pay statements (the rest counted), every pay statement shown audited, readable text output, and a
// run that does not exist refused without a trace.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "pricing/support/export_cli_fixture.hpp"

namespace {
namespace json = boost::json;
using jobcenter::testing::ExportCliTest;
using PayrollShow = ExportCliTest;

std::vector<std::string> strings_of(const json::array& rows, const char* field) {
    std::vector<std::string> out;
    for (const auto& row : rows) out.emplace_back(row.at(field).as_string());
    return out;
}

TEST_F(PayrollShow, ACoordinatorSeesTheRunWholeAsStored) {
    const auto doc = as_json(coordinator, {"pricing", "payroll", "show", run()});
    const auto& header = doc.at("run").as_object();
    EXPECT_EQ(header.at("id").as_int64(), run_id);
    EXPECT_EQ(header.at("period_from").as_string(), "2024-08-01");
    EXPECT_EQ(header.at("pay_date").as_string(), "2024-10-04");
    EXPECT_EQ(header.at("status").as_string(), "open");
    EXPECT_TRUE(header.at("paid_at").is_null());
    EXPECT_EQ(doc.at("totals").at("proof_holds").as_bool(), true) << "the totals and proof as the run stored them";
    for (const auto& item : doc.at("totals").at("proof").as_array()) EXPECT_TRUE(item.at("holds").as_bool());
    EXPECT_EQ(doc.at("pay_statements_not_shown").as_int64(), 0);
    EXPECT_FALSE(doc.as_object().contains("note"));

    const auto& statements = doc.at("pay_statements").as_array();
    EXPECT_EQ(strings_of(statements, "client"), (std::vector<std::string>{"C-1001", "C-1002", "C-2001"}));
    const auto& bertta = statements[1].as_object();
    EXPECT_EQ(bertta.at("wages").as_string(), "30.00");
    EXPECT_EQ(bertta.at("holiday_compensation").as_string(), "2.70");
    EXPECT_EQ(bertta.at("gross").as_string(), "32.70");
    EXPECT_EQ(bertta.at("tax_card").as_bool(), false);
    EXPECT_EQ(bertta.at("tax_withheld").as_string(), "19.62");
    EXPECT_EQ(bertta.at("employee_tyel").as_string(), "2.34");
    EXPECT_EQ(bertta.at("employee_unemployment").as_string(), "0.26");
    EXPECT_EQ(bertta.at("net_paid").as_string(), "10.48");
    EXPECT_EQ(statements[0].at("tax_percent").as_string(), "12.5");
    EXPECT_EQ(statements[0].at("tax_card").as_bool(), true);
    EXPECT_EQ(doc.at("employer_contributions").as_array().size(), 3u);

    const auto& pay_lines = doc.at("pay_lines").as_array();
    ASSERT_EQ(pay_lines.size(), 5u);
    EXPECT_EQ(pay_lines[3].at("client").as_string(), "C-2001");  // its lines by day of work: the adjustment first
    EXPECT_EQ(pay_lines[3].at("kind").as_string(), "adjustment");
    EXPECT_EQ(pay_lines[3].at("hours").as_string(), "-0.5");
    EXPECT_EQ(pay_lines[3].at("pay").as_string(), "-5.00");

    const auto& invoices = doc.at("invoices").as_array();
    ASSERT_EQ(invoices.size(), 2u);
    EXPECT_EQ(invoices[0].at("number").as_string(), "2024-000002");
    EXPECT_EQ(invoices[0].at("orderer").as_string(), "Kallion Kukka Ky");
    EXPECT_EQ(invoices[0].at("business_id").as_string(), "1234567-1");
    EXPECT_EQ(invoices[0].at("net").as_string(), "55.82");
    EXPECT_EQ(invoices[0].at("vat").as_string(), "13.91");
    EXPECT_EQ(invoices[0].at("gross").as_string(), "69.73");
    EXPECT_TRUE(invoices[1].at("address").is_null());

    const auto& vat = doc.at("invoice_vat").as_array();
    ASSERT_EQ(vat.size(), 3u);
    EXPECT_EQ(vat[0].at("vat_percent").as_string(), "24");
    EXPECT_EQ(vat[0].at("net").as_string(), "21.75");
    EXPECT_EQ(vat[0].at("vat").as_string(), "5.22");
    EXPECT_EQ(vat[1].at("vat_percent").as_string(), "25.5");
    EXPECT_EQ(vat[1].at("vat").as_string(), "8.69");

    const auto& invoice_lines = doc.at("invoice_lines").as_array();
    ASSERT_EQ(invoice_lines.size(), 5u);
    for (const auto& line : invoice_lines) {
        EXPECT_FALSE(line.as_object().contains("client")) << "an invoice carries no client";
        EXPECT_FALSE(line.as_object().contains("name"));
    }
    EXPECT_EQ(invoice_lines[2].at("discount").as_string(), "2.18");
    EXPECT_EQ(invoice_lines[2].at("net").as_string(), "19.57");

    EXPECT_EQ(audited_clients("pricing.payroll-show"), (std::vector<std::string>{"C-1001", "C-1002", "C-2001"}));
}

TEST_F(PayrollShow, StaffSeeTheirOwnUnitsPayStatementsAndEveryInvoice) {
    const auto doc = as_json(pakila_staff, {"--role", "viewer", "pricing", "payroll", "show", run()});
    EXPECT_EQ(strings_of(doc.at("pay_statements").as_array(), "client"), (std::vector<std::string>{"C-1001", "C-1002"}));
    EXPECT_EQ(doc.at("pay_statements_not_shown").as_int64(), 1);
    EXPECT_EQ(doc.at("note").as_string(), "1 pay statement of another unit not shown");
    EXPECT_EQ(strings_of(doc.at("pay_lines").as_array(), "client"),
              (std::vector<std::string>{"C-1001", "C-1001", "C-1002"}));
    EXPECT_EQ(doc.at("invoice_lines").as_array().size(), 5u);
    EXPECT_EQ(audited_clients("pricing.payroll-show"), (std::vector<std::string>{"C-1001", "C-1002"}));

    const auto toolo = as_json(toolo_staff, {"pricing", "payroll", "show", run()});
    EXPECT_EQ(toolo.at("note").as_string(), "2 pay statements of other units not shown");
}

TEST_F(PayrollShow, StaffWithoutAUnitAreToldToGiveOne) {
    const std::string before = database_contents();
    const auto r = jc({"pricing", "payroll", "show", run()});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("--unit"), std::string::npos) << r.err;
    EXPECT_EQ(database_contents(), before);
}

TEST_F(PayrollShow, TheTextOutputReadsAsTables) {
    const auto r = as(pakila_staff, {"pricing", "payroll", "show", run()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("run:\n  id: " + run() + "\n"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("pay_statements:\n  client"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("Bertta L."), std::string::npos);
    EXPECT_NE(r.out.find("note: 1 pay statement of another unit not shown\n"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("invoice_lines:\n  invoice"), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find('{'), std::string::npos) << "no JSON in the text output:\n" << r.out;
    EXPECT_EQ(r.out.find("Cecilia"), std::string::npos);
}

TEST_F(PayrollShow, AMissingRunIsNotFoundAndLeavesNoTrace) {
    const std::string before = database_contents();
    const auto r = as(coordinator, {"pricing", "payroll", "show", "999"});
    EXPECT_EQ(r.exit_code, 4);
    EXPECT_NE(r.err.find("RUN: no payroll run 999"), std::string::npos) << r.err;
    EXPECT_EQ(database_contents(), before);
}

}  // namespace
