// The shipped pricing script passes `jobcenter script check` with the plugin's real entry points, and a unit's
// discount outside 0-30 % or a coefficient outside 1-5 is reported naming the file.
#include <gtest/gtest.h>

#include "support/cli_fixture.hpp"

namespace {
namespace fs = std::filesystem;
using jobcenter::testing::write_file;

using PricingScripts = jobcenter::testing::CliTest;

TEST_F(PricingScripts, TheDefaultScriptPassesTheCheck) {
    const auto file = fs::path(JOBCENTER_SOURCE_DIR) / "scripts/defaults/pricing.lua";
    auto r = jc({"script", "check", file.string()});
    EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
    EXPECT_NE(r.out.find("coefficient"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("discount"), std::string::npos) << r.out;
}

TEST_F(PricingScripts, ADiscountOutsideItsBoundsIsReportedWithTheFile) {
    auto scripts = dir.path() / "scripts";
    fs::create_directories(scripts / "defaults");
    fs::copy_file(fs::path(JOBCENTER_SOURCE_DIR) / "scripts/defaults/pricing.lua", scripts / "defaults/pricing.lua");
    const auto file = scripts / "units/pakila/pricing.lua";
    write_file(file, "local M = defaults()\n"
                     "function M.discount(order, context)\n"
                     "  if tonumber(order.hours_total) > 1000 then return 45 end\n"
                     "  return 0\n"
                     "end\n"
                     "return M\n");
    auto r = jc({"--scripts", scripts.string(), "script", "check", file.string()});
    EXPECT_NE(r.exit_code, 0) << r.out;
    const std::string all = r.out + r.err;
    EXPECT_NE(all.find("units/pakila/pricing.lua"), std::string::npos) << all;
    EXPECT_NE(all.find("discount"), std::string::npos) << all;
    EXPECT_NE(all.find("45"), std::string::npos) << all;
}

}  // namespace
