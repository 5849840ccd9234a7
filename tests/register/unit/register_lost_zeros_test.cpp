// Unit tests of restoring the leading zeros a spreadsheet dropped: postcodes, business IDs and Finnish
// phone numbers restored where the loss is unambiguous, and every value that must stay as given.
#include <gtest/gtest.h>

#include "register/import/import_rows.hpp"
#include "register/normalize/business_id.hpp"
#include "register/normalize/lost_zeros.hpp"
#include "register/normalize/normalize.hpp"

namespace {
using namespace jobcenter::register_plugin;

TEST(RegisterLostZeros, PostcodesOfThreeOrFourDigitsArePaddedToFive) {
    EXPECT_EQ(restored_postcode("100"), "00100");
    EXPECT_EQ(restored_postcode("2100"), "02100");
    EXPECT_EQ(restored_postcode(" 530 "), "00530");
}

TEST(RegisterLostZeros, OtherPostcodesAreAsGiven) {
    EXPECT_EQ(restored_postcode("00100"), std::nullopt) << "five digits";
    EXPECT_EQ(restored_postcode("33100"), std::nullopt);
    EXPECT_EQ(restored_postcode("10"), std::nullopt) << "too short to be a postcode that lost its zeros";
    EXPECT_EQ(restored_postcode("FI-100"), std::nullopt);
    EXPECT_EQ(restored_postcode("10 0"), std::nullopt);
    EXPECT_EQ(restored_postcode(""), std::nullopt);
}

TEST(RegisterLostZeros, SevenDigitBusinessIdWithAValidCheckDigitGetsItsZeroAndHyphen) {
    EXPECT_EQ(restored_business_id("2012566"), "0201256-6") << "the City of Helsinki";
    EXPECT_EQ(restored_business_id("1234562"), "0123456-2");
}

TEST(RegisterLostZeros, OtherBusinessIdsAreAsGiven) {
    EXPECT_EQ(restored_business_id("1234563"), std::nullopt) << "0123456-3: the check digit should be 2";
    EXPECT_EQ(restored_business_id("0201256-6"), std::nullopt) << "already whole";
    EXPECT_EQ(restored_business_id("02012566"), std::nullopt) << "eight digits are read as given";
    EXPECT_EQ(restored_business_id("201256-6"), std::nullopt) << "the old six-digit form is read as given";
    EXPECT_EQ(restored_business_id("123456"), std::nullopt);
    EXPECT_EQ(restored_business_id("1234567-1"), std::nullopt);
}

TEST(RegisterLostZeros, EightDigitsWithoutTheHyphenAreReadAsAValidBusinessId) {
    EXPECT_TRUE(parse_business_id("02012566").valid);
    EXPECT_EQ(parse_business_id("02012566").canonical, "0201256-6");
    EXPECT_FALSE(parse_business_id("02012567").valid);
}

TEST(RegisterLostZeros, FinnishMobilesAndHelsinkiLandlinesGetTheirZeroBack) {
    EXPECT_EQ(restored_finnish_phone("401112222"), "0401112222");
    EXPECT_EQ(restored_finnish_phone("501234567"), "0501234567");
    EXPECT_EQ(restored_finnish_phone("91234567"), "091234567") << "09 123 4567";
    EXPECT_EQ(restored_finnish_phone("931012345"), "0931012345");
    EXPECT_EQ(normalize_phone(*restored_finnish_phone("401112222")).e164, normalize_phone("040 111 2222").e164);
}

TEST(RegisterLostZeros, PhonesThatLostNothingAreAsGiven) {
    EXPECT_EQ(restored_finnish_phone("091234567"), std::nullopt) << "a Helsinki landline with its 0";
    EXPECT_EQ(restored_finnish_phone("0401112222"), std::nullopt);
    EXPECT_EQ(restored_finnish_phone("+46 8 123 456"), std::nullopt) << "foreign";
    EXPECT_EQ(restored_finnish_phone("46812345"), std::nullopt) << "not 9 digits";
    EXPECT_EQ(restored_finnish_phone("358401112222"), std::nullopt) << "a country code without its +";
    EXPECT_EQ(restored_finnish_phone("040 111 2222"), std::nullopt);
    EXPECT_EQ(restored_finnish_phone("211234567"), std::nullopt) << "not a mobile or a Helsinki number";
    EXPECT_EQ(restored_finnish_phone("9123456"), std::nullopt) << "too short for a Helsinki number";
    EXPECT_EQ(restored_finnish_phone(""), std::nullopt);
}

// A row keeps its fields as given; its keyed fields are the restored ones.
TEST(RegisterLostZeros, RowKeepsTheGivenValueBesideTheRestoredOne) {
    ImportRow row;
    row.fields = {"Kukkakauppa Virtanen Oy", "2012566", "Mannerheimintie 5", "100", "Helsinki", "401112222", "", ""};
    restore_lost_zeros(row, true);
    EXPECT_EQ(row.field(StoredField::postcode), "100");
    EXPECT_EQ(row.keyed(StoredField::postcode), "00100");
    EXPECT_EQ(row.keyed(StoredField::business_id), "0201256-6");
    EXPECT_EQ(row.keyed(StoredField::phone), "0401112222");
    EXPECT_EQ(row.keyed(StoredField::street), "Mannerheimintie 5");
    ImportRow abroad;
    abroad.fields = row.fields;
    restore_lost_zeros(abroad, false);
    EXPECT_EQ(abroad.keyed(StoredField::phone), "401112222") << "another default country: phones as given";
    EXPECT_EQ(abroad.keyed(StoredField::postcode), "00100");
}

}  // namespace
