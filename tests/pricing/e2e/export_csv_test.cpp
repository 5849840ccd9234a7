// End-to-end tests of `pricing payroll export --as csv|json`: the finance system's CSV (fixed header, a record per
// invoice line and per pay line, the run on every record, amounts with a dot and two decimals, RFC 4180 quoting)
// adding up to the run's totals; pay lines scoped to the caller's unit and audited; JSON equal to `payroll show`.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <regex>

#include "pricing/support/export_cli_fixture.hpp"

namespace {
namespace json = boost::json;
using jobcenter::Money;
using jobcenter::testing::ExportCliTest;
using PayrollExportData = ExportCliTest;

using Record = std::vector<std::string>;

// RFC 4180 records: fields in double quotes may hold commas, doubled quotes and line breaks; records end in CRLF.
std::vector<Record> parse_csv(const std::string& text) {
    std::vector<Record> records;
    Record record;
    std::string field;
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            record.push_back(std::move(field));
            field.clear();
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            record.push_back(std::move(field));
            field.clear();
            records.push_back(std::move(record));
            record.clear();
            ++i;
        } else {
            field += c;
        }
    }
    EXPECT_TRUE(field.empty() && record.empty()) << "the last record ends with CRLF";
    return records;
}

std::size_t column(const Record& header, const std::string& name) {
    for (std::size_t i = 0; i < header.size(); ++i)
        if (header[i] == name) return i;
    ADD_FAILURE() << "no column " << name;
    return 0;
}

