// End-to-end tests of `pricing report`: on data shaped like the pilot's monitoring (DOMAIN.md §6.2: VATTI 27
// persons and 766 h, Kuty 8 persons and 170 h by 24.10.2022) the report gives exactly those figures, leaving out
// cancelled runs and work outside the period and netting an adjustment on its day of work; staff see their own
// unit's figures; CSV and JSON documents; mistakes named by flag.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>
#include <cstdio>

#include "pricing/support/payroll_world.hpp"

namespace {
namespace json = boost::json;
using jobcenter::testing::PayrollWorld;

// The ISO date `offset` days after 1.2.2022.
std::string pilot_day(int offset) {
    using namespace std::chrono;
    const year_month_day day{sys_days{year{2022} / February / 1} + days{offset}};
    char text[32];  // room for any int the compiler cannot rule out
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(day.year()), static_cast<unsigned>(day.month()),
                  static_cast<unsigned>(day.day()));
    return text;
}

// "DATE=HOURS" for each of the `count` occurrences every `every_days` from 1.2.2022: two hours on the first
// `worked`, none on the rest.
std::vector<std::string> two_hours_on_the_first(int worked, int count, int every_days) {
    std::vector<std::string> hours;
    for (int k = 0; k < count; ++k) hours.push_back(pilot_day(k * every_days) + (k < worked ? "=2" : "=0"));
    return hours;
}

class PricingReport : public PayrollWorld {
protected:
    std::vector<std::int64_t> orderers;  // "Orderer 100" to "Orderer 103" (VATTI's), "Orderer 200", "Orderer 201" (Kuty's)

    // 27 VATTI workers (toolo, vallila) on five orders of two hours every two weeks from 1.2.2022 (fifteen
    // occurrences, the last on 16.8.), five of them working all fifteen and 22 fourteen: 383 occurrences, 766 h.
    // 8 Kuty workers (pakila) on two orders of two hours every 20 days (eleven, the last on 20.8.), five working all
    // and three ten: 85 occurrences, 170 h. All commission work, paid by real runs: a run over April cancelled, the
    // spring (February to May) paid, the autumn (June to 24.10.) open. Besides, what the report must not count:
    // an hour of V-0's on 15.3. paid in the spring and taken back (its hours corrected to none) by the autumn run's
    // adjustment, and November work in a run of its own.
    void SetUp() override {
        PayrollWorld::SetUp();
        add_unit("vallila", "VATTI");
        for (const char* name : {"Orderer 100", "Orderer 101", "Orderer 102", "Orderer 103", "Orderer 200", "Orderer 201"})
            orderers.push_back(add_orderer({{"name", name}}));
        json::array clients, orders;
        for (int i = 0; i < 27; ++i)
            clients.push_back(client("V-" + std::to_string(i), i % 2 ? "toolo" : "vallila", "Vatti " + std::to_string(i)));
        for (int j = 0; j < 8; ++j) clients.push_back(client("K-" + std::to_string(j), "pakila", "Kuty " + std::to_string(j)));
        clients.push_back(client("V-99", "toolo", "Vatti 99"));
        for (int o = 0; o < 5; ++o)
            orders.push_back(order("T-V" + std::to_string(o), orderers[static_cast<std::size_t>(o % 4)], "commission",
                                   "2022-02-01T10:00", "2",
                                   {{"task_type", o % 3 ? "packing-bagging" : "office-cleaning"}, {"seats", 6},
                                    {"repeat", {{"every_days", 14}, {"until", "2022-08-16"}}}}));
        for (int o = 0; o < 2; ++o)
            orders.push_back(order("T-K" + std::to_string(o), orderers[static_cast<std::size_t>(4 + o)], "commission",
                                   "2022-02-01T10:00", "2",
                                   {{"task_type", "sewing"}, {"seats", 4}, {"repeat", {{"every_days", 20}, {"until", "2022-08-20"}}}}));
        orders.push_back(order("T-VX", orderers[0], "commission", "2022-03-15T10:00", "1", {{"seats", 1}}));
        orders.push_back(order("T-V9", orderers[0], "commission", "2022-11-30T09:00", "8", {{"seats", 1}}));
        load(clients, orders);

        for (int i = 0; i < 27; ++i)
            approved_gig("T-V" + std::to_string(i % 5), "V-" + std::to_string(i), two_hours_on_the_first(i < 5 ? 15 : 14, 15, 14));
        for (int j = 0; j < 8; ++j)
            approved_gig("T-K" + std::to_string(j % 2), "K-" + std::to_string(j), two_hours_on_the_first(j < 5 ? 11 : 10, 11, 20));
        const auto taken_back = approved_gig("T-VX", "V-0");
        approved_gig("T-V9", "V-99");

        pricing_ok("payroll-cancel", {{"run", payroll_run("2022-04-01", "2022-04-30", "2022-05-05")}, {"reason", "entered twice"}});
        pricing_ok("payroll-mark-paid", {{"run", payroll_run("2022-02-01", "2022-05-31", "2022-06-10")}});
        correct_hours(taken_back, "2022-03-15=0");
        payroll_run("2022-06-01", "2022-10-24", "2022-10-31");
        pricing_ok("payroll-mark-paid", {{"run", payroll_run("2022-11-01", "2022-11-30", "2022-12-05")}});
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
    const auto rows = report({"--role", "coordinator"}, "orderer").at("rows").as_array();
    ASSERT_EQ(rows.size(), 6u);
    EXPECT_EQ(rows[0].at("orderer_id").as_int64(), orderers[0]);
    EXPECT_EQ(rows[0].at("orderer").as_string(), "Orderer 100");
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
