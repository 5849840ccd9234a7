// End-to-end tests of `pricing payroll export --as html`: the invoice per orderer (the orderer's name, business ID
// and address, number, dates, reference, lines, totals per VAT rate, the seller from the settings or a note that
// none is set) and the pay statement per worker, in Finnish and English, complete documents with print CSS and no
// external resources, every value escaped; scoping and audit of pay statements; --out writing every document.
#include <gtest/gtest.h>

#include <regex>

#include "pricing/support/export_cli_fixture.hpp"

namespace {
namespace fs = std::filesystem;
using jobcenter::testing::ExportCliTest;
using jobcenter::testing::read_file;
using PayrollExportHtml = ExportCliTest;

// The output with the no-break spaces of Finnish amounts ("14,50 €") as plain spaces, for matching.
std::string spaced(std::string html) {
    for (auto at = html.find("\xC2\xA0"); at != std::string::npos; at = html.find("\xC2\xA0", at)) html.replace(at, 2, " ");
    return html;
}

void expect_complete_standalone_page(const std::string& html, const std::string& lang) {
    EXPECT_EQ(html.rfind("<!DOCTYPE html>\n<html lang=\"" + lang + "\">", 0), 0u) << html.substr(0, 80);
    EXPECT_NE(html.find("<meta charset=\"utf-8\">"), std::string::npos);
    EXPECT_NE(html.find("@media print"), std::string::npos);
    EXPECT_EQ(html.substr(html.size() - 8), "</html>\n");
    for (const char* external : {"http:", "https:", "src=", "<link", "@import", "url("})
        EXPECT_EQ(html.find(external), std::string::npos) << "external resource: " << external;
}

TEST_F(PayrollExportHtml, TheInvoiceCarriesTheOrdererLinesAndVatTotalsInFinnish) {
    const auto r = as(coordinator, {"pricing", "payroll", "export", run(), "--as", "html", "--invoice", "2024-000002"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const std::string html = spaced(r.out);
    expect_complete_standalone_page(html, "fi");
    for (const char* expected :
         {"<h1>Lasku 2024-000002</h1>", "<strong>Kallion Kukka Ky</strong>", "Fleminginkatu 7<br>", "00530 Helsinki<br>",
          "Y-tunnus 1234567-1", "<td>4.10.2024</td>", "<th>Eräpäivä</th><td>18.10.2024</td>",
          "<th>Viitenumero</th><td>2 02400 00028</td>", "1.8.2024 – 30.9.2024", "Toimistotilojen siivous (oikaisu)",
          "10 % (2,18 €)", "<td class=\"num\">19,57 €</td>", "<td>25,5</td>", "Arvonlisävero eriteltynä",
          "<td>24</td><td class=\"num\">21,75 €</td><td class=\"num\">5,22 €</td><td class=\"num\">26,97 €</td>",
          "Maksettava yhteensä</th><td class=\"num\">69,73 €</td>",
          "Laskuttajan tietoja ei ole asetettu: ylläpitäjä asettaa ne komennolla jobcenter pricing seller set."})
        EXPECT_NE(html.find(expected), std::string::npos) << expected;
    const std::regex row("<tr><td>\\d+\\.\\d+\\.2024</td>");
    EXPECT_EQ(std::distance(std::sregex_iterator(html.begin(), html.end(), row), std::sregex_iterator()), 4);
    EXPECT_EQ(html.find("Korhonen"), std::string::npos) << "an invoice names no worker";
    EXPECT_EQ(html.find("C-1001"), std::string::npos);
    // No business ID is assumed for the seller: the only one printed is the orderer's.
    EXPECT_EQ(html.find("Y-tunnus"), html.rfind("Y-tunnus"));
    EXPECT_TRUE(audited_clients("pricing.payroll-export").empty()) << "an invoice reads no client data";
}

TEST_F(PayrollExportHtml, TheSellerComesFromTheSettingsInForceOnTheInvoiceDate) {
    set_seller({"--business-id", "1234567-1", "--email", "laskutus@example.fi"});
    auto later = jc({"--role", "admin", "pricing", "seller", "set", "--name", "Later Name", "--from", "2025-01-01"});
    ASSERT_EQ(later.exit_code, 0) << later.err;
    const auto r = as(coordinator, {"pricing", "payroll", "export", run(), "--as", "html", "--invoice", "2024-000003",
                                    "--lang", "en"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    expect_complete_standalone_page(r.out, "en");
    for (const char* expected :
         {"<h1>Invoice 2024-000003</h1>", "<section class=\"setting\">", "<strong>Helsingin työtoiminta</strong>",
          "Testikatu 1<br>", "Business ID 1234567-1<br>", "Email laskutus@example.fi<br>",
          "in force from 1 January 2024.", "<th>Account (IBAN)</th><td>FI2112345600000785</td>",
          "<th>Due date</th><td>18 October 2024</td>", "Packing and bagging", "Total to pay</th><td class=\"num\">€75.30</td>",
          "<strong>Pasilan &lt;Leipomo&gt; &amp; Co</strong>"})
        EXPECT_NE(r.out.find(expected), std::string::npos) << expected;
    EXPECT_EQ(r.out.find("Later Name"), std::string::npos);
    EXPECT_EQ(r.out.find("<Leipomo>"), std::string::npos) << "escaped";
}

TEST_F(PayrollExportHtml, ThePayStatementShowsThePayFromWagesToNetAndIsAudited) {
    const auto fi = as(pakila_staff, {"pricing", "payroll", "export", run(), "--as", "html", "--worker", "C-1002"});
    ASSERT_EQ(fi.exit_code, 0) << fi.err;
    expect_complete_standalone_page(fi.out, "fi");
    for (const char* expected :
         {"<h1>Palkkalaskelma</h1>", "<th>Työntekijä</th><td>Bertta L.</td>", "<th>Yksikkö</th><td>Unit pakila</td>",
          "<th>Palkkajakso</th><td>1.8.2024 – 30.9.2024</td>", "<th>Maksupäivä</th><td>4.10.2024</td>",
          "<td>Pakkaus- ja pussitustyöt</td><td>työsopimus</td><td class=\"num\">3</td>",
          "<th>Palkat</th><td class=\"num\">30,00 €</td>", "<th>Lomakorvaus</th><td class=\"num\">2,70 €</td>",
          "<th>Bruttopalkka</th><td class=\"num\">32,70 €</td>",
          "Ennakonpidätys 60 % (ei verokorttia: pidätys ilman verokorttia)</th><td class=\"num\">-19,62 €</td>",
          "Työntekijän työeläkemaksu (TyEL)</th><td class=\"num\">-2,34 €</td>",
          "Työntekijän työttömyysvakuutusmaksu</th><td class=\"num\">-0,26 €</td>",
          "<th>Maksetaan</th><td class=\"num\">10,48 €</td>"})
        EXPECT_NE(spaced(fi.out).find(expected), std::string::npos) << expected;

    const auto en = as(coordinator, {"pricing", "payroll", "export", run(), "--as", "html", "--worker", "C-1001", "--lang", "en"});
    ASSERT_EQ(en.exit_code, 0) << en.err;
    for (const char* expected : {"<h1>Pay statement</h1>", "<td>Korhonen, &quot;Aino&quot;</td>",
                                 "Tax withheld 12.5 % (by the tax card)", "<th>Net paid</th><td class=\"num\">€30.62</td>",
                                 "<td>6 September 2024</td>"})
        EXPECT_NE(en.out.find(expected), std::string::npos) << expected;
    EXPECT_EQ(audited_clients("pricing.payroll-export"), (std::vector<std::string>{"C-1002", "C-1001"}));
}

TEST_F(PayrollExportHtml, AnotherUnitsWorkerReadsAsNotInTheRun) {
    const std::string before = database_contents();
    const auto r = as(toolo_staff, {"pricing", "payroll", "export", run(), "--as", "html", "--worker", "C-1001"});
    EXPECT_EQ(r.exit_code, 4);
    EXPECT_NE(r.err.find("--worker: no pay statement of client 'C-1001' in payroll run " + run()), std::string::npos) << r.err;
    EXPECT_EQ(database_contents(), before);
}

TEST_F(PayrollExportHtml, OutWritesAnInvoicePerOrdererAndAPayStatementPerVisibleWorker) {
    const fs::path folder = dir / "print";
    fs::create_directory(folder);
    const auto listed = as_json(pakila_staff, {"pricing", "payroll", "export", run(), "--as", "html", "--out", folder.string()});
    std::vector<std::string> files;
    for (const auto& f : listed.at("files").as_array()) files.emplace_back(f.at("file").as_string());
    EXPECT_EQ(files, (std::vector<std::string>{"invoice-2024-000002.html", "invoice-2024-000003.html", "pay-C-1001.html",
                                               "pay-C-1002.html"}));
    EXPECT_EQ(listed.at("pay_statements_not_shown").as_int64(), 1);
    for (const auto& file : files) {
        ASSERT_TRUE(fs::exists(folder / file)) << file;
        expect_complete_standalone_page(read_file(folder / file), "fi");
        EXPECT_EQ(fs::status(folder / file).permissions() & fs::perms::all, fs::perms::owner_read | fs::perms::owner_write);
    }
    EXPECT_EQ(std::distance(fs::directory_iterator(folder), fs::directory_iterator()), 4);
    EXPECT_EQ(audited_clients("pricing.payroll-export"), (std::vector<std::string>{"C-1001", "C-1002"}));

    // A second export into the same folder replaces nothing and writes nothing.
    const std::string before = database_contents();
    const auto again = as(coordinator, {"pricing", "payroll", "export", run(), "--as", "html", "--out", folder.string()});
    EXPECT_EQ(again.exit_code, 5);
    EXPECT_NE(again.err.find("--out: "), std::string::npos) << again.err;
    EXPECT_NE(again.err.find("invoice-2024-000002.html exists already"), std::string::npos) << again.err;
    EXPECT_EQ(std::distance(fs::directory_iterator(folder), fs::directory_iterator()), 4);
    EXPECT_EQ(database_contents(), before);
}

}  // namespace
