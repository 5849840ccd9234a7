// End-to-end tests of `pricing quote`: the known prices of the app model to the cent, one line per occurrence
// of an order with the VAT in force on its day, the unit's coefficient and discount from its script, and a
// broken script reported as a script error.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "matching/support/matching_fixture.hpp"

namespace {
namespace fs = std::filesystem;
namespace json = boost::json;
using jobcenter::testing::write_file;

class PricingQuote : public jobcenter::testing::MatchingCliTest {
protected:
    // A copy of the shipped scripts with `units/<unit>/pricing.lua` holding `text`; returns the folder.
    fs::path scripts_with(const std::string& unit, const std::string& text) {
        auto scripts = dir.path() / "scripts";
        fs::create_directories(scripts / "defaults");
        for (const char* module : {"pricing.lua", "matching.lua", "register.lua"})
            fs::copy_file(fs::path(JOBCENTER_SOURCE_DIR) / "scripts/defaults" / module, scripts / "defaults" / module,
                          fs::copy_options::overwrite_existing);
        write_file(scripts / "units" / unit / "pricing.lua", text);
        return scripts;
    }
    static std::string total(const json::value& quote, const char* field) {
        return std::string(quote.at("totals").at(field).as_string());
    }
};

TEST_F(PricingQuote, TheAppModelsKnownPricesComeOutToTheCent) {
    auto commission_2022 = jc_json({"pricing", "quote", "--contract", "commission", "--hours", "1", "--on", "2022-06-01"});
    EXPECT_EQ(total(commission_2022, "net"), "14.50");
    EXPECT_EQ(total(commission_2022, "vat"), "3.48");
    EXPECT_EQ(total(commission_2022, "gross"), "17.98");
    auto employment_2022 = jc_json({"pricing", "quote", "--contract", "employment", "--hours", "1", "--on", "2022-06-01"});
    EXPECT_EQ(total(employment_2022, "net"), "20.00");
    EXPECT_EQ(total(employment_2022, "vat"), "4.80");
    EXPECT_EQ(total(employment_2022, "gross"), "24.80");
    auto commission_2025 = jc_json({"pricing", "quote", "--contract", "commission", "--hours", "1", "--on", "2025-01-15"});
    EXPECT_EQ(total(commission_2025, "vat"), "3.70");
    EXPECT_EQ(total(commission_2025, "gross"), "18.20");
}

TEST_F(PricingQuote, ALineSplitsItsNetIntoWageSideAndServiceCosts) {
    auto line = jc_json({"pricing", "quote", "--contract", "employment", "--hours", "2,5", "--on", "2026-01-15"}).at("lines").at(0);
    EXPECT_EQ(line.at("hourly_price").as_string(), "20.00");
    EXPECT_EQ(line.at("net").as_string(), "50.00");
    EXPECT_EQ(line.at("wage").as_string(), "25.00");
    EXPECT_EQ(line.at("side_costs").as_string(), "13.75");
    EXPECT_EQ(line.at("service_costs").as_string(), "11.25");
    EXPECT_EQ(line.at("vat_percent").as_string(), "25.5");
    EXPECT_EQ(jc({"pricing", "quote", "--on", "2026-02-30"}).exit_code, 2);
    auto both = jc({"pricing", "quote", "--order", "T-1", "--hours", "2"});
    EXPECT_EQ(both.exit_code, 2);
    EXPECT_NE(both.err.find("--hours"), std::string::npos) << both.err;
}

TEST_F(PricingQuote, AnOrderAcrossTheVatChangeShowsBothRatesLineByLine) {
    load({}, {order("T-1", {{"start", "2024-08-20T09:00"}, {"hours", "1.5"}, {"seats", 1}, {"contract", "commission"},
                            {"repeat", json::object{{"every_days", 7}, {"until", "2024-09-10"}}}})});
    auto quote = jc_json({"pricing", "quote", "--order", "T-1"});
    const auto& lines = quote.at("lines").as_array();
    ASSERT_EQ(lines.size(), 4u);
    std::vector<std::string> rates;
    for (const auto& line : lines) rates.push_back(std::string(line.at("vat_percent").as_string()));
    EXPECT_EQ(rates, (std::vector<std::string>{"24", "24", "25.5", "25.5"}));
    // 1.5 h x 14.50 = 21.75; VAT 5.22 at 24 % and 5.55 at 25.5 %, each rounded on its line.
    EXPECT_EQ(lines[0].at("net").as_string(), "21.75");
    EXPECT_EQ(lines[0].at("vat").as_string(), "5.22");
    EXPECT_EQ(lines[2].at("vat").as_string(), "5.55");
    const auto& by_rate = quote.at("vat_by_rate").as_array();
    ASSERT_EQ(by_rate.size(), 2u);
    EXPECT_EQ(by_rate[0].at("net").as_string(), "43.50");
    EXPECT_EQ(by_rate[0].at("vat").as_string(), "10.44");
    EXPECT_EQ(by_rate[1].at("vat").as_string(), "11.10");
    EXPECT_EQ(total(quote, "gross"), "108.54");
}

TEST_F(PricingQuote, PerLineRoundingIsKeptInTheTotals) {
    // 24 minutes at 14.50 = 5.80 a line; VAT 24 % of 5.80 = 1.392 -> 1.39 a line. Three lines: net 17.40 and
    // VAT 4.17, the sum of the lines' own VAT (rounding 17.40 x 24 % = 4.176 would give 4.18).
    load({}, {order("T-2", {{"start", "2022-06-01T09:00"}, {"hours", "0.4"}, {"seats", 1}, {"contract", "commission"},
                            {"repeat", json::object{{"every_days", 1}, {"until", "2022-06-03"}}}})});
    auto quote = jc_json({"pricing", "quote", "--order", "T-2"});
    ASSERT_EQ(quote.at("lines").as_array().size(), 3u);
    EXPECT_EQ(quote.at("lines").at(0).at("net").as_string(), "5.80");
    EXPECT_EQ(quote.at("lines").at(0).at("vat").as_string(), "1.39");
    EXPECT_EQ(total(quote, "net"), "17.40");
    EXPECT_EQ(total(quote, "vat"), "4.17");
    EXPECT_EQ(total(quote, "gross"), "21.57");
}

TEST_F(PricingQuote, TheUnitsScriptSetsItsCoefficientAndALargeOrderDiscount) {
    load({}, {order("T-3", {{"start", "2026-02-02T09:00"}, {"hours", 4}, {"seats", 3}, {"contract", "commission"},
                            {"repeat", json::object{{"every_days", 7}, {"until", "2026-03-30"}}}})});
    auto scripts = scripts_with("pakila",
                                "local M = defaults()\n"
                                "function M.coefficient(contract, date, standard)\n"
                                "  if contract == 'commission' and date >= '2026-03-01' then return '1.40' end\n"
                                "  return standard\n"
                                "end\n"
                                "function M.discount(order, context)\n"
                                "  if tonumber(order.hours_total) >= 100 then return 10 end\n"
                                "  return 0\n"
                                "end\n"
                                "return M\n");
    auto quote = jc_json({"--scripts", scripts.string(), "--unit", "pakila", "pricing", "quote", "--order", "T-3"});
    const auto& lines = quote.at("lines").as_array();
    ASSERT_EQ(lines.size(), 9u);  // 9 Mondays x 3 seats x 4 h = 108 h: a 10 % discount
    EXPECT_EQ(lines[0].at("hourly_price").as_string(), "14.50");
    EXPECT_EQ(lines[0].at("amount").as_string(), "174.00");
    EXPECT_EQ(lines[0].at("discount").as_string(), "17.40");
    EXPECT_EQ(lines[0].at("net").as_string(), "156.60");
    EXPECT_EQ(lines[0].at("service_costs").as_string(), "36.60");
    EXPECT_EQ(lines[8].at("coefficient").as_string(), "1.4");
    EXPECT_EQ(lines[8].at("hourly_price").as_string(), "14.00");
    EXPECT_EQ(quote.at("unit").as_string(), "pakila");
}

TEST_F(PricingQuote, ABrokenScriptOrADiscountPastItsBoundIsAScriptErrorNamingTheFile) {
    load({}, {order("T-4", {{"contract", "commission"}})});
    auto scripts = scripts_with("pakila", "local M = defaults()\nfunction M.discount() return 40 end\nreturn M\n");
    write_file(scripts / "units/vallila/pricing.lua", "local M = {}\nfunction M.coefficient() return 'lots' end\nreturn M\n");
    auto greedy = jc({"--scripts", scripts.string(), "--unit", "pakila", "pricing", "quote", "--order", "T-4"});
    EXPECT_EQ(greedy.exit_code, 6) << greedy.err;
    EXPECT_NE(greedy.err.find("units/pakila/pricing.lua"), std::string::npos) << greedy.err;
    EXPECT_NE(greedy.err.find("discount"), std::string::npos) << greedy.err;
    auto broken = jc({"--scripts", scripts.string(), "--unit", "vallila", "pricing", "quote"});
    EXPECT_EQ(broken.exit_code, 6) << broken.err;
    EXPECT_NE(broken.err.find("units/vallila/pricing.lua"), std::string::npos) << broken.err;
    EXPECT_NE(broken.err.find("coefficient"), std::string::npos) << broken.err;
}

TEST_F(PricingQuote, AnUnknownOrderIsNotFound) {
    auto r = jc({"pricing", "quote", "--order", "T-404"});
    EXPECT_EQ(r.exit_code, 4) << r.err;
    EXPECT_NE(r.err.find("T-404"), std::string::npos) << r.err;
}

}  // namespace
