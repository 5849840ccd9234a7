// Unit tests of the exports' small forms: the Finnish reference number's check digit, business ID, IBAN and BIC
// checks, dates, amounts and decimals in Finnish and English, hours from minutes, CSV quoting, markup escaping and
// cutting text to a length in characters.
#include <gtest/gtest.h>

#include "pricing/exports/csv_text.hpp"
#include "pricing/exports/document_language.hpp"
#include "pricing/exports/hours_text.hpp"
#include "pricing/exports/markup.hpp"
#include "pricing/exports/payment_codes.hpp"
#include "pricing/exports/xml_writer.hpp"

namespace {
using namespace jobcenter;
using namespace jobcenter::pricing;

TEST(ExportForms, TheReferenceNumberCarriesThe731CheckDigit) {
    EXPECT_EQ(finnish_reference("123"), "1232");
    EXPECT_EQ(finnish_reference("494"), "4941");
    EXPECT_EQ(finnish_reference("2024-000001"), "20240000015");
    EXPECT_EQ(finnish_reference("2026-000123"), "20260001230");
    EXPECT_EQ(finnish_reference("0012"), std::nullopt) << "fewer than three digits once leading zeros are dropped";
    EXPECT_EQ(finnish_reference("12345678901234567890"), std::nullopt);
    EXPECT_EQ(grouped_reference("20240000015"), "2 02400 00015");
    EXPECT_EQ(grouped_reference("1232"), "1232");
}

TEST(ExportForms, BusinessIdIbanAndBicChecks) {
    EXPECT_TRUE(business_id_valid("1234567-1"));
    EXPECT_FALSE(business_id_valid("1234567-2"));
    EXPECT_FALSE(business_id_valid("123456-1"));
    EXPECT_FALSE(business_id_valid("12345671"));
    EXPECT_TRUE(iban_valid("FI2112345600000785"));
    EXPECT_FALSE(iban_valid("FI2112345600000786"));
    EXPECT_FALSE(iban_valid("FI21 1234 5600 0007 85")) << "spaces are taken out before the check";
    EXPECT_TRUE(bic_valid("NDEAFIHH"));
    EXPECT_TRUE(bic_valid("OKOYFIHHXXX"));
    EXPECT_FALSE(bic_valid("NDEA1IHH"));
    EXPECT_FALSE(bic_valid("NDEAFI"));
}

TEST(ExportForms, DatesAmountsAndDecimalsInEachLanguage) {
    EXPECT_EQ(date_in("2026-01-05", Language::fi), "5.1.2026");
    EXPECT_EQ(date_in("2026-01-05", Language::en), "5 January 2026");
    EXPECT_EQ(money_in(Money::parse("1234.50"), Language::en), "€1,234.50");
    EXPECT_EQ(money_in(Money::parse("-3.20"), Language::en), "-€3.20");
    EXPECT_EQ(money_in(Money::parse("14.50"), Language::fi), Money::parse("14.50").to_display_fi());
    EXPECT_EQ(decimal_in("25.5", Language::fi), "25,5");
    EXPECT_EQ(decimal_in("25.5", Language::en), "25.5");
    EXPECT_EQ(language_named("sv"), std::nullopt);
}

TEST(ExportForms, HoursFromMinutes) {
    EXPECT_EQ(hours_text(90), "1.5");
    EXPECT_EQ(hours_text(45960), "766");
    EXPECT_EQ(hours_text(-30), "-0.5");
    EXPECT_EQ(hours_text(20), "0.333333");
}

TEST(ExportForms, CsvQuotesAsRfc4180) {
    std::string out;
    append_csv_record(out, {"plain", "a,b", "say \"hi\"", "two\nlines", ""});
    EXPECT_EQ(out, "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\r\n");
}

TEST(ExportForms, MarkupIsEscapedAndTextFitsInCharacters) {
    EXPECT_EQ(escape_markup("<a href='x'>\"Kukka\" & co</a>"),
              "&lt;a href=&#39;x&#39;&gt;&quot;Kukka&quot; &amp; co&lt;/a&gt;");
    EXPECT_EQ(fit("Pähkinä", 3), "Päh");
    EXPECT_EQ(fit("ab", 5), "ab");
    XmlWriter xml("<?xml version=\"1.0\"?>");
    xml.open("A", {{"b", "x<y"}});
    xml.leaf("C", std::string("bell\a & tab\t"));
    xml.close("A");
    EXPECT_EQ(xml.text(), "<?xml version=\"1.0\"?>\n<A b=\"x&lt;y\">\n  <C>bell &amp; tab\t</C>\n</A>\n");
}

}  // namespace
