// Tests of Money and Decimal: parsing the forms users type, printing, every rounding mode and the
// VAT and coefficient arithmetic of the domain.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "jobcenter/errors.hpp"
#include "jobcenter/money.hpp"

namespace jobcenter {
namespace {

__extension__ typedef __int128 wide;

const std::string nbsp = "\u00A0";
const std::string euro = "\u20AC";

std::int64_t cents(std::string_view text) { return Money::parse(text).cents(); }

std::string error_of(std::string_view text) {
    try {
        Money::parse(text);
    } catch (const InputError& e) {
        return e.what();
    }
    return "no error";
}

TEST(MoneyParse, PlainForms) {
    EXPECT_EQ(cents("14.50"), 1450);
    EXPECT_EQ(cents("14,50"), 1450);
    EXPECT_EQ(cents("14.5"), 1450);
    EXPECT_EQ(cents("14"), 1400);
    EXPECT_EQ(cents("0"), 0);
    EXPECT_EQ(cents("0.05"), 5);
    EXPECT_EQ(cents("-3.20"), -320);
    EXPECT_EQ(cents("+3.20"), 320);
    EXPECT_EQ(cents("  7.00 "), 700);
    EXPECT_EQ(cents("007.10"), 710);
}

TEST(MoneyParse, CurrencyMarks) {
    EXPECT_EQ(cents("14,50 €"), 1450);
    EXPECT_EQ(cents("14,50€"), 1450);
    EXPECT_EQ(cents("€14.50"), 1450);
    EXPECT_EQ(cents("€ 14.50"), 1450);
    EXPECT_EQ(cents("14.50 EUR"), 1450);
    EXPECT_EQ(cents("EUR 14.50"), 1450);
    EXPECT_EQ(cents("14.50 eur"), 1450);
    EXPECT_EQ(cents("-14,50 €"), -1450);
    EXPECT_EQ(cents("€-14,50"), -1450);
    EXPECT_EQ(cents("14,50" + nbsp + euro), 1450);
    EXPECT_EQ(cents("\u2212"
                    "2,00 €"),
              -200);  // a typographic minus from a spreadsheet
}

TEST(MoneyParse, FinnishThousands) {
    EXPECT_EQ(cents("1 234,50 €"), 123450);
    EXPECT_EQ(cents("1" + nbsp + "234,50" + nbsp + euro), 123450);
    EXPECT_EQ(cents("1\u202F"
                    "234\u202F"
                    "567,00"),
              123456700);
    EXPECT_EQ(cents("12 345.67"), 1234567);
}

TEST(MoneyParse, RefusesWhatIsNotMoney) {
    for (std::string bad : {"",      " ",    "abc",      "1.2.3",    "1,234.50",  "1.234,50", "14.",
                            ".5",    "1 23", "12 34,00", "1234 567", "€",         "EUR",      "14 50 ,00",
                            "1,2,3", "--1",  "1e3",      "0x10",     "14.50 € €", "€14 €",    "- 14"})
        EXPECT_THROW(Money::parse(bad), InputError) << "accepted \"" << bad << "\"";
}

TEST(MoneyParse, ErrorNamesTheText) {
    EXPECT_NE(error_of("abc").find("\"abc\""), std::string::npos);
    EXPECT_NE(error_of("1,234.50").find("mixes"), std::string::npos);
    EXPECT_NE(error_of("14.505").find("has more than two decimals;"), std::string::npos);
    EXPECT_NE(error_of("99999999999999999999").find("\"99999999999999999999\""), std::string::npos);
}

TEST(MoneyParse, MoreThanTwoDecimalsRefusedUnlessRounded) {
    EXPECT_THROW(Money::parse("3.475"), InputError);
    EXPECT_EQ(Money::parse_rounded("3.475", Rounding::half_up).cents(), 348);
    EXPECT_EQ(Money::parse_rounded("3.475", Rounding::down).cents(), 347);
    EXPECT_EQ(Money::parse_rounded("-3.475", Rounding::half_up).cents(), -348);
    EXPECT_EQ(Money::parse_rounded("3.465", Rounding::half_even).cents(), 346);
    EXPECT_EQ(Money::parse_rounded("3.4650000000000000000000001", Rounding::half_even).cents(), 347);
    EXPECT_EQ(Money::parse_rounded("3.47000000000000000000000001", Rounding::up).cents(), 348);
    EXPECT_EQ(Money::parse_rounded("14.50", Rounding::up).cents(), 1450);
    EXPECT_EQ(Money::parse_rounded("1 234,5678 €", Rounding::half_up).cents(), 123457);
}

TEST(MoneyParse, OverflowRefused) {
    EXPECT_EQ(cents("92233720368547758.07"), std::numeric_limits<std::int64_t>::max());
    EXPECT_EQ(cents("-92233720368547758.07"), -std::numeric_limits<std::int64_t>::max());
    EXPECT_THROW(Money::parse("92233720368547758.08"), InputError);
    EXPECT_THROW(Money::parse("92233720368547759"), InputError);
    EXPECT_THROW(Money::parse("100000000000000000000000000000000000000000"), InputError);
    EXPECT_THROW(Money::parse_rounded("92233720368547758.075", Rounding::half_up), InputError);
}

TEST(MoneyPrint, JsonForm) {
    EXPECT_EQ(Money::from_cents(1450).to_string(), "14.50");
    EXPECT_EQ(Money::from_cents(-320).to_string(), "-3.20");
    EXPECT_EQ(Money::from_cents(-5).to_string(), "-0.05");
    EXPECT_EQ(Money::from_cents(0).to_string(), "0.00");
    EXPECT_EQ(Money::from_cents(123456789).to_string(), "1234567.89");
    EXPECT_EQ(Money::from_cents(std::numeric_limits<std::int64_t>::min()).to_string(), "-92233720368547758.08");
}

TEST(MoneyPrint, FinnishDisplay) {
    EXPECT_EQ(Money::from_cents(1450).to_display_fi(), "14,50" + nbsp + euro);
    EXPECT_EQ(Money::from_cents(123450).to_display_fi(), "1" + nbsp + "234,50" + nbsp + euro);
    EXPECT_EQ(Money::from_cents(123456789).to_display_fi(), "1" + nbsp + "234" + nbsp + "567,89" + nbsp + euro);
    EXPECT_EQ(Money::from_cents(-100000).to_display_fi(), "-1" + nbsp + "000,00" + nbsp + euro);
    EXPECT_EQ(Money::from_cents(0).to_display_fi(), "0,00" + nbsp + euro);
}

TEST(MoneyPrint, RoundTrips) {
    for (std::int64_t c :
         {0LL, 1LL, -1LL, 99LL, 100LL, -12345LL, 123456789LL, 9223372036854775807LL, -9223372036854775807LL}) {
        Money m = Money::from_cents(c);
        EXPECT_EQ(Money::parse(m.to_string()), m);
        EXPECT_EQ(Money::parse(m.to_display_fi()), m);
    }
}

TEST(Rounding, DivideRoundedEveryModeBothSigns) {
    struct Case {
        wide numerator;
        Rounding rounding;
        std::int64_t expected;
    };
    // Dividing by 10: 25 is exactly 2.5, 35 is 3.5, 21 is 2.1, 29 is 2.9.
    const Case cases[] = {
        {25, Rounding::half_up, 3},     {-25, Rounding::half_up, -3},   {24, Rounding::half_up, 2},
        {-24, Rounding::half_up, -2},   {25, Rounding::half_even, 2},   {-25, Rounding::half_even, -2},
        {35, Rounding::half_even, 4},   {-35, Rounding::half_even, -4}, {26, Rounding::half_even, 3},
        {-26, Rounding::half_even, -3}, {29, Rounding::down, 2},        {-29, Rounding::down, -2},
        {21, Rounding::up, 3},          {-21, Rounding::up, -3},        {20, Rounding::up, 2},
        {-20, Rounding::down, -2},      {0, Rounding::up, 0},           {5, Rounding::half_up, 1},
        {-5, Rounding::half_up, -1},    {5, Rounding::half_even, 0},    {-5, Rounding::half_even, 0},
    };
    for (const auto& c : cases)
        EXPECT_EQ(divide_rounded(c.numerator, 10, c.rounding), c.expected)
            << static_cast<std::int64_t>(c.numerator) << " / 10, mode " << static_cast<int>(c.rounding);
}

TEST(Rounding, HeaderExamples) {
    // 3.475 -> 3.48 half up; 3.465 -> 3.46 and 3.475 -> 3.48 half even; 3.479 -> 3.47 down; 3.471 -> 3.48 up.
    EXPECT_EQ(divide_rounded(3475, 10, Rounding::half_up), 348);
    EXPECT_EQ(divide_rounded(-3475, 10, Rounding::half_up), -348);
    EXPECT_EQ(divide_rounded(3465, 10, Rounding::half_even), 346);
    EXPECT_EQ(divide_rounded(3475, 10, Rounding::half_even), 348);
    EXPECT_EQ(divide_rounded(3479, 10, Rounding::down), 347);
    EXPECT_EQ(divide_rounded(3471, 10, Rounding::up), 348);
    EXPECT_EQ(divide_rounded(-3471, 10, Rounding::up), -348);
}

TEST(Rounding, DivideRoundedRefusesBadInput) {
    EXPECT_THROW(divide_rounded(1, 0, Rounding::half_up), InternalError);
    EXPECT_THROW(divide_rounded(1, -3, Rounding::half_up), InternalError);
    wide huge = wide{std::numeric_limits<std::int64_t>::max()} * 4;
    EXPECT_THROW(divide_rounded(huge, 2, Rounding::half_up), InternalError);
}

TEST(MoneyArithmetic, VatExamples) {
    EXPECT_EQ(Money::parse("14.50").percent(Decimal::parse("24")).to_string(), "3.48");
    EXPECT_EQ(Money::parse("20.00").percent(Decimal::parse("24")).to_string(), "4.80");
    EXPECT_EQ(Money::parse("14.50").percent(Decimal::parse("25.5")).to_string(), "3.70");  // 3.6975
    EXPECT_EQ(Money::parse("14.50").percent(Decimal::parse("25,5"), Rounding::down).to_string(), "3.69");
    EXPECT_EQ(Money::parse("-14.50").percent(Decimal::parse("25.5")).to_string(), "-3.70");
    EXPECT_EQ(Money::parse("100.00").percent(Decimal::parse("14")).to_string(), "14.00");
    EXPECT_EQ(Money::parse("0.00").percent(Decimal::parse("24")).to_string(), "0.00");
}

TEST(MoneyArithmetic, Coefficient) {
    EXPECT_EQ(Money::parse("10.00").times(Decimal::parse("1.45")).to_string(), "14.50");
    EXPECT_EQ(Money::parse("9.99").times(Decimal::parse("1.45")).to_string(), "14.49");  // 14.4855
    EXPECT_EQ(Money::parse("9.99").times(Decimal::parse("1.45"), Rounding::up).to_string(), "14.49");
    EXPECT_EQ(Money::parse("0.01").times(Decimal::parse("0.5")).to_string(), "0.01");
    EXPECT_EQ(Money::parse("0.01").times(Decimal::parse("0.5"), Rounding::half_even).to_string(), "0.00");
    EXPECT_EQ(Money::parse("0.03").times(Decimal::parse("0.5"), Rounding::half_even).to_string(), "0.02");
    EXPECT_EQ(Money::parse("-0.01").times(Decimal::parse("0.5")).to_string(), "-0.01");
    EXPECT_EQ(Money::parse("-0.01").times(Decimal::parse("0.5"), Rounding::down).to_string(), "0.00");
}

TEST(MoneyArithmetic, TimesFraction) {
    // 12.00 per hour for 50 minutes.
    EXPECT_EQ(Money::parse("12.00").times_fraction(50, 60).to_string(), "10.00");
    EXPECT_EQ(Money::parse("10.00").times_fraction(1, 3).to_string(), "3.33");
    EXPECT_EQ(Money::parse("10.00").times_fraction(2, 3).to_string(), "6.67");
    EXPECT_EQ(Money::parse("10.00").times_fraction(2, 3, Rounding::down).to_string(), "6.66");
    EXPECT_THROW(Money::parse("1.00").times_fraction(1, 0), InternalError);
}

TEST(MoneyArithmetic, OverflowIsAnInternalError) {
    Money big = Money::from_cents(std::numeric_limits<std::int64_t>::max() / 2);
    EXPECT_THROW(big.times(Decimal::parse("3")), InternalError);
    EXPECT_THROW(big.times_fraction(3, 1), InternalError);
    EXPECT_NO_THROW(big.times(Decimal::parse("1.5")));
}

TEST(MoneyArithmetic, Operators) {
    Money a = Money::parse("1.10");
    Money b = Money::parse("2.20");
    EXPECT_EQ((a + b).to_string(), "3.30");
    EXPECT_EQ((a - b).to_string(), "-1.10");
    EXPECT_EQ((-a).to_string(), "-1.10");
    EXPECT_EQ((a * 3).to_string(), "3.30");
    EXPECT_LT(a, b);
    a += b;
    EXPECT_EQ(a.to_string(), "3.30");
}

TEST(DecimalParse, Forms) {
    EXPECT_EQ(Decimal::parse("1.45").micros(), 1'450'000);
    EXPECT_EQ(Decimal::parse("1,45").micros(), 1'450'000);
    EXPECT_EQ(Decimal::parse("-0.5").micros(), -500'000);
    EXPECT_EQ(Decimal::parse("25").micros(), 25'000'000);
    EXPECT_EQ(Decimal::parse("0.000001").micros(), 1);
    EXPECT_EQ(Decimal::parse(" 25.5 ").micros(), 25'500'000);
    EXPECT_EQ(Decimal::parse("1 000").micros(), 1'000'000'000);
}

TEST(DecimalParse, Refusals) {
    for (std::string bad :
         {"", "abc", "1.2.3", "1,2.3", "0.0000001", "1.45 €", "EUR 2", "1e3", "nan", "inf", "9999999999999999999", "."})
        EXPECT_THROW(Decimal::parse(bad), InputError) << "accepted \"" << bad << "\"";
    try {
        Decimal::parse("0.1234567");
        FAIL() << "seven decimals accepted";
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("\"0.1234567\""), std::string::npos);
    }
}

TEST(DecimalPrint, Shortest) {
    EXPECT_EQ(Decimal::parse("1.45").to_string(), "1.45");
    EXPECT_EQ(Decimal::parse("25.50").to_string(), "25.5");
    EXPECT_EQ(Decimal::parse("2.000000").to_string(), "2");
    EXPECT_EQ(Decimal::parse("-0.000001").to_string(), "-0.000001");
    EXPECT_EQ(Decimal::parse("0").to_string(), "0");
    EXPECT_EQ(Decimal::parse("-3").to_string(), "-3");
    EXPECT_EQ(Decimal::from_micros(std::numeric_limits<std::int64_t>::min()).to_string(), "-9223372036854.775808");
    for (std::string text : {"1.45", "25.5", "2", "-0.000001", "1000000", "0.1"})
        EXPECT_EQ(Decimal::parse(text).to_string(), text);
}

TEST(DecimalFromDouble, NearestMicro) {
    EXPECT_EQ(Decimal::from_double(1.45).micros(), 1'450'000);
    EXPECT_EQ(Decimal::from_double(0.1 + 0.2).micros(), 300'000);
    EXPECT_EQ(Decimal::from_double(-2.5).micros(), -2'500'000);
    EXPECT_EQ(Decimal::from_double(1e-7).micros(), 0);
    EXPECT_EQ(Decimal::from_double(4e-7).micros(), 0);
    EXPECT_EQ(Decimal::from_double(6e-7).micros(), 1);
    EXPECT_DOUBLE_EQ(Decimal::parse("1.45").to_double(), 1.45);
}

TEST(DecimalFromDouble, RefusesNonFiniteAndHuge) {
    EXPECT_THROW(Decimal::from_double(std::nan("")), InputError);
    EXPECT_THROW(Decimal::from_double(std::numeric_limits<double>::infinity()), InputError);
    EXPECT_THROW(Decimal::from_double(-std::numeric_limits<double>::infinity()), InputError);
    EXPECT_THROW(Decimal::from_double(1e13), InputError);
    EXPECT_THROW(Decimal::from_double(-1e300), InputError);
    EXPECT_NO_THROW(Decimal::from_double(9e12));
}

}  // namespace
}  // namespace jobcenter
