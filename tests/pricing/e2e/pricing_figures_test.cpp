// End-to-end tests of `pricing figures list|set`: every seeded figure with its source and verification, the
// value in force on a day, a new value taking effect from its day while history stays, a correction of a day's
// value that keeps the old row, and every wrong value refused naming the flag with nothing written.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "support/cli_fixture.hpp"

namespace {
namespace json = boost::json;

class PricingFigures : public jobcenter::testing::CliTest {
protected:
    // The value of `name` in force on `day`, from `figures list --on`.
    std::string value_on(const std::string& name, const std::string& day) {
        auto listed = jc_json({"pricing", "figures", "list", "--on", day});
        for (const auto& row : listed.at("figures").as_array())
            if (row.at("name").as_string() == name) return std::string(row.at("value").as_string());
        return "(none)";
    }
    std::string net_of_one_hour(const std::string& day) {
        return std::string(jc_json({"pricing", "quote", "--hours", "1", "--on", day}).at("totals").at("net").as_string());
    }
};

TEST_F(PricingFigures, TheSeededFiguresCarryTheirSourceAndUnverifiedMarks) {
    auto listed = jc_json({"pricing", "figures", "list"});
    bool health_2026_unverified = false, vat_2024_verified = false;
    for (const auto& row : listed.at("figures").as_array()) {
        EXPECT_FALSE(row.at("source").as_string().empty()) << json::serialize(row);
        if (row.at("name") == "employer.health-insurance" && row.at("valid_from") == "2026-01-01")
            health_2026_unverified = !row.at("verified").as_bool();
        if (row.at("name") == "vat.general" && row.at("valid_from") == "2024-09-01")
            vat_2024_verified = row.at("verified").as_bool() && row.at("valid_to").is_null();
    }
    EXPECT_TRUE(health_2026_unverified);
    EXPECT_TRUE(vat_2024_verified);
    EXPECT_EQ(value_on("vat.general", "2024-08-31"), "24");
    EXPECT_EQ(value_on("vat.general", "2024-09-01"), "25.5");
    EXPECT_EQ(value_on("employer.tyel", "2026-06-30"), "17.1");
    EXPECT_EQ(value_on("wage.commission", "2026-06-30"), "10.00");
}

TEST_F(PricingFigures, ANewValueTakesEffectFromItsDayAndHistoryStays) {
    auto set = jc({"pricing", "figures", "set", "wage.commission", "11.00", "--from", "2027-01-01", "--source",
                   "decision of the employment services board", "--role", "admin"});
    ASSERT_EQ(set.exit_code, 0) << set.err;
    EXPECT_EQ(value_on("wage.commission", "2026-12-31"), "10.00");
    EXPECT_EQ(value_on("wage.commission", "2027-01-01"), "11.00");
    EXPECT_EQ(net_of_one_hour("2026-12-31"), "14.50");
    EXPECT_EQ(net_of_one_hour("2027-01-01"), "15.95");  // 11.00 x 1.45
    auto listed = jc_json({"pricing", "figures", "list"});
    int rows = 0;
    for (const auto& row : listed.at("figures").as_array())
        if (row.at("name") == "wage.commission") {
            ++rows;
            if (row.at("valid_from") == "2021-01-01") {
                EXPECT_EQ(row.at("valid_to").as_string(), "2026-12-31");
            }
        }
    EXPECT_EQ(rows, 2);
}

TEST_F(PricingFigures, ACorrectionOfADaysValueReplacesItAndKeepsTheOldRowListed) {
    auto set = jc({"pricing", "figures", "set", "employer.health-insurance", "1.91", "--from", "2026-01-01", "--source",
                   "Finlex (the 2026 rate)", "--role", "admin"});
    ASSERT_EQ(set.exit_code, 0) << set.err;
    EXPECT_NE(set.err.find("a day already past"), std::string::npos) << set.err;  // the clock says 2026-01-15
    EXPECT_EQ(value_on("employer.health-insurance", "2026-03-01"), "1.91");
    EXPECT_EQ(value_on("employer.health-insurance", "2025-12-31"), "1.87");
    int replaced = 0;
    const auto listed = jc_json({"pricing", "figures", "list"});
    for (const auto& row : listed.at("figures").as_array())
        if (row.at("name") == "employer.health-insurance" && row.as_object().contains("replaced")) ++replaced;
    EXPECT_EQ(replaced, 1);
}

TEST_F(PricingFigures, WrongValuesAndCallersAreRefusedAndNothingIsWritten) {
    jc_json({"pricing", "figures", "list"});  // creates and migrates the database
    const std::string before = database_contents();
    auto refused = [&](std::vector<std::string> args, int code, const std::string& says) {
        args.insert(args.begin(), {"pricing", "figures", "set"});
        auto r = jc(args);
        EXPECT_EQ(r.exit_code, code) << r.err;
        EXPECT_NE(r.err.find(says), std::string::npos) << "expected: " << says << "\ngot: " << r.err;
    };
    refused({"vat.general", "25.5", "--from", "2027-01-01", "--source", "x"}, 5, "needs the role admin");
    refused({"vat.generl", "25.5", "--from", "2027-01-01", "--source", "x", "--role", "admin"}, 3,
            "unknown figure 'vat.generl': the figures are wage.commission");
    refused({"vat.general", "125", "--from", "2027-01-01", "--source", "x", "--role", "admin"}, 3,
            "vat.general must be a percent from 0 to 100, not 125");
    refused({"coefficient.commission", "0.9", "--from", "2027-01-01", "--source", "x", "--role", "admin"}, 3,
            "must be a coefficient from 1 to 5");
    refused({"wage.commission", "10.005", "--from", "2027-01-01", "--source", "x", "--role", "admin"}, 3, "10.005");
    refused({"wage.commission", "11", "--from", "2027-02-30", "--source", "x", "--role", "admin"}, 2, "--from");
    refused({"wage.commission", "11", "--from", "2027-01-01", "--source", "  ", "--role", "admin"}, 3, "--source");
    EXPECT_EQ(database_contents(), before);
}

TEST_F(PricingFigures, TheDatabaseRefusesToRewriteOrDeleteAFigure) {
    jc_json({"pricing", "figures", "list"});  // creates and migrates the database
    auto figures = jobcenter::Database::open(db);
    EXPECT_THROW(figures.exec("UPDATE figure SET value = '30' WHERE name = 'vat.general'"), jobcenter::Error);
    EXPECT_THROW(figures.exec("DELETE FROM figure WHERE name = 'vat.general'"), jobcenter::Error);
}

}  // namespace
