// Tests of the request getters: required and optional fields, what the command line sends as text,
// the errors that name the field, money, dates and lists.
#include <gtest/gtest.h>

#include "jobcenter/errors.hpp"
#include "jobcenter/params.hpp"

namespace jobcenter {
namespace {

namespace json = boost::json;
using namespace jobcenter::params;

json::object request(std::string_view text) { return json::parse(text).as_object(); }

template <class F>
std::string input_error(F&& call) {
    try {
        call();
    } catch (const InputError& e) {
        return e.describe();
    } catch (const std::exception& e) {
        return std::string("wrong error: ") + e.what();
    }
    return "no error";
}

TEST(Params, RequiredStringAndItsMissingMessage) {
    auto r = request(R"({"name": "Oy Esimerkki Ab", "empty": "", "number": 3, "nothing": null})");
    EXPECT_EQ(required_string(r, "name"), "Oy Esimerkki Ab");
    EXPECT_EQ(required_string(r, "empty"), "");
    try {
        required_string(r, "business_id");
        FAIL();
    } catch (const UsageError& e) {
        EXPECT_EQ(std::string(e.what()), "missing required field 'business_id' (--business-id on the command line)");
    }
    EXPECT_THROW(required_string(r, "nothing"), UsageError);  // null counts as not given
    std::string message = input_error([&] { required_string(r, "number"); });
    EXPECT_NE(message.find("'number'"), std::string::npos) << message;
    EXPECT_NE(message.find("integer 3"), std::string::npos) << message;
}

TEST(Params, OptionalString) {
    auto r = request(R"({"a": "x", "b": null, "c": [1]})");
    EXPECT_EQ(optional_string(r, "a"), std::optional<std::string>("x"));
    EXPECT_EQ(optional_string(r, "b"), std::nullopt);
    EXPECT_EQ(optional_string(r, "missing"), std::nullopt);
    EXPECT_NE(input_error([&] { optional_string(r, "c"); }).find("a list"), std::string::npos);
}

TEST(Params, Integers) {
    auto r = request(R"({"n": 42, "neg": -7, "text": "123", "plus": "+5", "negtext": "-9", "whole": 3.0,
                         "big": 9223372036854775807, "huge": 18446744073709551615, "frac": 2.5,
                         "word": "12a", "blank": "", "flag": true, "spaced": " 1"})");
    EXPECT_EQ(required_integer(r, "n"), 42);
    EXPECT_EQ(required_integer(r, "neg"), -7);
    EXPECT_EQ(required_integer(r, "text"), 123);
    EXPECT_EQ(required_integer(r, "plus"), 5);
    EXPECT_EQ(required_integer(r, "negtext"), -9);
    EXPECT_EQ(required_integer(r, "whole"), 3);
    EXPECT_EQ(required_integer(r, "big"), 9223372036854775807);
    EXPECT_EQ(optional_integer(r, "absent"), std::nullopt);
    EXPECT_THROW(required_integer(r, "absent"), UsageError);
    for (const char* bad : {"huge", "frac", "word", "blank", "flag", "spaced"}) {
        std::string message = input_error([&] { optional_integer(r, bad); });
        EXPECT_NE(message.find("'" + std::string(bad) + "'"), std::string::npos) << bad << ": " << message;
        EXPECT_NE(message.find("whole number"), std::string::npos) << message;
    }
}

TEST(Params, Numbers) {
    auto r = request(R"({"i": 3, "d": 2.5, "s": "1.25", "fi": "1,5", "bad": "x", "inf": "inf", "list": []})");
    EXPECT_EQ(optional_number(r, "i"), 3.0);
    EXPECT_EQ(optional_number(r, "d"), 2.5);
    EXPECT_EQ(optional_number(r, "s"), 1.25);
    EXPECT_EQ(optional_number(r, "fi"), 1.5);
    EXPECT_EQ(optional_number(r, "absent"), std::nullopt);
    EXPECT_THROW(optional_number(r, "bad"), InputError);
    EXPECT_THROW(optional_number(r, "inf"), InputError);
    EXPECT_THROW(optional_number(r, "list"), InputError);
}

TEST(Params, Flags) {
    auto r = request(R"({"t": true, "f": false, "st": "true", "sf": "false", "one": "1", "zero": "0", "n1": 1,
                         "n0": 0, "yes": "yes", "two": 2})");
    EXPECT_TRUE(flag(r, "t"));
    EXPECT_FALSE(flag(r, "f"));
    EXPECT_TRUE(flag(r, "st"));
    EXPECT_FALSE(flag(r, "sf"));
    EXPECT_TRUE(flag(r, "one"));
    EXPECT_FALSE(flag(r, "zero"));
    EXPECT_TRUE(flag(r, "n1"));
    EXPECT_FALSE(flag(r, "n0"));
    EXPECT_FALSE(flag(r, "absent"));
    EXPECT_NE(input_error([&] { flag(r, "yes"); }).find("'yes'"), std::string::npos);
    EXPECT_THROW(flag(r, "two"), InputError);
}

