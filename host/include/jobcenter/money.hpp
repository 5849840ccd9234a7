// Money (integer cents) and Decimal (fixed-point ratios such as a VAT rate or a contract coefficient),
// with parsing, printing and explicit rounding. Never a double anywhere money is computed.
#pragma once

#include "jobcenter/export.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace jobcenter {

// How a result that falls between two cents is rounded.
enum class Rounding {
    half_up,    // half away from zero: 3.475 -> 3.48, -3.475 -> -3.48 (the default; matches Finnish invoicing)
    half_even,  // banker's rounding: 3.465 -> 3.46, 3.475 -> 3.48
    down,       // toward zero (truncate): 3.479 -> 3.47
    up,         // away from zero: 3.471 -> 3.48
};

// A fixed-point decimal with six places, for rates and coefficients ("1.45", "25.5" %, "0.255").
class JOBCENTER_API Decimal {
public:
    static constexpr std::int64_t scale = 1'000'000;

    constexpr Decimal() = default;
    static constexpr Decimal from_micros(std::int64_t micros) { Decimal d; d.micros_ = micros; return d; }
    static constexpr Decimal from_integer(std::int64_t v) { return from_micros(v * scale); }
    // Parses "1.45", "1,45", "-0.5", "25". At most six decimals; throws InputError otherwise.
    static Decimal parse(std::string_view text);
    // Nearest Decimal to a finite double (for values a script returned); throws InputError on NaN/inf.
    static Decimal from_double(double value);

    constexpr std::int64_t micros() const { return micros_; }
    double to_double() const { return static_cast<double>(micros_) / scale; }
    // Shortest exact text: "1.45", "25.5", "2".
    std::string to_string() const;

    friend constexpr bool operator==(Decimal a, Decimal b) { return a.micros_ == b.micros_; }
    friend constexpr auto operator<=>(Decimal a, Decimal b) { return a.micros_ <=> b.micros_; }

private:
    std::int64_t micros_ = 0;
};

// An amount of euros held as integer cents.
class JOBCENTER_API Money {
public:
    constexpr Money() = default;
    static constexpr Money from_cents(std::int64_t cents) { Money m; m.cents_ = cents; return m; }
    // Parses "14.50", "14,50", "14.5", "14", "-3.20", "1 234,50", with an optional "€"/"EUR".
    // More than two decimals is an InputError: use parse_rounded to accept them.
    static Money parse(std::string_view text);
    // As parse, but any number of decimals, rounded to the cent as asked.
    static Money parse_rounded(std::string_view text, Rounding rounding);

    constexpr std::int64_t cents() const { return cents_; }
    // "14.50", "-3.20": the form money crosses JSON in.
    std::string to_string() const;
    // "14,50 €" with a thin space for thousands ("1 234,50 €"): the form a Finnish user reads.
    std::string to_display_fi() const;

    // this × ratio, rounded to the cent as asked. Throws InternalError on overflow.
    Money times(Decimal ratio, Rounding rounding = Rounding::half_up) const;
    // this × numerator / denominator, rounded as asked (denominator > 0).
    Money times_fraction(std::int64_t numerator, std::int64_t denominator, Rounding rounding = Rounding::half_up) const;
    // this × percent / 100 ("24", "25.5"), rounded as asked: a VAT amount.
    Money percent(Decimal percent, Rounding rounding = Rounding::half_up) const;

    friend constexpr Money operator+(Money a, Money b) { return from_cents(a.cents_ + b.cents_); }
    friend constexpr Money operator-(Money a, Money b) { return from_cents(a.cents_ - b.cents_); }
    friend constexpr Money operator-(Money a) { return from_cents(-a.cents_); }
    friend constexpr Money operator*(Money a, std::int64_t n) { return from_cents(a.cents_ * n); }
    Money& operator+=(Money o) { cents_ += o.cents_; return *this; }
    Money& operator-=(Money o) { cents_ -= o.cents_; return *this; }
    friend constexpr bool operator==(Money a, Money b) { return a.cents_ == b.cents_; }
    friend constexpr auto operator<=>(Money a, Money b) { return a.cents_ <=> b.cents_; }

private:
    std::int64_t cents_ = 0;
};

// A signed 128-bit integer for intermediate products (GCC and Clang).
__extension__ typedef __int128 Int128;

// Divides a signed 128-bit numerator by a positive denominator with the rounding asked.
// Shared by Money and Decimal; exposed for plugins that prorate (hours × rate / 60).
JOBCENTER_API std::int64_t divide_rounded(Int128 numerator, Int128 denominator, Rounding rounding);

}  // namespace jobcenter
