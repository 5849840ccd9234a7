// End-to-end tests of `pricing quote`: dated VAT, the contract coefficient from the unit's script, and a
// broken script reported as a script error.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "support/cli_fixture.hpp"

namespace {
namespace fs = std::filesystem;
using jobcenter::testing::write_file;

using PricingQuote = jobcenter::testing::CliTest;

TEST_F(PricingQuote, UsesDatedVatAndTheScriptCoefficient) {
    auto before = jc_json({"pricing", "quote", "--contract", "commission", "--on", "2022-06-01"});
    EXPECT_EQ(before.at("hourly_price").as_string(), "14.50");
    EXPECT_EQ(before.at("vat").as_string(), "3.48");
    EXPECT_EQ(before.at("gross").as_string(), "17.98");
    auto after = jc_json({"pricing", "quote", "--contract", "commission", "--on", "2024-09-01"});
    EXPECT_EQ(after.at("vat_percent").as_string(), "25.5");
    EXPECT_EQ(after.at("vat").as_string(), "3.70");
    auto employment = jc_json({"pricing", "quote", "--contract", "employment", "--hours", "2,5", "--on", "2026-01-15"});
    EXPECT_EQ(employment.at("net").as_string(), "50.00");
    EXPECT_EQ(jc({"pricing", "quote", "--on", "2026-02-30"}).exit_code, 2);
}

TEST_F(PricingQuote, UnitScriptOverridesCoefficientAndBrokenScriptIsAScriptError) {
    // A private copy of the scripts folder with one unit's override.
    auto scripts = dir.path() / "scripts";
    fs::create_directories(scripts / "defaults");
    fs::copy_file(fs::path(JOBCENTER_SOURCE_DIR) / "scripts/defaults/pricing.lua", scripts / "defaults/pricing.lua");
    write_file(scripts / "units/pakila/pricing.lua",
               "local M = defaults()\n"
               "function M.coefficient(contract, date, standard)\n"
               "  if contract == 'commission' and date >= '2026-01-01' then return 1.30 end\n"
               "  return standard\n"
               "end\n"
               "return M\n");
    write_file(scripts / "units/vallila/pricing.lua", "local M = {}\nfunction M.coefficient() return 'lots' end\nreturn M\n");
    add_unit("pakila");
    add_unit("vallila", "VATTI");
    auto cheap = jc_json({"--scripts", scripts.string(), "--unit", "pakila", "pricing", "quote", "--on", "2026-01-15"});
    EXPECT_EQ(cheap.at("coefficient").as_string(), "1.3");
    EXPECT_EQ(cheap.at("hourly_price").as_string(), "13.00");
    auto broken = jc({"--scripts", scripts.string(), "--unit", "vallila", "pricing", "quote"});
    EXPECT_EQ(broken.exit_code, 6) << broken.err;
    EXPECT_NE(broken.err.find("units/vallila/pricing.lua"), std::string::npos) << broken.err;
    EXPECT_NE(broken.err.find("coefficient"), std::string::npos) << broken.err;
}

}  // namespace
