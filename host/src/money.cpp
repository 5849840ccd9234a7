// Owns Money and Decimal: parsing what users type ("14,50 €", "1 234.50", "25.5"), printing the JSON and
// the Finnish display forms, and every multiplication and division with its explicit rounding.
#include "jobcenter/money.hpp"

#include <charconv>
#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "jobcenter/errors.hpp"
#include "number_text.hpp"

namespace jobcenter {
namespace {

__extension__ typedef __int128 wide;

constexpr std::int64_t int64_max = std::numeric_limits<std::int64_t>::max();

// UTF-8 spellings of the non-ASCII characters users paste in.
constexpr std::string_view nbsp = "\u00A0";         // no-break space: Finnish thousands and before "€"
constexpr std::string_view narrow_nbsp = "\u202F";  // narrow no-break space: thousands in some exports
constexpr std::string_view euro_sign = "\u20AC";
constexpr std::string_view unicode_minus = "\u2212";

enum class Kind { money, decimal };

std::string quoted(std::string_view text) { return "\"" + std::string(text) + "\""; }

[[noreturn]] void not_a_number(std::string_view text, Kind kind, std::string_view why) {
    std::string message =
        quoted(text) + (kind == Kind::money ? " is not an amount of money" : " is not a decimal number");
    if (!why.empty()) message += " (" + std::string(why) + ")";
    message += kind == Kind::money ? "; write it like 14.50, 14,50 or 1 234,50 €" : "; write it like 1.45 or 25,5";
    throw InputError(message);
}

[[noreturn]] void too_large(std::string_view text, Kind kind) {
    throw InputError(quoted(text) +
                     (kind == Kind::money ? " is too large an amount of money" : " is too large a number"));
}

// Byte length of a thousands separator (space, U+00A0, U+202F) at the start of `s`, or 0.
std::size_t group_separator_length(std::string_view s) {
    if (s.starts_with(' ')) return 1;
    if (s.starts_with(nbsp)) return nbsp.size();
    if (s.starts_with(narrow_nbsp)) return narrow_nbsp.size();
    return 0;
}

bool is_blank_start(std::string_view s) { return group_separator_length(s) > 0 || s.starts_with('\t'); }

std::string_view trim(std::string_view s) {
    while (!s.empty() && is_blank_start(s)) s.remove_prefix(s.starts_with('\t') ? 1 : group_separator_length(s));
    while (!s.empty()) {
        if (s.ends_with(' ') || s.ends_with('\t'))
            s.remove_suffix(1);
        else if (s.ends_with(nbsp))
            s.remove_suffix(nbsp.size());
        else if (s.ends_with(narrow_nbsp))
            s.remove_suffix(narrow_nbsp.size());
        else
            break;
    }
    return s;
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
        if (lower(a[i]) != lower(b[i])) return false;
    }
    return true;
}

// Removes a leading "+", "-" or U+2212: true for a minus, false for a plus, nothing when there is no sign.
std::optional<bool> take_sign(std::string_view& s) {
    if (s.starts_with('+')) {
        s.remove_prefix(1);
        return false;
    }
    if (s.starts_with('-')) {
        s.remove_prefix(1);
        return true;
    }
    if (s.starts_with(unicode_minus)) {
        s.remove_prefix(unicode_minus.size());
        return true;
    }
    return std::nullopt;
}

bool take_currency_prefix(std::string_view& s) {
    if (s.starts_with(euro_sign))
        s.remove_prefix(euro_sign.size());
    else if (s.size() >= 3 && equals_ignoring_case(s.substr(0, 3), "EUR"))
        s.remove_prefix(3);
    else
        return false;
    s = trim(s);
    return true;
}

bool take_currency_suffix(std::string_view& s) {
    if (s.ends_with(euro_sign))
        s.remove_suffix(euro_sign.size());
    else if (s.size() >= 3 && equals_ignoring_case(s.substr(s.size() - 3), "EUR"))
        s.remove_suffix(3);
    else
        return false;
    s = trim(s);
    return true;
}

// A number as written: sign, the integer digits and the decimal digits, separators removed.
struct WrittenNumber {
    bool negative = false;
    std::string integer;
    std::string fraction;
};

// Thousands groups are valid when the first has 1-3 digits and every later one exactly 3.
bool valid_groups(const std::vector<std::size_t>& groups) {
    if (groups.empty() || groups.front() < 1 || groups.front() > 3) return false;
    for (std::size_t i = 1; i < groups.size(); ++i)
        if (groups[i] != 3) return false;
    return true;
}

WrittenNumber split_digits(std::string_view body, std::string_view text, Kind kind) {
    WrittenNumber number;
    char decimal_mark = 0;
    bool grouped = false;
    std::vector<std::size_t> groups;
    std::size_t current_group = 0;
    while (!body.empty()) {
        char c = body.front();
        if (c >= '0' && c <= '9') {
            (decimal_mark != 0 ? number.fraction : number.integer).push_back(c);
            if (decimal_mark == 0) ++current_group;
            body.remove_prefix(1);
        } else if (c == '.' || c == ',') {
            if (decimal_mark != 0)
                not_a_number(text, kind,
                             decimal_mark != c ? "it mixes '.' and ','; use one of them, for decimals only"
                                               : "more than one decimal mark");
            if (number.integer.empty()) not_a_number(text, kind, "no digits before the decimal mark");
            decimal_mark = c;
            body.remove_prefix(1);
        } else if (std::size_t length = group_separator_length(body); length > 0 && decimal_mark == 0) {
            groups.push_back(current_group);
            current_group = 0;
            grouped = true;
            body.remove_prefix(length);
        } else {
            not_a_number(text, kind, "");
        }
    }
    if (number.integer.empty()) not_a_number(text, kind, "");
    if (decimal_mark != 0 && number.fraction.empty()) not_a_number(text, kind, "no digits after the decimal mark");
    groups.push_back(current_group);
    if (grouped && !valid_groups(groups))
        not_a_number(text, kind, "thousands must be grouped by three, like 1 234 567");
    return number;
}

WrittenNumber read_number(std::string_view text, Kind kind) {
    std::string_view s = trim(text);
    std::optional<bool> minus = take_sign(s);
    bool has_currency = kind == Kind::money && take_currency_prefix(s);
    if (!minus) minus = take_sign(s);  // "€ -14,50"
    if (kind == Kind::money && !has_currency) take_currency_suffix(s);
    if (s.empty()) not_a_number(text, kind, "");
    WrittenNumber number = split_digits(s, text, kind);
    number.negative = minus.value_or(false);
    return number;
}

// Divides with rounding, keeping 128 bits: the caller decides what an out-of-range result means.
wide divide_wide(wide numerator, wide denominator, Rounding rounding) {
    wide quotient = numerator / denominator;
    wide remainder = numerator % denominator;  // same sign as the numerator
    if (remainder == 0) return quotient;
    wide away = numerator < 0 ? -1 : 1;
    wide rest = remainder < 0 ? -remainder : remainder;
    wide other = denominator - rest;  // compared with `rest` to find which side of the half we are on
    switch (rounding) {
        case Rounding::down: return quotient;
        case Rounding::up: return quotient + away;
        case Rounding::half_up: return rest >= other ? quotient + away : quotient;
        case Rounding::half_even:
            if (rest > other) return quotient + away;
            if (rest < other) return quotient;
            return quotient % 2 == 0 ? quotient : quotient + away;
    }
    return quotient;
}

wide power_of_ten(int exponent) {
    wide value = 1;
    for (int i = 0; i < exponent; ++i) value *= 10;
    return value;
}

// The written number in units of 10^-places, rounded as asked. Fraction digits past the 18th only
// matter as "something more than zero", which a final sticky digit keeps for the rounding.
std::int64_t to_units(const WrittenNumber& number, int places, Rounding rounding, std::string_view text, Kind kind) {
    constexpr int kept_digits = 18;
    wide integer = 0;
    for (char c : number.integer) {
        integer = integer * 10 + (c - '0');
        if (integer > int64_max) too_large(text, kind);
    }
    wide fraction = 0;
    bool sticky = false;
    for (std::size_t i = 0; i < number.fraction.size(); ++i) {
        int digit = number.fraction[i] - '0';
        if (i < kept_digits)
            fraction = fraction * 10 + digit;
        else if (digit != 0)
            sticky = true;
    }
    auto used = std::min<std::size_t>(number.fraction.size(), kept_digits);
    fraction *= power_of_ten(kept_digits - static_cast<int>(used));
    // value = (integer * 10^19 + fraction * 10 + sticky) / 10^19, all below 10^38.
    wide numerator = integer * power_of_ten(kept_digits + 1) + fraction * 10 + (sticky ? 1 : 0);
    if (number.negative) numerator = -numerator;
    wide units = divide_wide(numerator, power_of_ten(kept_digits + 1 - places), rounding);
    if (units > int64_max || units < -int64_max) too_large(text, kind);
    return static_cast<std::int64_t>(units);
}

std::uint64_t magnitude(std::int64_t value) {
    return value < 0 ? 0 - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
}

// Whole part of `units` / 10^places with `group` between thousands, then the `places` decimals after `mark`.
std::string format_units(std::int64_t units, int places, std::string_view mark, std::string_view group) {
    std::uint64_t scale = 1;
    for (int i = 0; i < places; ++i) scale *= 10;
    std::uint64_t whole = magnitude(units) / scale;
    std::uint64_t part = magnitude(units) % scale;

    std::string digits = std::to_string(whole);
    std::string grouped;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) grouped += group;
        grouped += digits[i];
    }
    std::string text = units < 0 ? "-" + grouped : grouped;
    if (places > 0) {
        std::string decimals = std::to_string(part);
        text += std::string(mark) + std::string(static_cast<std::size_t>(places) - decimals.size(), '0') + decimals;
    }
    return text;
}

