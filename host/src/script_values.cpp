// Owns the checkers that turn a script's untrusted return value into a typed, range-checked C++ value
// (number, integer, boolean, string, decimal, table field), each failing with a ScriptError that names
// the site and says what was expected and what came back. Only a decimal (a coefficient, money) may come
// as a string such as "1.45"; a plain number given as a string is refused.
#include <array>
#include <charconv>
#include <cmath>
#include <limits>
#include <string>
#include <type_traits>

#include "jobcenter/scripts.hpp"
#include "number_text.hpp"

namespace jobcenter {
namespace {

namespace json = boost::json;

constexpr std::size_t quoted_limit = 40;

std::string script_number_text(double value) {
    if (std::isnan(value)) return "NaN";
    if (std::isinf(value)) return value < 0 ? "-infinity" : "infinity";
    return shortest_number_text(value);
}

std::string quoted_within_limit(std::string_view text) {
    if (text.size() <= quoted_limit) return "\"" + std::string(text) + "\"";
    return "\"" + std::string(text.substr(0, quoted_limit)) + "...\"";
}

// What came back, for the message: `string "abc"`, `number 7.5`, `nothing (nil)`, `a table`.
std::string describe(const json::value& v) {
    switch (v.kind()) {
        case json::kind::null: return "nothing (nil)";
        case json::kind::bool_: return v.get_bool() ? "boolean true" : "boolean false";
        case json::kind::int64: return "number " + std::to_string(v.get_int64());
        case json::kind::uint64: return "number " + std::to_string(v.get_uint64());
        case json::kind::double_: return "number " + script_number_text(v.get_double());
        case json::kind::string: return "string " + quoted_within_limit(v.get_string());
        case json::kind::array: return "a list";
        case json::kind::object: return "a table";
    }
    return "something else";
}

[[noreturn]] void reject(const ScriptValue& v, std::string_view what, const std::string& expected) {
    throw ScriptError(std::string(what) + " must be " + expected + ", got " + describe(v.value), v.site.describe());
}

// A plain number field given text, "1.5" included: the author most likely quoted a number.
[[noreturn]] void reject_text(const ScriptValue& v, std::string_view what, const std::string& expected) {
    throw ScriptError(std::string(what) + " must be " + expected + ", got " + describe(v.value) +
                          ": write the number without quotes (only coefficients and money may be decimal strings)",
                      v.site.describe());
}

template <typename T>
std::string range_text(T min, T max) {
    if constexpr (std::is_same_v<T, double>)
        return "between " + script_number_text(min) + " and " + script_number_text(max);
    else
        return "between " + std::to_string(min) + " and " + std::to_string(max);
}

}  // namespace

double script_number(const ScriptValue& v, std::string_view what, double min, double max) {
    std::string expected = "a number " + range_text(min, max);
    if (v.value.is_string()) reject_text(v, what, expected);
    if (!v.value.is_number()) reject(v, what, expected);
    double number = v.value.to_number<double>();
    if (!std::isfinite(number) || number < min || number > max) reject(v, what, expected);
    return number;
}

std::int64_t script_integer(const ScriptValue& v, std::string_view what, std::int64_t min, std::int64_t max) {
    std::string expected = "a whole number " + range_text(min, max);
    const json::value& value = v.value;
    std::int64_t number = 0;
    if (value.is_int64()) {
        number = value.get_int64();
    } else if (value.is_uint64()) {
        if (value.get_uint64() > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
            reject(v, what, expected);
        number = static_cast<std::int64_t>(value.get_uint64());
    } else if (value.is_string()) {
        reject_text(v, what, expected);
    } else if (value.is_double()) {
        double d = value.get_double();
        // 2^63 is exactly representable; a whole double in [-2^63, 2^63) fits an int64.
        if (!std::isfinite(d) || std::trunc(d) != d || d < -9223372036854775808.0 || d >= 9223372036854775808.0)
            reject(v, what, expected);
        number = static_cast<std::int64_t>(d);
    } else {
        reject(v, what, expected);
    }
    if (number < min || number > max) reject(v, what, expected);
    return number;
}

bool script_boolean(const ScriptValue& v, std::string_view what) {
    if (!v.value.is_bool()) reject(v, what, "true or false");
    return v.value.get_bool();
}

std::string script_string(const ScriptValue& v, std::string_view what) {
    if (!v.value.is_string()) reject(v, what, "a string");
    return std::string(v.value.get_string());
}

Decimal script_decimal(const ScriptValue& v, std::string_view what, Decimal min, Decimal max) {
    std::string expected = "a number " + ("between " + min.to_string() + " and " + max.to_string()) +
                           " (or a decimal string such as \"1.45\")";
    constexpr std::int64_t whole_limit = std::numeric_limits<std::int64_t>::max() / Decimal::scale;
    const json::value& value = v.value;
    Decimal decimal;
    try {
        if (value.is_string())
            decimal = Decimal::parse(value.get_string());
        else if (value.is_int64() && value.get_int64() >= -whole_limit && value.get_int64() <= whole_limit)
            decimal = Decimal::from_integer(value.get_int64());
        else if (value.is_number())
            decimal = Decimal::from_double(value.to_number<double>());
        else
            reject(v, what, expected);
    } catch (const InputError&) {
        reject(v, what, expected);
    }
    if (decimal < min || decimal > max) reject(v, what, expected);
    return decimal;
}

ScriptValue script_field(const ScriptValue& v, std::string_view field) {
    ScriptSite site = v.site;
    site.entry = (site.entry.empty() ? std::string() : site.entry + ".") + std::string(field);
    if (!v.value.is_object())
        throw ScriptError("expected a table with the field '" + std::string(field) + "', got " + describe(v.value),
                          v.site.describe());
    const json::value* found = v.value.get_object().if_contains(field);
    if (!found || found->is_null()) throw ScriptError("the field '" + std::string(field) + "' is missing", site.describe());
    return ScriptValue{*found, site};
}

}  // namespace jobcenter
