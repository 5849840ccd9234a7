// End-to-end tests of `pricing report`: on data shaped like the pilot's monitoring (DOMAIN.md §6.2: VATTI 27
// persons and 766 h, Kuty 8 persons and 170 h by 24.10.2022) the report gives exactly those figures, leaving out
// cancelled runs and work outside the period and netting an adjustment on its day of work; staff see their own
// unit's figures; CSV and JSON documents; mistakes named by flag.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>
#include <cstdio>

#include "pricing/support/export_cli_fixture.hpp"

namespace {
namespace json = boost::json;
using jobcenter::testing::CliTest;
using jobcenter::testing::RunRows;
using jobcenter::testing::WorkRow;

// The ISO date `offset` days after 1.2.2022.
std::string pilot_day(int offset) {
    using namespace std::chrono;
    const year_month_day day{sys_days{year{2022} / February / 1} + days{offset}};
    char text[11];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(day.year()), static_cast<unsigned>(day.month()),
                  static_cast<unsigned>(day.day()));
    return text;
}

class PricingReport : public CliTest {
protected:
    PricingReport() { quiet = true; }

    // 27 VATTI workers (toolo, vallila) with 383 two-hour occurrences (766 h) and 8 Kuty workers (pakila) with 85
    // (170 h), from February to mid-October 2022, paid in two runs split at June; plus work the report must not
    // count: an hour paid and taken back by an adjustment, a cancelled run, and a paid run in November.
    void SetUp() override {
        add_unit("toolo", "VATTI");
        add_unit("vallila", "VATTI");
        add_unit("pakila", "KUTY");
        std::vector<WorkRow> work;
        for (int i = 0; i < 27; ++i)
            for (int k = 0; k < (i < 5 ? 15 : 14); ++k)
                work.push_back({.client = "V-" + std::to_string(i), .client_name = "Vatti " + std::to_string(i),
                                .unit = i % 2 ? "toolo" : "vallila", .orderer_id = 100 + i % 4,
                                .task_type = i % 3 ? "packing-bagging" : "office-cleaning", .date = pilot_day(k * 14 + i),
                                .minutes = 120, .order_id = "T-V" + std::to_string(i % 5), .gig_id = 1000 + i});
        for (int j = 0; j < 8; ++j)
            for (int k = 0; k < (j < 5 ? 11 : 10); ++k)
                work.push_back({.client = "K-" + std::to_string(j), .client_name = "Kuty " + std::to_string(j),
                                .unit = "pakila", .orderer_id = 200 + j % 2, .task_type = "sewing",
                                .date = pilot_day(k * 20 + j), .minutes = 120, .order_id = "T-K" + std::to_string(j % 2),
                                .gig_id = 2000 + j});
        RunRows spring{.period_from = "2022-02-01", .period_to = "2022-05-31", .pay_date = "2022-06-10", .status = "paid"};
        RunRows autumn{.period_from = "2022-06-01", .period_to = "2022-10-24", .pay_date = "2022-10-31"};
        for (const auto& w : work) (w.date < "2022-06-01" ? spring : autumn).work.push_back(w);
        const WorkRow corrected{.client = "V-0", .client_name = "Vatti 0", .unit = "vallila", .orderer_id = 100,
                                .date = "2022-03-15", .minutes = 60, .order_id = "T-V0", .gig_id = 9000};
        spring.work.push_back(corrected);
        WorkRow taken_back = corrected;
        taken_back.minutes = -60;
        taken_back.kind = "adjustment";
        autumn.work.push_back(taken_back);
        RunRows cancelled{.period_from = "2022-04-01", .period_to = "2022-04-30", .pay_date = "2022-05-05",
                          .status = "cancelled"};
        cancelled.work.push_back({.client = "V-0", .client_name = "Vatti 0", .unit = "vallila", .orderer_id = 100,
                                  .date = "2022-04-01", .minutes = 600, .order_id = "T-V0", .gig_id = 9001});
        RunRows november{.period_from = "2022-11-01", .period_to = "2022-11-30", .pay_date = "2022-12-05"};
        november.work.push_back({.client = "V-99", .client_name = "Vatti 99", .unit = "toolo", .orderer_id = 100,
                                 .date = "2022-11-30", .minutes = 480, .order_id = "T-V9", .gig_id = 9002});
        auto opened = jobcenter::Database::open(db);
        for (const auto* run : {&spring, &autumn, &cancelled, &november}) jobcenter::testing::write_payroll_run(opened, *run);
    }

    json::value report(std::vector<std::string> who, const std::string& by) {
        std::vector<std::string> args{"pricing", "report", "--from", "2022-02-01", "--to", "2022-10-24", "--by", by};
        args.insert(args.begin(), who.begin(), who.end());
        return jc_json(args);
    }
};

TEST_F(PricingReport, GivesThePilotsFiguresByOrganisation) {
    const auto r = report({"--role", "coordinator"}, "organisation");
    const auto& rows = r.at("rows").as_array();
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].at("organisation").as_string(), "KUTY");
    EXPECT_EQ(rows[0].at("persons").as_int64(), 8);
    EXPECT_EQ(rows[0].at("hours").as_string(), "170");
    EXPECT_EQ(rows[0].at("gigs").as_int64(), 8);
    EXPECT_EQ(rows[0].at("orders").as_int64(), 2);
    EXPECT_EQ(rows[0].at("orderers").as_int64(), 2);
    EXPECT_EQ(rows[1].at("organisation").as_string(), "VATTI");
    EXPECT_EQ(rows[1].at("persons").as_int64(), 27);
    EXPECT_EQ(rows[1].at("hours").as_string(), "766");
    EXPECT_EQ(rows[1].at("gigs").as_int64(), 27) << "the hour taken back counts no gig";
    EXPECT_EQ(rows[1].at("net_sales").as_string(), "11107.00");
    EXPECT_EQ(rows[1].at("pay").as_string(), "7660.00");
    const auto& total = r.at("total").as_object();
    EXPECT_EQ(total.at("persons").as_int64(), 35);
    EXPECT_EQ(total.at("hours").as_string(), "936");
    EXPECT_EQ(total.at("gigs").as_int64(), 35);
    EXPECT_EQ(total.at("orders").as_int64(), 7);
    EXPECT_EQ(total.at("orderers").as_int64(), 6);
    EXPECT_EQ(total.at("net_sales").as_string(), "13572.00");
    EXPECT_EQ(total.at("pay").as_string(), "9360.00");
}