std::int64_t checked(wide value, const char* what) {
    if (value > int64_max || value < std::numeric_limits<std::int64_t>::min())
        throw InternalError(std::string("the result of ") + what + " is out of range");
    return static_cast<std::int64_t>(value);
}

}  // namespace

std::int64_t divide_rounded(wide numerator, wide denominator, Rounding rounding) {
    if (denominator <= 0) throw InternalError("divide_rounded needs a positive denominator");
    return checked(divide_wide(numerator, denominator, rounding), "a division");
}

// --- Decimal ----------------------------------------------------------------------------------------

Decimal Decimal::parse(std::string_view text) {
    WrittenNumber number = read_number(text, Kind::decimal);
    if (number.fraction.size() > 6)
        throw InputError(quoted(text) + " has more than six decimals; Jobcenter keeps rates to six places");
    return from_micros(to_units(number, 6, Rounding::half_up, text, Kind::decimal));
}

Decimal Decimal::from_double(double value) {
    if (!std::isfinite(value)) throw InputError("the number " + shortest_number_text(value) + " is not finite");
    double scaled = std::round(value * static_cast<double>(scale));
    // 2^63 is exactly representable; anything at or beyond it does not fit.
    if (scaled >= 9223372036854775808.0 || scaled <= -9223372036854775808.0)
        throw InputError("the number " + shortest_number_text(value) + " is too large for a decimal with six places");
    return from_micros(static_cast<std::int64_t>(scaled));
}

