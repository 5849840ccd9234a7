// Business ID (Y-tunnus) forms and the check digit (docs/domain.md §11), with worked examples.
#include <gtest/gtest.h>

#include "register/normalize/business_id.hpp"

namespace {
using namespace jobcenter::register_plugin;

TEST(BusinessId, CheckDigitExamples) {
    EXPECT_EQ(business_id_check_digit("2077474"), '0');
    EXPECT_EQ(business_id_check_digit("1572860"), '0');
    EXPECT_EQ(business_id_check_digit("1366959"), '8');
    EXPECT_EQ(business_id_check_digit("1234567"), '1');
    EXPECT_EQ(business_id_check_digit("0201256"), '6');  // City of Helsinki
}

TEST(BusinessId, RemainderOneIsNeverValid) {
    // 0000006: 6 x 2 = 12, and 12 mod 11 = 1, so no check digit exists.
    EXPECT_EQ(business_id_check_digit("0000006"), std::nullopt);
    auto id = parse_business_id("0000006-0");
    EXPECT_FALSE(id.valid);
    EXPECT_NE(id.problem.find("remainder is 1"), std::string::npos);
}

TEST(BusinessId, AcceptedForms) {
    for (const char* text : {"2077474-0", "20774740", "FI20774740", "fi20774740", " 2077474-0 ", "2077474 0", "20774740 "}) {
        auto id = parse_business_id(text);
        EXPECT_TRUE(id.valid) << text << ": " << id.problem;
        EXPECT_EQ(id.canonical, "2077474-0") << text;
    }
    auto old = parse_business_id("201256-6");
    EXPECT_TRUE(old.valid) << old.problem;
    EXPECT_EQ(old.canonical, "0201256-6");
}

TEST(BusinessId, WrongCheckDigitIsFlaggedWithTheRightOne) {
    auto id = parse_business_id("2077474-1");
    EXPECT_FALSE(id.valid);
    EXPECT_EQ(id.canonical, "2077474-1");
    EXPECT_NE(id.problem.find("should be 0, not 1"), std::string::npos) << id.problem;
}

TEST(BusinessId, NonsenseIsNotABusinessId) {
    for (const char* text : {"", "abc", "123", "12345-67", "123456789", "2077474-0-1", "20774-740"}) {
        auto id = parse_business_id(text);
        EXPECT_FALSE(id.valid) << text;
        EXPECT_TRUE(id.canonical.empty()) << text;
        EXPECT_FALSE(id.problem.empty()) << text;
    }
}

}  // namespace