TEST_F(PayrollExportData, CsvHasAFixedHeaderARecordPerLineAndAddsUp) {
    const auto r = as(coordinator, {"pricing", "payroll", "export", run(), "--as", "csv"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto records = parse_csv(r.out);
    ASSERT_FALSE(records.empty());
    const Record& header = records.front();
    EXPECT_EQ(header, (Record{"run_id", "record", "line_id", "kind", "date", "invoice_number", "orderer_id", "order_id",
                              "task_type", "contract", "unit", "client_id", "client_name", "minutes", "hours",
                              "hourly_wage", "coefficient", "unit_price", "amount", "discount_percent", "discount", "net",
                              "pay", "side_costs", "service_costs", "vat_percent", "vat", "gross"}));
    ASSERT_EQ(records.size(), 1u + 5u + 5u);

    const std::regex euros(R"(-?\d+\.\d\d)");
    const std::vector<std::string> money_columns{"hourly_wage", "unit_price", "amount", "discount", "net", "pay",
                                                 "side_costs", "service_costs", "vat", "gross"};
    Money net, pay, side, service, gross;
    std::size_t invoice_lines = 0, pay_lines = 0;
    for (std::size_t i = 1; i < records.size(); ++i) {
        const Record& rec = records[i];
        ASSERT_EQ(rec.size(), header.size());
        EXPECT_EQ(rec[column(header, "run_id")], run());
        for (const auto& name : money_columns) {
            const std::string& value = rec[column(header, name)];
            EXPECT_TRUE(value.empty() || std::regex_match(value, euros)) << name << " = " << value;
        }
        if (rec[column(header, "record")] == "invoice_line") {
            ++invoice_lines;
            EXPECT_TRUE(rec[column(header, "client_id")].empty());
            EXPECT_TRUE(rec[column(header, "client_name")].empty());
            net += Money::parse(rec[column(header, "net")]);
            side += Money::parse(rec[column(header, "side_costs")]);
            service += Money::parse(rec[column(header, "service_costs")]);
            gross += Money::parse(rec[column(header, "gross")]);
        } else {
            EXPECT_EQ(rec[column(header, "record")], "pay_line");
            ++pay_lines;
            EXPECT_FALSE(rec[column(header, "client_id")].empty());
            pay += Money::parse(rec[column(header, "pay")]);
        }
    }
    EXPECT_EQ(invoice_lines, 5u);
    EXPECT_EQ(pay_lines, 5u);
    EXPECT_EQ(net, Money::parse("115.82"));
    EXPECT_EQ(gross, Money::parse("69.73") + Money::parse("75.30"));
    EXPECT_EQ(pay + side + service, net) << "net = pay + side costs + service costs";
    EXPECT_EQ(pay, Money::parse("70.00"));

    EXPECT_NE(r.out.find(",\"Korhonen, \"\"Aino\"\"\","), std::string::npos) << "RFC 4180 quoting:\n" << r.out;
    EXPECT_NE(r.out.find("\r\n"), std::string::npos);
    EXPECT_EQ(audited_clients("pricing.payroll-export"), (std::vector<std::string>{"C-1001", "C-1002", "C-2001"}));
}

TEST_F(PayrollExportData, CsvPayLinesAreTheCallersUnitsOnly) {
    const auto r = as(toolo_staff, {"pricing", "payroll", "export", run(), "--as", "csv"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto records = parse_csv(r.out);
    std::size_t pay_lines = 0;
    for (const auto& rec : records)
        if (rec[1] == "pay_line") {
            ++pay_lines;
            EXPECT_EQ(rec[11], "C-2001");
        }
    EXPECT_EQ(pay_lines, 2u);
    EXPECT_EQ(records.size(), 1u + 5u + 2u) << "every invoice line all the same";
    EXPECT_EQ(r.out.find("Korhonen"), std::string::npos);
    EXPECT_EQ(audited_clients("pricing.payroll-export"), (std::vector<std::string>{"C-2001"}));
}

TEST_F(PayrollExportData, JsonIsTheDocumentOfPayrollShow) {
    const auto exported = as(coordinator, {"pricing", "payroll", "export", run(), "--as", "json"});
    ASSERT_EQ(exported.exit_code, 0) << exported.err;
    const auto shown = as_json(coordinator, {"pricing", "payroll", "show", run()});
    EXPECT_EQ(json::parse(exported.out), shown);
}

TEST_F(PayrollExportData, OutWritesTheRunFileAndSaysWhatItLeftOut) {
    const auto folder = dir / "exports";
    std::filesystem::create_directory(folder);
    const auto listed = as_json(pakila_staff, {"pricing", "payroll", "export", run(), "--as", "csv", "--out", folder.string()});
    ASSERT_EQ(listed.at("files").as_array().size(), 1u);
    EXPECT_EQ(listed.at("files").at(0).at("file").as_string(), "run-" + run() + ".csv");
    EXPECT_EQ(listed.at("pay_statements_not_shown").as_int64(), 1);
    EXPECT_EQ(listed.at("note").as_string(), "1 pay statement of another unit not shown");
    const auto written = jobcenter::testing::read_file(folder / ("run-" + run() + ".csv"));
    EXPECT_EQ(parse_csv(written).size(), 1u + 5u + 3u);
    EXPECT_EQ(std::filesystem::status(folder / ("run-" + run() + ".csv")).permissions() & std::filesystem::perms::all,
              std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
}

TEST_F(PayrollExportData, FlagsThatMakeNoSenseAreRefusedNamingTheFlag) {
    const std::string before = database_contents();
    auto expect_error = [&](std::vector<std::string> args, int code, const std::string& where) {
        args.insert(args.begin(), {"--role", "coordinator", "pricing", "payroll", "export", run()});
        const auto r = jc(args);
        EXPECT_EQ(r.exit_code, code) << r.err;
        EXPECT_NE(r.err.find(where + ":"), std::string::npos) << r.err;
    };
    expect_error({"--as", "pdf"}, 3, "--as");
    expect_error({"--as", "csv", "--lang", "en"}, 2, "--lang");
    expect_error({"--as", "csv", "--invoice", "2024-000002"}, 2, "--invoice");
    expect_error({"--as", "html"}, 2, "--as");
    expect_error({"--as", "finvoice", "--worker", "C-1001"}, 2, "--worker");
    expect_error({"--as", "html", "--invoice", "2024-000002", "--worker", "C-1001"}, 2, "--worker");
    expect_error({"--as", "html", "--lang", "sv", "--invoice", "2024-000002"}, 3, "--lang");
    expect_error({"--as", "html", "--invoice", "2024-999999"}, 4, "--invoice");
    expect_error({"--as", "csv", "--out", (dir / "missing").string()}, 4, "--out");
    EXPECT_EQ(jc({"--role", "coordinator", "pricing", "payroll", "export", "77", "--as", "csv"}).exit_code, 4);
    EXPECT_EQ(database_contents(), before);
}

}  // namespace
