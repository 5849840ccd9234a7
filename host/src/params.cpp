// Owns reading a command's JSON request: typed getters that accept what the command line and HTTP clients
// send (numbers as JSON or as text) and name the field when it is missing or malformed.
#include "jobcenter/params.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>

#include "jobcenter/errors.hpp"
#include "number_text.hpp"

namespace jobcenter::params {
namespace {

namespace json = boost::json;

// The value of `field`, or null when it is absent or JSON null (both mean "not given").
const json::value* find(const json::object& request, std::string_view field) {
    const json::value* value = request.if_contains(field);
    return value != nullptr && !value->is_null() ? value : nullptr;
}

std::string flag_name(std::string_view field) {
    std::string flag = "--";
    for (char c : field) flag += c == '_' ? '-' : c;
    return flag;
}

[[noreturn]] void missing(std::string_view field) {
    throw UsageError("missing required field '" + std::string(field) + "' (" + flag_name(field) +
                     " on the command line)");
}

// Shortest text that reads back as `d` ("14.5", not Boost.JSON's "1.45E1").
// How a JSON value is described to a user who sent the wrong kind.
std::string kind_of(const json::value& value) {
    switch (value.kind()) {
        case json::kind::null: return "null";
        case json::kind::bool_: return value.get_bool() ? "true" : "false";
        case json::kind::int64:
        case json::kind::uint64: return "the integer " + json::serialize(value);
        case json::kind::double_: return "the number " + shortest_number_text(value.get_double());
        case json::kind::string: return "the text " + json::serialize(value);
        case json::kind::array: return "a list";
        case json::kind::object: return "an object";
    }
    return "an unknown value";
}

[[noreturn]] void wrong(std::string_view field, std::string_view expected, const json::value& value) {
    throw InputError("field '" + std::string(field) + "' must be " + std::string(expected) + ", got " + kind_of(value));
}

std::optional<std::int64_t> integer_from_text(std::string_view text) {
    if (!text.empty() && text.front() == '+') text.remove_prefix(1);
    std::int64_t result = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), result);
    if (text.empty() || error != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return result;
}

std::int64_t to_integer(const json::value& value, std::string_view field) {
    constexpr auto max = std::numeric_limits<std::int64_t>::max();
    if (value.is_int64()) return value.get_int64();
    if (value.is_uint64() && value.get_uint64() <= static_cast<std::uint64_t>(max))
        return static_cast<std::int64_t>(value.get_uint64());
    if (value.is_double()) {
        // 3.0 from a JavaScript client is still a whole number; 2^53 keeps it exact.
        double d = value.get_double();
        if (std::isfinite(d) && d == std::trunc(d) && std::fabs(d) <= 9007199254740992.0)
            return static_cast<std::int64_t>(d);
    }
    if (value.is_string())
        if (auto parsed = integer_from_text(value.get_string())) return *parsed;
    wrong(field, "a whole number", value);
}

std::optional<double> number_from_text(std::string text) {
    // One ',' and no '.' is a Finnish decimal comma.
    if (text.find('.') == std::string::npos && std::count(text.begin(), text.end(), ',') == 1)
        text[text.find(',')] = '.';
    std::string_view view = text;
    if (!view.empty() && view.front() == '+') view.remove_prefix(1);
    double result = 0;
    auto [end, error] = std::from_chars(view.data(), view.data() + view.size(), result);
    if (view.empty() || error != std::errc() || end != view.data() + view.size() || !std::isfinite(result))
        return std::nullopt;
    return result;
}

Money to_money(const json::value& value, std::string_view field) {
    if (value.is_string()) {
        try {
            return Money::parse(value.get_string());
        } catch (const InputError& e) {
            throw InputError("field '" + std::string(field) + "': " + e.what());
        }
    }
    constexpr std::int64_t max_euros = std::numeric_limits<std::int64_t>::max() / 100;
    if (value.is_int64() || value.is_uint64()) {
        // A whole JSON integer is euros: 14 means 14.00.
        bool fits = value.is_int64() ? value.get_int64() >= -max_euros && value.get_int64() <= max_euros
                                     : value.get_uint64() <= static_cast<std::uint64_t>(max_euros);
        if (!fits)
            throw InputError("field '" + std::string(field) + "': " + json::serialize(value) +
                             " is too large an amount of money");
        return Money::from_cents(
            (value.is_int64() ? value.get_int64() : static_cast<std::int64_t>(value.get_uint64())) * 100);
    }
    if (value.is_double())
        throw InputError("field '" + std::string(field) +
                         "': give money as a string such as \"14.50\", not the number " +
                         shortest_number_text(value.get_double()));
    wrong(field, "an amount of money such as \"14.50\"", value);
}

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap_year(year) ? 29 : days[month - 1];
}

