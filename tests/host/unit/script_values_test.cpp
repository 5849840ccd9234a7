// Tests of which script results may be decimal strings: a coefficient (or money) may be "1.45", exactly;
// every plain number field refuses a string, even one that reads as a number, naming the field and line.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "lua_sandbox.hpp"
#include "script_error.hpp"
#include "support/cli_fixture.hpp"
#include "support/test_support.hpp"

namespace jobcenter {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;
using jobcenter::testing::TempDir;
using jobcenter::testing::write_file;
using ::testing::HasSubstr;

class ScriptValuesTest : public ::testing::Test {
protected:
    void SetUp() override {
        file_ = dir_ / "defaults/values.lua";
        write_file(file_, R"(local M = {}
function M.weight() return "1.5" end
function M.days() return "30" end
function M.coefficient() return "1.45" end
function M.comma() return "1,45" end
function M.number() return 1.45 end
function M.too_precise() return "1.4500001" end
function M.words() return "lots" end
return M
)");
    }
    ScriptValue call(const char* entry) { return box_.call("values", entry, {}); }

    TempDir dir_;
    fs::path file_;
    LuaSandbox box_{"pakila", dir_.path()};
};

TEST_F(ScriptValuesTest, APlainNumberFieldRefusesADecimalString) {
    auto e = script_error([&] { script_number(call("weight"), "link_score", -50, 50); });
    EXPECT_EQ(e.code(), ExitCode::script);
    EXPECT_THAT(e.what(), HasSubstr("link_score must be a number between -50 and 50, got string \"1.5\": write the "
                                    "number without quotes (only coefficients and money may be decimal strings)"));
    EXPECT_EQ(e.where(), "unit pakila, " + file_.string() + ":2, weight");
    auto days = script_error([&] { script_integer(call("days"), "recent_contact_days", 0, 3650); });
    EXPECT_EQ(days.code(), ExitCode::script);
    EXPECT_THAT(days.what(), HasSubstr("recent_contact_days must be a whole number between 0 and 3650, got string "
                                       "\"30\": write the number without quotes"));
    EXPECT_EQ(days.where(), "unit pakila, " + file_.string() + ":3, days");
}

TEST_F(ScriptValuesTest, ACoefficientTakesADecimalStringExactly) {
    auto one = Decimal::from_integer(1);
    auto five = Decimal::from_integer(5);
    EXPECT_EQ(script_decimal(call("coefficient"), "coefficient", one, five), Decimal::from_micros(1'450'000));
    EXPECT_EQ(script_decimal(call("comma"), "coefficient", one, five), Decimal::from_micros(1'450'000));
    EXPECT_EQ(script_decimal(call("number"), "coefficient", one, five), Decimal::from_micros(1'450'000));
    auto precise = script_error([&] { script_decimal(call("too_precise"), "coefficient", one, five); });
    EXPECT_EQ(precise.code(), ExitCode::script);
    EXPECT_THAT(precise.what(), HasSubstr("coefficient must be a number between 1 and 5 (or a decimal string such as "
                                          "\"1.45\"), got string \"1.4500001\""));
    EXPECT_EQ(precise.where(), "unit pakila, " + file_.string() + ":7, too_precise");
    EXPECT_THAT(script_error([&] { script_decimal(call("words"), "coefficient", one, five); }).what(),
                HasSubstr("got string \"lots\""));
}

// The same rules through the command line: the pricing coefficient as a string prices to the cent, a
// register weight as a string fails `script check` with exit 6.
using ScriptValuesCommandLine = jobcenter::testing::CliTest;

TEST_F(ScriptValuesCommandLine, DecimalStringsOnlyWhereTheyAreExact) {
    auto scripts = dir.path() / "scripts";
    fs::create_directories(scripts / "defaults");
    for (const char* module : {"pricing.lua", "register.lua"})
        fs::copy_file(fs::path(JOBCENTER_SOURCE_DIR) / "scripts/defaults" / module, scripts / "defaults" / module);
    write_file(scripts / "units/pakila/pricing.lua",
               "local M = defaults()\nfunction M.coefficient() return \"1.45\" end\nreturn M\n");
    auto quoted_weight = scripts / "units/pakila/register.lua";
    write_file(quoted_weight, "local M = defaults()\nM.match.link_score = \"8\"\nreturn M\n");
    add_unit("pakila");

    auto quote = jc_json({"--scripts", scripts.string(), "--unit", "pakila", "pricing", "quote", "--on", "2026-01-15"});
    EXPECT_EQ(quote.at("lines").at(0).at("coefficient").as_string(), "1.45");
    EXPECT_EQ(quote.at("lines").at(0).at("hourly_price").as_string(), "14.50");

    auto check = jc({"--scripts", scripts.string(), "--unit", "pakila", "script", "check", quoted_weight.string()});
    EXPECT_EQ(check.exit_code, 6) << check.out << check.err;
    std::string report = check.out + check.err;
    EXPECT_THAT(report, HasSubstr(quoted_weight.string()));
    EXPECT_THAT(report, HasSubstr("link_score must be a number between -50 and 50, got string \"8\": write the "
                                  "number without quotes"));
}

}  // namespace
}  // namespace jobcenter