TEST(Params, Money) {
    auto r = request(R"({"price": "14.50", "fi": "1 234,50 €", "euros": 14, "negative": -3, "double": 14.5,
                         "bad": "14.505", "word": "lots", "huge": 92233720368547759})");
    EXPECT_EQ(required_money(r, "price").cents(), 1450);
    EXPECT_EQ(required_money(r, "fi").cents(), 123450);
    EXPECT_EQ(required_money(r, "euros").cents(), 1400);
    EXPECT_EQ(required_money(r, "negative").cents(), -300);
    EXPECT_EQ(optional_money(r, "absent"), std::nullopt);
    try {
        required_money(r, "unit_price");
        FAIL();
    } catch (const UsageError& e) {
        EXPECT_NE(std::string(e.what()).find("--unit-price"), std::string::npos) << e.what();
    }
    std::string message = input_error([&] { required_money(r, "double"); });
    EXPECT_NE(message.find("give money as a string such as \"14.50\""), std::string::npos) << message;
    EXPECT_NE(message.find("'double'"), std::string::npos) << message;
    message = input_error([&] { required_money(r, "bad"); });
    EXPECT_NE(message.find("'bad'"), std::string::npos) << message;
    EXPECT_NE(message.find("more than two decimals"), std::string::npos) << message;
    EXPECT_NE(input_error([&] { required_money(r, "word"); }).find("\"lots\""), std::string::npos);
    EXPECT_THROW(required_money(r, "huge"), InputError);
}

TEST(Params, Dates) {
    auto r = request(R"({"d": "2026-03-31", "leap": "2024-02-29", "notleap": "2026-02-29", "feb30": "2026-02-30",
                         "fi": "31.3.2026", "n": 20260331})");
    EXPECT_EQ(optional_date(r, "d"), std::optional<std::string>("2026-03-31"));
    EXPECT_EQ(optional_date(r, "leap"), std::optional<std::string>("2024-02-29"));
    EXPECT_EQ(optional_date(r, "absent"), std::nullopt);
    for (const char* bad : {"notleap", "feb30", "fi", "n"}) {
        std::string message = input_error([&] { optional_date(r, bad); });
        EXPECT_NE(message.find("'" + std::string(bad) + "'"), std::string::npos) << message;
    }
}

TEST(Params, IsIsoDate) {
    for (const char* good :
         {"2026-01-01", "2026-12-31", "2024-02-29", "2000-02-29", "0001-01-01", "9999-12-31", "2026-04-30"})
        EXPECT_TRUE(is_iso_date(good)) << good;
    for (const char* bad : {"", "2026-1-01", "2026-01-1", "2026/01/01", "2026-00-10", "2026-13-01", "2026-01-00",
                            "2026-01-32", "2026-04-31", "1900-02-29", "2100-02-29", "2023-02-29", "0000-01-01",
                            "2026-01-01T00:00", "x026-01-01", "2026-0a-01", " 2026-01-01", "+026-01-01"})
        EXPECT_FALSE(is_iso_date(bad)) << bad;
}

TEST(Params, StringLists) {
    auto r = request(R"({"skills": ["cleaning", "gardening"], "one": "cleaning", "empty": [], "mixed": ["a", 1],
                         "number": 5})");
    EXPECT_EQ(string_list(r, "skills"), (std::vector<std::string>{"cleaning", "gardening"}));
    EXPECT_EQ(string_list(r, "one"), (std::vector<std::string>{"cleaning"}));
    EXPECT_TRUE(string_list(r, "empty").empty());
    EXPECT_TRUE(string_list(r, "absent").empty());
    std::string message = input_error([&] { string_list(r, "mixed"); });
    EXPECT_NE(message.find("item 2"), std::string::npos) << message;
    EXPECT_THROW(string_list(r, "number"), InputError);
}

}  // namespace
}  // namespace jobcenter
