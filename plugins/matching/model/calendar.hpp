// Calendar arithmetic on local (Europe/Helsinki) dates and times: days since 1970-01-01, minutes since its
// midnight, weekdays and Monday-based weeks. Orders and schedules are local wall-clock times; no time zone
// conversion is needed to compare them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "jobcenter/money.hpp"
#include "matching/model/codes.hpp"

namespace jobcenter::matching {

using Day = std::int32_t;         // days since 1970-01-01
using Minute = std::int64_t;      // minutes since 1970-01-01 00:00 local
using Week = std::int32_t;        // Monday-based weeks since the week of 1970-01-01

inline constexpr int minutes_per_day = 24 * 60;

std::optional<Day> parse_day(std::string_view iso_date);                  // "2026-02-02"
std::optional<int> parse_clock(std::string_view hh_mm);                   // "09:00" -> 540; "24:00" allowed
std::optional<Minute> parse_local_time(std::string_view iso_date_time);  // "2026-02-02T16:00"
// "YYYY-MM": the first day of the month.
std::optional<Day> parse_month(std::string_view year_month);

std::string day_text(Day day);        // "2026-02-02"
std::string clock_text(int minutes);  // "09:00"
std::string local_time_text(Minute m);  // "2026-02-02T16:00"
std::string month_text(Day day);      // "2026-02"

Weekday weekday_of(Day day);
Week week_of(Day day);
Day monday_of(Week week);
inline Day day_of(Minute m) { return static_cast<Day>(m >= 0 ? m / minutes_per_day : (m - minutes_per_day + 1) / minutes_per_day); }
int year_of(Day day);
Day first_day_of_month(int month_index);  // month_index as month_index_of gives it
Day first_day_of_year(int year);
int month_index_of(Day day);  // year * 12 + month - 1

// Minutes as exact hours: 150 -> 2.5.
Decimal hours_of(std::int64_t minutes);

}  // namespace jobcenter::matching