int digits_at(std::string_view text, std::size_t from, std::size_t count) {
    int value = 0;
    for (std::size_t i = from; i < from + count; ++i) {
        if (text[i] < '0' || text[i] > '9') return -1;
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

}  // namespace

std::string required_string(const boost::json::object& request, std::string_view field) {
    auto value = optional_string(request, field);
    if (!value) missing(field);
    return *value;
}

std::optional<std::string> optional_string(const boost::json::object& request, std::string_view field) {
    const json::value* value = find(request, field);
    if (value == nullptr) return std::nullopt;
    if (!value->is_string()) wrong(field, "text", *value);
    return std::string(value->get_string());
}

std::int64_t required_integer(const boost::json::object& request, std::string_view field) {
    auto value = optional_integer(request, field);
    if (!value) missing(field);
    return *value;
}

std::optional<std::int64_t> optional_integer(const boost::json::object& request, std::string_view field) {
    const json::value* value = find(request, field);
    if (value == nullptr) return std::nullopt;
    return to_integer(*value, field);
}

std::optional<double> optional_number(const boost::json::object& request, std::string_view field) {
    const json::value* value = find(request, field);
    if (value == nullptr) return std::nullopt;
    if (value->is_int64()) return static_cast<double>(value->get_int64());
    if (value->is_uint64()) return static_cast<double>(value->get_uint64());
    if (value->is_double()) return value->get_double();
    if (value->is_string())
        if (auto parsed = number_from_text(std::string(value->get_string()))) return parsed;
    wrong(field, "a number", *value);
}

bool flag(const boost::json::object& request, std::string_view field) {
    const json::value* value = find(request, field);
    if (value == nullptr) return false;
    if (value->is_bool()) return value->get_bool();
    if (value->is_int64() && (value->get_int64() == 0 || value->get_int64() == 1)) return value->get_int64() == 1;
    if (value->is_string()) {
        std::string_view text = value->get_string();
        if (text == "true" || text == "1") return true;
        if (text == "false" || text == "0") return false;
    }
    wrong(field, "true or false", *value);
}

Money required_money(const boost::json::object& request, std::string_view field) {
    auto value = optional_money(request, field);
    if (!value) missing(field);
    return *value;
}

std::optional<Money> optional_money(const boost::json::object& request, std::string_view field) {
    const json::value* value = find(request, field);
    if (value == nullptr) return std::nullopt;
    return to_money(*value, field);
}

std::optional<std::string> optional_date(const boost::json::object& request, std::string_view field) {
    const json::value* value = find(request, field);
    if (value == nullptr) return std::nullopt;
    if (!value->is_string()) wrong(field, "a date such as \"2026-03-31\"", *value);
    std::string text(value->get_string());
    if (!is_iso_date(text))
        throw InputError("field '" + std::string(field) + "' must be a real date written YYYY-MM-DD, got \"" + text +
                         "\"");
    return text;
}

std::vector<std::string> string_list(const boost::json::object& request, std::string_view field) {
    const json::value* value = find(request, field);
    if (value == nullptr) return {};
    if (value->is_string()) return {std::string(value->get_string())};
    if (!value->is_array()) wrong(field, "a list of texts", *value);
    std::vector<std::string> list;
    for (const json::value& item : value->get_array()) {
        if (!item.is_string())
            throw InputError("field '" + std::string(field) + "' must be a list of texts, but item " +
                             std::to_string(list.size() + 1) + " is " + kind_of(item));
        list.emplace_back(item.get_string());
    }
    return list;
}

bool is_iso_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
    int year = digits_at(text, 0, 4);
    int month = digits_at(text, 5, 2);
    int day = digits_at(text, 8, 2);
    if (year < 1 || month < 1 || month > 12 || day < 1) return false;
    return day <= days_in_month(year, month);
}

}  // namespace jobcenter::params
