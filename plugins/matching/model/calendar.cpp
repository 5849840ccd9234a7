// Civil-calendar conversions (proleptic Gregorian, days_from_civil) and text forms of dates and times.
#include "matching/model/calendar.hpp"

#include <charconv>
#include <cstdio>

namespace jobcenter::matching {
namespace {

struct Civil {
    int year;
    unsigned month;
    unsigned day;
};

Day days_from_civil(Civil c) {
    const int y = c.year - (c.month <= 2 ? 1 : 0);
    const int era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (c.month + (c.month > 2 ? -3 : 9)) + 2) / 5 + c.day - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<int>(doe) - 719468;
}

Civil civil_from_days(Day z) {
    z += 719468;
    const int era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int y = static_cast<int>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return {y + (m <= 2 ? 1 : 0), m, d};
}

std::optional<int> digits(std::string_view text) {
    int value = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return text.empty() ? std::nullopt : std::optional<int>(value);
}

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

unsigned days_in_month(int year, unsigned month) {
    static constexpr unsigned days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && leap(year) ? 29 : days[month - 1];
}

}  // namespace

std::optional<Day> parse_day(std::string_view t) {
    if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
    auto y = digits(t.substr(0, 4)), m = digits(t.substr(5, 2)), d = digits(t.substr(8, 2));
    if (!y || !m || !d || *y < 1900 || *m < 1 || *m > 12 || *d < 1) return std::nullopt;
    if (static_cast<unsigned>(*d) > days_in_month(*y, static_cast<unsigned>(*m))) return std::nullopt;
    return days_from_civil({*y, static_cast<unsigned>(*m), static_cast<unsigned>(*d)});
}

std::optional<Day> parse_month(std::string_view t) {
    if (t.size() != 7 || t[4] != '-') return std::nullopt;
    return parse_day(std::string(t) + "-01");
}

std::optional<int> parse_clock(std::string_view t) {
    if (t.size() != 5 || t[2] != ':') return std::nullopt;
    auto h = digits(t.substr(0, 2)), m = digits(t.substr(3, 2));
    if (!h || !m || *m > 59 || *h > 24 || (*h == 24 && *m != 0)) return std::nullopt;
    return *h * 60 + *m;
}

std::optional<Minute> parse_local_time(std::string_view t) {
    if (t.size() != 16 || t[10] != 'T') return std::nullopt;
    auto day = parse_day(t.substr(0, 10));
    auto clock = parse_clock(t.substr(11, 5));
    if (!day || !clock || *clock == minutes_per_day) return std::nullopt;
    return static_cast<Minute>(*day) * minutes_per_day + *clock;
}

std::string day_text(Day day) {
    const Civil c = civil_from_days(day);
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", c.year, c.month, c.day);
    return buffer;
}

std::string month_text(Day day) { return day_text(day).substr(0, 7); }

std::string clock_text(int minutes) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%02d:%02d", minutes / 60, minutes % 60);
    return buffer;
}

std::string local_time_text(Minute m) {
    const Day day = day_of(m);
    return day_text(day) + "T" + clock_text(static_cast<int>(m - static_cast<Minute>(day) * minutes_per_day));
}

Weekday weekday_of(Day day) {
    // 1970-01-01 was a Thursday.
    const int index = ((day % 7) + 7 + 3) % 7;
    return static_cast<Weekday>(index);
}

Week week_of(Day day) { return (day + 3 >= 0) ? (day + 3) / 7 : (day + 3 - 6) / 7; }
Day monday_of(Week week) { return week * 7 - 3; }
int year_of(Day day) { return civil_from_days(day).year; }
Day first_day_of_month(int month_index) {
    return days_from_civil({month_index / 12, static_cast<unsigned>(month_index % 12 + 1), 1});
}

Day first_day_of_year(int year) { return days_from_civil({year, 1, 1}); }

int month_index_of(Day day) {
    const Civil c = civil_from_days(day);
    return c.year * 12 + static_cast<int>(c.month) - 1;
}

Decimal hours_of(std::int64_t minutes) { return Decimal::from_micros(minutes * Decimal::scale / 60); }

}  // namespace jobcenter::matching
