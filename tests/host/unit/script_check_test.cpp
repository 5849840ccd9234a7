// Tests of `script check`: a script is loaded as the module named by its file, and each entry point the
// plugins declare is checked; every problem is reported with the file and line.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "script_check.hpp"
#include "support/test_support.hpp"

namespace jobcenter {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;
using jobcenter::testing::TempDir;
using jobcenter::testing::write_file;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

SandboxLimits small_limits() {
    SandboxLimits limits;
    limits.memory_bytes = 8u << 20;
    limits.instructions_per_call = 5'000'000;
    limits.time_per_call = std::chrono::milliseconds(500);
    return limits;
}

// What the pricing plugin declares: coefficient(contract, date) -> 1..5, twice with different
// samples, plus a data table and an optional hook.
std::vector<ScriptEntry> pricing_entries() {
    ScriptEntry coefficient;
    coefficient.module = "pricing";
    coefficient.name = "coefficient";
    coefficient.summary = "coefficient(contract_type, date) -> number between 1 and 5";
    coefficient.sample_args = {"commission", "2026-01-15"};
    coefficient.validate = [](const ScriptValue& v) {
        script_decimal(v, "coefficient", Decimal::from_integer(1), Decimal::from_integer(5));
    };
    ScriptEntry employment = coefficient;
    employment.sample_args = {"employment", "2026-01-15"};

    ScriptEntry rows;
    rows.module = "pricing";
    rows.name = "coefficients";
    rows.kind = ScriptEntry::Kind::table;

    ScriptEntry rounding;
    rounding.module = "pricing";
    rounding.name = "rounding";
    rounding.kind = ScriptEntry::Kind::string;
    rounding.required = false;

    ScriptEntry other;
    other.module = "matching";
    other.name = "weight";
    return {coefficient, employment, rows, rounding, other};
}

const char* good_pricing = R"(local M = {}
M.coefficients = {
  { contract = "commission", coefficient = 1.45, valid_from = "2021-01-01" },
  { contract = "employment", coefficient = 2.00, valid_from = "2021-01-01" },
}
function M.coefficient(contract_type, date)
  for _, row in ipairs(M.coefficients) do
    if row.contract == contract_type and row.valid_from <= date then return row.coefficient end
  end
  error("no coefficient for contract type '" .. tostring(contract_type) .. "'")
end
return M
)";

class ScriptCheckTest : public ::testing::Test {
protected:
    fs::path write(const std::string& relative, const std::string& text) {
        auto path = dir_ / relative;
        write_file(path, text);
        return path;
    }
    ScriptCheckReport check(const fs::path& file, const std::string& unit = "") {
        return check_script(file, unit, dir_.path(), pricing_entries(), small_limits());
    }
    static std::string all_problems(const ScriptCheckReport& report) {
        std::string text;
        for (const auto& p : report.problems) text += p.where + " (" + p.entry + "): " + p.message + "\n";
        return text;
    }

    TempDir dir_;
};

TEST_F(ScriptCheckTest, GoodDefaultsPass) {
    auto file = write("defaults/pricing.lua", good_pricing);
    auto report = check(file);
    EXPECT_TRUE(report.ok()) << all_problems(report);
    EXPECT_EQ(report.module, "pricing");
    EXPECT_EQ(report.file, file.string());
    EXPECT_THAT(report.checked, ElementsAre("coefficient", "coefficients"));
}

TEST_F(ScriptCheckTest, UnitFileUsingDefaultsPasses) {
    write("defaults/pricing.lua", good_pricing);
    auto file = write("units/pakila/pricing.lua",
                      "local M = defaults()\n"
                      "M.coefficients[#M.coefficients + 1] = { contract = 'commission', coefficient = 1.6, "
                      "valid_from = '2025-01-01' }\n"
                      "M.rounding = 'half_up'\n"
                      "return M\n");
    auto report = check(file, "pakila");
    EXPECT_TRUE(report.ok()) << all_problems(report);
    EXPECT_THAT(report.checked, ElementsAre("coefficient", "coefficients", "rounding"));
}

TEST_F(ScriptCheckTest, SyntaxErrorIsReportedWithFileAndLine) {
    auto file = write("units/pakila/pricing.lua", "local M = {}\nM.x = = 1\nreturn M\n");
    auto report = check(file, "pakila");
    ASSERT_EQ(report.problems.size(), 1u);
    EXPECT_EQ(report.problems[0].where, file.string() + ":2");
    EXPECT_EQ(report.problems[0].entry, "");
    EXPECT_THAT(report.problems[0].message, HasSubstr("unexpected symbol near '='"));
    EXPECT_FALSE(report.ok());
}

