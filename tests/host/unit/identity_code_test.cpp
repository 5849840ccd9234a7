// Unit tests of the personal identity code detector: valid codes of every century sign, wrong check
// characters, impossible dates, leap days by century, codes inside text, and near misses that must not match.
#include <gtest/gtest.h>

#include <string>

#include "jobcenter/identity_code.hpp"
#include "support/identity_codes.hpp"

namespace {
using jobcenter::contains_identity_code;
using jobcenter::find_identity_code;
using jobcenter::find_identity_codes;
using jobcenter::IdentityCodeSpan;
using jobcenter::mask_identity_codes;
using jobcenter::testing::identity_code;
using jobcenter::testing::wrong_check_character;

TEST(IdentityCode, KnownCodesMatch) {
    EXPECT_EQ(identity_code("131052", '-', "308"), "131052-308T");  // the usual example in descriptions of the rule
    EXPECT_TRUE(contains_identity_code("131052-308T"));
    EXPECT_EQ(identity_code("010190", '-', "123"), "010190-123M");
    EXPECT_FALSE(contains_identity_code("010190-123A")) << "A is not this date's and number's check character";
}

TEST(IdentityCode, EveryCenturySignMatches) {
    for (char sign : std::string("+-YXWVUABCDEF")) {
        const std::string code = identity_code("150385", sign, "234");
        EXPECT_TRUE(contains_identity_code(code)) << code;
    }
}

TEST(IdentityCode, LowerCaseSignsAndCheckCharactersMatch) {
    EXPECT_EQ(identity_code("010110", 'A', "012"), "010110A012D");
    EXPECT_TRUE(contains_identity_code("010110a012d"));
    EXPECT_TRUE(contains_identity_code("010190-123m"));
    EXPECT_TRUE(contains_identity_code(identity_code("010205", 'b', "456")));
}

TEST(IdentityCode, AWrongCheckCharacterDoesNotMatch) {
    for (char sign : std::string("+-YA")) {
        const std::string code = identity_code("150385", sign, "234");
        std::string wrong = code;
        wrong.back() = wrong_check_character(code);
        EXPECT_FALSE(contains_identity_code(wrong)) << wrong;
    }
    EXPECT_FALSE(contains_identity_code("131052-308S"));
    EXPECT_FALSE(contains_identity_code("131052-308G"));  // G is never a check character
}

TEST(IdentityCode, ImpossibleDatesDoNotMatch) {
    EXPECT_FALSE(contains_identity_code(identity_code("310290", '-', "123")));  // 31 February
    EXPECT_FALSE(contains_identity_code(identity_code("310490", '-', "123")));  // 31 April
    EXPECT_FALSE(contains_identity_code(identity_code("001090", '-', "123")));  // day 0
    EXPECT_FALSE(contains_identity_code(identity_code("011390", '-', "123")));  // month 13
    EXPECT_FALSE(contains_identity_code(identity_code("010090", '-', "123")));  // month 0
    EXPECT_TRUE(contains_identity_code(identity_code("311290", '-', "123")));
}

TEST(IdentityCode, TheTwentyNinthOfFebruaryExistsOnlyInLeapYearsOfTheSignsCentury) {
    EXPECT_TRUE(contains_identity_code(identity_code("290200", 'A', "123")));   // 2000: leap (divisible by 400)
    EXPECT_FALSE(contains_identity_code(identity_code("290200", '-', "123")));  // 1900: not a leap year
    EXPECT_FALSE(contains_identity_code(identity_code("290200", '+', "123")));  // 1800: not a leap year
    EXPECT_TRUE(contains_identity_code(identity_code("290296", 'X', "123")));   // 1996
    EXPECT_FALSE(contains_identity_code(identity_code("290297", 'Y', "123")));  // 1997
    EXPECT_TRUE(contains_identity_code(identity_code("290224", 'B', "123")));   // 2024
}

TEST(IdentityCode, CodesInsideTextAreFoundWithTheirPositions) {
    const std::string a = identity_code("010190", '-', "123");
    const std::string b = identity_code("240712", 'A', "901");
    const std::string text = "Hetu: " + a + ", toinen (" + b + ").";
    const auto codes = find_identity_codes(text);
    ASSERT_EQ(codes.size(), 2u);
    EXPECT_EQ(codes[0], (IdentityCodeSpan{6, 11}));
    EXPECT_EQ(text.substr(codes[1].offset, codes[1].length), b);
    EXPECT_TRUE(contains_identity_code("\"" + a + "\""));
    EXPECT_TRUE(contains_identity_code(a + "\n"));
    EXPECT_TRUE(contains_identity_code("Äänekoski " + a + " ok"));
}

TEST(IdentityCode, ACodeInsideALongerRunOfLettersOrDigitsDoesNotMatch) {
    const std::string a = identity_code("010190", '-', "123");
    EXPECT_FALSE(contains_identity_code("9" + a));
    EXPECT_FALSE(contains_identity_code("x" + a));
    EXPECT_FALSE(contains_identity_code(a + "7"));
    EXPECT_FALSE(contains_identity_code(a + "b"));
}

TEST(IdentityCode, NearMissesDoNotMatch) {
    EXPECT_FALSE(contains_identity_code("1234567-8"));                  // business ID
    EXPECT_FALSE(contains_identity_code("Y-tunnus 0201256-6"));         // the City's business ID
    EXPECT_FALSE(contains_identity_code("+358 40 123 4567"));           // phone
    EXPECT_FALSE(contains_identity_code("040-1234567"));                // phone
    EXPECT_FALSE(contains_identity_code("01.01.1990"));                 // date
    EXPECT_FALSE(contains_identity_code("1990-01-01"));                 // date
    EXPECT_FALSE(contains_identity_code("FI21 1234 5600 0007 85"));     // IBAN
    EXPECT_FALSE(contains_identity_code("FI2112345600000785"));         // IBAN without spaces
    EXPECT_FALSE(contains_identity_code("0101901-123A"));               // a seven-digit run
    EXPECT_FALSE(contains_identity_code("010190 123A"));                // a space is no century sign
    EXPECT_FALSE(contains_identity_code("010190-12A"));                 // two-digit individual number
    EXPECT_FALSE(contains_identity_code("010190-123"));                 // no check character
    EXPECT_FALSE(contains_identity_code(""));
}

TEST(IdentityCode, FromSkipsEarlierCodesButKeepsTheWordBoundary) {
    const std::string a = identity_code("010190", '-', "123");
    const std::string text = a + " " + a;
    EXPECT_EQ(find_identity_code(text, 1)->offset, 12u);
    EXPECT_FALSE(find_identity_code("1" + a, 1)) << "the digit before `from` still joins the run";
}

TEST(IdentityCode, MaskingReplacesEveryCodeAndKeepsTheRest) {
    const std::string a = identity_code("010190", '-', "123");
    EXPECT_EQ(mask_identity_codes("soita " + a + " / " + a + "!"),
              "soita [identity code removed] / [identity code removed]!");
    EXPECT_EQ(mask_identity_codes("ei tunnusta 1234567-8"), "ei tunnusta 1234567-8");
    EXPECT_EQ(mask_identity_codes(a, "***"), "***");
}

}  // namespace