std::string Decimal::to_string() const {
    std::string text = format_units(micros_, 6, ".", "");
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text.pop_back();
    return text;
}

// --- Money ------------------------------------------------------------------------------------------

Money Money::parse(std::string_view text) {
    WrittenNumber number = read_number(text, Kind::money);
    if (number.fraction.size() > 2)
        throw InputError(quoted(text) + " has more than two decimals; give money to the cent, such as 14.50");
    return from_cents(to_units(number, 2, Rounding::half_up, text, Kind::money));
}

Money Money::parse_rounded(std::string_view text, Rounding rounding) {
    WrittenNumber number = read_number(text, Kind::money);
    return from_cents(to_units(number, 2, rounding, text, Kind::money));
}

std::string Money::to_string() const { return format_units(cents_, 2, ".", ""); }

std::string Money::to_display_fi() const {
    return format_units(cents_, 2, ",", nbsp) + std::string(nbsp) + std::string(euro_sign);
}

Money Money::times(Decimal ratio, Rounding rounding) const {
    return from_cents(
        checked(divide_wide(wide{cents_} * ratio.micros(), Decimal::scale, rounding), "a multiplication"));
}

Money Money::times_fraction(std::int64_t numerator, std::int64_t denominator, Rounding rounding) const {
    if (denominator <= 0) throw InternalError("Money::times_fraction needs a positive denominator");
    return from_cents(checked(divide_wide(wide{cents_} * numerator, denominator, rounding), "a multiplication"));
}

Money Money::percent(Decimal percent, Rounding rounding) const {
    return from_cents(
        checked(divide_wide(wide{cents_} * percent.micros(), wide{100} * Decimal::scale, rounding), "a percentage"));
}

}  // namespace jobcenter