TEST_F(ScriptCheckTest, LoadErrorsAreReported) {
    auto not_table = write("a/pricing.lua", "return 5\n");
    auto report = check(not_table);
    ASSERT_EQ(report.problems.size(), 1u);
    EXPECT_THAT(report.problems[0].message, HasSubstr("must return a table"));

    auto runtime = write("b/pricing.lua", "local M = {}\n\nM.x = nil + 1\nreturn M\n");
    report = check(runtime);
    ASSERT_EQ(report.problems.size(), 1u);
    EXPECT_EQ(report.problems[0].where, runtime.string() + ":3");
    EXPECT_THAT(report.problems[0].message, HasSubstr("attempt to perform arithmetic on a nil value"));

    auto spin = write("c/pricing.lua", "while true do end\n");
    report = check(spin);
    ASSERT_EQ(report.problems.size(), 1u);
    EXPECT_THAT(report.problems[0].message, HasSubstr("instruction budget"));

    report = check(dir_ / "nowhere/pricing.lua");
    ASSERT_EQ(report.problems.size(), 1u);
    EXPECT_THAT(report.problems[0].message, HasSubstr("there is no file"));
}

TEST_F(ScriptCheckTest, EveryProblemIsCollected) {
    auto file = write("units/pakila/pricing.lua", R"(local M = {}
function M.coefficient(contract_type, date)
  if contract_type == "employment" then
    error("no employment rows yet")
  end
  return 7.5
end
M.coefficients = "not a table"
M.rounding = 3
return M
)");
    auto report = check(file, "pakila");
    ASSERT_EQ(report.problems.size(), 4u) << all_problems(report);
    // commission: runs, but 7.5 is out of range; the site is the function's definition.
    EXPECT_EQ(report.problems[0].entry, "coefficient");
    EXPECT_EQ(report.problems[0].where, file.string() + ":2");
    EXPECT_THAT(report.problems[0].message, HasSubstr("coefficient must be a number between 1 and 5"));
    EXPECT_THAT(report.problems[0].message, HasSubstr("got number 7.5"));
    EXPECT_THAT(report.problems[0].message, HasSubstr(R"(["commission","2026-01-15"])"));
    // employment: the script's error, at the line of error().
    EXPECT_EQ(report.problems[1].entry, "coefficient");
    EXPECT_EQ(report.problems[1].where, file.string() + ":4");
    EXPECT_THAT(report.problems[1].message, HasSubstr("no employment rows yet"));
    EXPECT_EQ(report.problems[2].entry, "coefficients");
    EXPECT_THAT(report.problems[2].message, HasSubstr("must be a table, but it is a string"));
    EXPECT_EQ(report.problems[3].entry, "rounding");
    EXPECT_THAT(report.problems[3].message, HasSubstr("must be a string, but it is a number"));
    EXPECT_TRUE(report.checked.empty());
}

TEST_F(ScriptCheckTest, MissingRequiredEntriesAreProblemsOptionalOnesAreNot) {
    auto file = write("defaults/pricing.lua", "return { coefficients = {} }\n");
    auto report = check(file);
    ASSERT_EQ(report.problems.size(), 2u) << all_problems(report);
    EXPECT_EQ(report.problems[0].entry, "coefficient");
    EXPECT_THAT(report.problems[0].message, HasSubstr("missing"));
    EXPECT_THAT(report.problems[0].message, HasSubstr("coefficient(contract_type, date)"));
    EXPECT_EQ(report.problems[0].where, file.string());
    EXPECT_THAT(report.checked, ElementsAre("coefficients"));
}

TEST_F(ScriptCheckTest, WrongKindsAreProblems) {
    auto file = write("defaults/pricing.lua",
                      "return { coefficient = 1.45, coefficients = function() return {} end }\n");
    auto report = check(file);
    ASSERT_EQ(report.problems.size(), 3u) << all_problems(report);
    EXPECT_THAT(report.problems[0].message, HasSubstr("not a function"));
    EXPECT_THAT(report.problems[2].message, HasSubstr("is a function"));
}

TEST_F(ScriptCheckTest, HostileFunctionIsStoppedAndReported) {
    auto file = write("defaults/pricing.lua", "local M = { coefficients = {} }\n"
                                              "function M.coefficient() while true do end end\n"
                                              "return M\n");
    auto report = check(file);
    ASSERT_EQ(report.problems.size(), 2u) << all_problems(report);
    EXPECT_EQ(report.problems[0].where, file.string() + ":2");
    EXPECT_THAT(report.problems[0].message, HasSubstr("script exceeded its instruction budget"));
    EXPECT_THAT(report.checked, ElementsAre("coefficients"));
}

TEST_F(ScriptCheckTest, FileNamedForNoModuleIsAProblem) {
    auto file = write("defaults/pricnig.lua", good_pricing);
    auto report = check(file);
    ASSERT_EQ(report.problems.size(), 1u);
    EXPECT_EQ(report.module, "pricnig");
    EXPECT_THAT(report.problems[0].message, HasSubstr("no plugin reads a module named 'pricnig'"));
    EXPECT_THAT(report.problems[0].message, HasSubstr("pricing.lua"));
}

TEST_F(ScriptCheckTest, BadUnitNameIsReported) {
    auto file = write("defaults/pricing.lua", good_pricing);
    auto report = check(file, "../etc");
    ASSERT_EQ(report.problems.size(), 1u);
    EXPECT_THAT(report.problems[0].message, HasSubstr("not a valid unit name"));
}


}  // namespace
}  // namespace jobcenter
