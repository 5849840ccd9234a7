// generate_registers as a benchmark script runs it: --classic and the three --no-... flags give the
// output of before the classes of issue 20, the default output holds them, and a bad value is refused.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "jobcenter/fnv1a.hpp"
#include "support/test_support.hpp"

namespace {
using jobcenter::testing::read_file;
using jobcenter::testing::run_program;

class GenerateRegisters : public ::testing::Test {
protected:
    jobcenter::testing::TempDir dir;

    // The CSV (with the truth column) that generate_registers writes for 10,000 records of seed 7 and `flags`.
    std::string generate(const std::vector<std::string>& flags) {
        std::vector<std::string> args{"--records", "10000", "--seed", "7", "--with-truth-column", "--out",
                                      (dir / "out.csv").string()};
        args.insert(args.end(), flags.begin(), flags.end());
        const auto result = run_program(GENERATE_REGISTERS, args);
        EXPECT_EQ(result.exit_code, 0) << result.err;
        return read_file(dir / "out.csv");
    }
};

// The fingerprint of `generate_registers --records 10000 --seed 7 --with-truth-column` before the classes.
constexpr std::uint64_t kBefore = 0xe11d5cf8ad80c374ULL;

TEST_F(GenerateRegisters, ClassicGivesTheOutputOfBefore) {
    EXPECT_EQ(jobcenter::fnv1a(generate({"--classic"})), kBefore);
    EXPECT_EQ(jobcenter::fnv1a(generate({"--no-city-sites", "--no-namesakes", "--no-excel"})), kBefore);
    EXPECT_EQ(jobcenter::fnv1a(generate({"--city-site-share", "0", "--namesake-share", "0", "--excel-units", "0"})), kBefore);
}

TEST_F(GenerateRegisters, DefaultOutputHoldsTheClasses) {
    const std::string csv = generate({});
    EXPECT_NE(jobcenter::fnv1a(csv), kBefore);
    EXPECT_NE(csv.find("Sosiaali-, terveys- ja pelastustoimiala, "), std::string::npos);
    EXPECT_NE(csv.find(";2012566;"), std::string::npos) << "the City's business ID as Excel saves it";
    EXPECT_NE(csv.find("Tmi "), std::string::npos);
    // One class off changes the output but not the others' absence.
    const std::string no_excel = generate({"--no-excel"});
    EXPECT_EQ(no_excel.find(";2012566;"), std::string::npos);
    EXPECT_NE(no_excel.find("Sosiaali-, terveys- ja pelastustoimiala, "), std::string::npos);
}

TEST_F(GenerateRegisters, RefusesABadShare) {
    const auto result = run_program(GENERATE_REGISTERS, {"--records", "10", "--namesake-share", "many", "--out",
                                                         (dir / "out.csv").string()});
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_NE(result.err.find("--namesake-share: not a number: many"), std::string::npos) << result.err;
}

}  // namespace