TEST_F(PricingReport, GroupsByUnitOrdererAndTaskTypeAddUpToTheTotal) {
    for (const char* by : {"unit", "orderer", "task-type"}) {
        const auto r = report({"--role", "coordinator"}, by);
        std::int64_t minutes_sum = 0;
        for (const auto& row : r.at("rows").as_array())
            minutes_sum += static_cast<std::int64_t>(std::stod(std::string(row.at("hours").as_string())) * 60);
        EXPECT_EQ(minutes_sum, 936 * 60) << by;
        EXPECT_EQ(r.at("total").at("persons").as_int64(), 35) << by;
    }
    const auto units = report({"--role", "coordinator"}, "unit").at("rows").as_array();
    ASSERT_EQ(units.size(), 3u);
    EXPECT_EQ(units[0].at("unit").as_string(), "pakila");
    EXPECT_EQ(units[0].at("title").as_string(), "Unit pakila");
    EXPECT_EQ(units[1].at("persons").as_int64() + units[2].at("persons").as_int64(), 27);
    const auto orderers = report({"--role", "coordinator"}, "orderer").at("rows").as_array();
    ASSERT_EQ(orderers.size(), 6u);
    EXPECT_EQ(orderers[0].at("orderer_id").as_int64(), 100);
    EXPECT_EQ(orderers[0].at("orderer").as_string(), "Orderer 100");
}

TEST_F(PricingReport, StaffSeeTheirOwnUnitsFiguresOnly) {
    const auto r = report({"--unit", "pakila", "--role", "viewer"}, "unit");
    ASSERT_EQ(r.at("rows").as_array().size(), 1u);
    EXPECT_EQ(r.at("unit").as_string(), "pakila");
    EXPECT_EQ(r.at("total").at("persons").as_int64(), 8);
    EXPECT_EQ(r.at("total").at("hours").as_string(), "170");
    const auto without_unit = jc({"pricing", "report", "--from", "2022-02-01", "--to", "2022-10-24", "--by", "unit"});
    EXPECT_EQ(without_unit.exit_code, 2);
    EXPECT_NE(without_unit.err.find("--unit"), std::string::npos) << without_unit.err;
}

TEST_F(PricingReport, CsvAndJsonAreDocumentsWithTheTotal) {
    const auto csv = jc({"--role", "coordinator", "pricing", "report", "--from", "2022-02-01", "--to", "2022-10-24", "--by",
                         "organisation", "--as", "csv"});
    ASSERT_EQ(csv.exit_code, 0) << csv.err;
    EXPECT_EQ(csv.out, "organisation,persons,hours,gigs,orders,orderers,net_sales,pay\r\n"
                       "KUTY,8,170,8,2,2,2465.00,1700.00\r\n"
                       "VATTI,27,766,27,5,4,11107.00,7660.00\r\n"
                       "total,35,936,35,7,6,13572.00,9360.00\r\n");
    const auto orderer_csv = jc({"--role", "coordinator", "pricing", "report", "--from", "2022-02-01", "--to",
                                 "2022-10-24", "--by", "orderer", "--as", "csv"});
    EXPECT_EQ(orderer_csv.out.substr(0, orderer_csv.out.find("\r\n")),
              "orderer_id,orderer,persons,hours,gigs,orders,orderers,net_sales,pay");
    EXPECT_NE(orderer_csv.out.find("\r\ntotal,,35,936,"), std::string::npos) << orderer_csv.out;
    const auto as_json = jc({"--role", "coordinator", "pricing", "report", "--from", "2022-02-01", "--to", "2022-10-24",
                             "--by", "organisation", "--as", "json"});
    ASSERT_EQ(as_json.exit_code, 0) << as_json.err;
    EXPECT_EQ(json::parse(as_json.out), report({"--role", "coordinator"}, "organisation"));
}

TEST_F(PricingReport, MistakesAreNamedByFlag) {
    auto error = [&](std::vector<std::string> flags) {
        std::vector<std::string> args{"--role", "coordinator", "pricing", "report"};
        args.insert(args.end(), flags.begin(), flags.end());
        return jc(args);
    };
    auto backwards = error({"--from", "2022-10-24", "--to", "2022-02-01", "--by", "unit"});
    EXPECT_EQ(backwards.exit_code, 3);
    EXPECT_NE(backwards.err.find("--to: the period ends (2022-02-01) before it starts (2022-10-24)"), std::string::npos)
        << backwards.err;
    auto grouping = error({"--from", "2022-02-01", "--to", "2022-10-24", "--by", "colour"});
    EXPECT_EQ(grouping.exit_code, 3);
    EXPECT_NE(grouping.err.find("--by: unknown grouping 'colour'"), std::string::npos) << grouping.err;
    EXPECT_EQ(error({"--from", "2022-02-01", "--to", "2022-10-24", "--by", "unit", "--as", "xml"}).exit_code, 3);
    EXPECT_EQ(error({"--from", "2022-02-01", "--by", "unit"}).exit_code, 2);
}

}  // namespace
