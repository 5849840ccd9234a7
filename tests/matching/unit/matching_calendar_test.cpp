// Unit tests of matching's calendar: parsing dates, clocks, local times and months (and what is refused),
// weekdays, Monday-based weeks, months and years, and the text forms back.
#include <gtest/gtest.h>

#include "matching/model/calendar.hpp"

namespace {
using namespace jobcenter::matching;

Day calendar_day(const char* text) { return parse_day(text).value(); }

TEST(MatchingCalendar, ParsesDatesThatExistOnly) {
    EXPECT_EQ(parse_day("1970-01-01"), 0);
    EXPECT_EQ(parse_day("1970-01-02"), 1);
    EXPECT_EQ(parse_day("1969-12-31"), -1);
    EXPECT_TRUE(parse_day("2024-02-29"));
    EXPECT_TRUE(parse_day("2000-02-29")) << "divisible by 400: a leap year";
    EXPECT_TRUE(parse_day("1900-01-01"));
    for (const char* wrong : {"2025-02-29", "1900-02-29", "2026-04-31", "2026-13-01", "2026-00-10", "2026-01-00", "2026-01-32",
                              "1899-12-31", "2026-1-01", "2026-01-1", " 2026-01-01", "2026-01-01 ", "2026/01/01", "2026-01-0a",
                              "+026-01-01", "", "2026-01-01T10:00"})
        EXPECT_FALSE(parse_day(wrong)) << wrong;
}

TEST(MatchingCalendar, ParsesClocksUpToMidnightItself) {
    EXPECT_EQ(parse_clock("00:00"), 0);
    EXPECT_EQ(parse_clock("09:00"), 540);
    EXPECT_EQ(parse_clock("23:59"), 23 * 60 + 59);
    EXPECT_EQ(parse_clock("24:00"), 24 * 60) << "the end of a day's last slot";
    for (const char* wrong : {"24:01", "25:00", "23:60", "9:00", "09:0", "0900", "09.00", "-1:00", "", "09:00:00"})
        EXPECT_FALSE(parse_clock(wrong)) << wrong;
}

TEST(MatchingCalendar, ParsesLocalTimesWithoutMidnightAsAnEnd) {
    EXPECT_EQ(parse_local_time("1970-01-02T01:30"), minutes_per_day + 90);
    EXPECT_EQ(parse_local_time("2026-02-02T16:00"), static_cast<Minute>(calendar_day("2026-02-02")) * minutes_per_day + 16 * 60);
    for (const char* wrong : {"2026-02-02T24:00", "2026-02-02 16:00", "2026-02-02T16:00Z", "2026-02-02T16:00:00", "2026-02-30T10:00",
                              "2026-02-02", "2026-02-02T1600"})
        EXPECT_FALSE(parse_local_time(wrong)) << wrong;
}

TEST(MatchingCalendar, ParsesMonthsAsTheirFirstDay) {
    EXPECT_EQ(parse_month("2026-02"), calendar_day("2026-02-01"));
    EXPECT_EQ(parse_month("2024-12"), calendar_day("2024-12-01"));
    for (const char* wrong : {"2026-13", "2026-00", "2026-2", "2026-02-01", "26-02", ""}) EXPECT_FALSE(parse_month(wrong)) << wrong;
}

TEST(MatchingCalendar, GivesTheWeekdayAcrossTheEpochAndLeapDays) {
    EXPECT_EQ(weekday_of(calendar_day("1970-01-01")), Weekday::thu);
    EXPECT_EQ(weekday_of(calendar_day("1969-12-31")), Weekday::wed);
    EXPECT_EQ(weekday_of(calendar_day("1969-12-24")), Weekday::wed);
    EXPECT_EQ(weekday_of(calendar_day("1900-01-01")), Weekday::mon);
    EXPECT_EQ(weekday_of(calendar_day("2024-02-29")), Weekday::thu);
    EXPECT_EQ(weekday_of(calendar_day("2026-02-02")), Weekday::mon);
    EXPECT_EQ(weekday_of(calendar_day("2026-02-08")), Weekday::sun);
    EXPECT_EQ(weekday_of(calendar_day("2026-12-31")), Weekday::thu);
}

TEST(MatchingCalendar, WeeksStartOnMonday) {
    EXPECT_EQ(week_of(calendar_day("2026-02-02")), week_of(calendar_day("2026-02-08"))) << "Monday and Sunday of one week";
    EXPECT_EQ(week_of(calendar_day("2026-02-09")), week_of(calendar_day("2026-02-08")) + 1);
    EXPECT_EQ(monday_of(week_of(calendar_day("2026-02-05"))), calendar_day("2026-02-02"));
    EXPECT_EQ(monday_of(week_of(calendar_day("2026-01-01"))), calendar_day("2025-12-29")) << "a week across the new year";
    EXPECT_EQ(monday_of(week_of(calendar_day("1970-01-01"))), calendar_day("1969-12-29"));
    EXPECT_EQ(monday_of(week_of(calendar_day("1969-12-28"))), calendar_day("1969-12-22")) << "before the epoch: Sunday belongs to the week before";
    EXPECT_EQ(monday_of(week_of(calendar_day("1969-12-29"))), calendar_day("1969-12-29"));
    for (Day d = calendar_day("1969-12-01"); d < calendar_day("1970-02-01"); ++d) {
        EXPECT_EQ(weekday_of(monday_of(week_of(d))), Weekday::mon) << day_text(d);
        EXPECT_LE(monday_of(week_of(d)), d);
        EXPECT_GT(monday_of(week_of(d)) + 7, d);
    }
}

TEST(MatchingCalendar, MonthsAndYears) {
    EXPECT_EQ(month_index_of(calendar_day("2026-02-28")), 2026 * 12 + 1);
    EXPECT_EQ(month_index_of(calendar_day("2026-12-31")) + 1, month_index_of(calendar_day("2027-01-01")));
    EXPECT_EQ(year_of(calendar_day("2026-12-31")), 2026);
    EXPECT_EQ(year_of(calendar_day("2027-01-01")), 2027);
    EXPECT_EQ(month_text(calendar_day("2024-02-29")), "2024-02");
}

TEST(MatchingCalendar, TextFormsReadBackTheSame) {
    for (const char* text : {"1900-01-01", "1969-12-31", "1970-01-01", "2024-02-29", "2026-12-31"}) EXPECT_EQ(day_text(calendar_day(text)), text);
    EXPECT_EQ(clock_text(0), "00:00");
    EXPECT_EQ(clock_text(9 * 60 + 5), "09:05");
    EXPECT_EQ(clock_text(24 * 60), "24:00");
    for (const char* text : {"2026-02-02T16:00", "1969-12-31T23:59", "1970-01-01T00:00"})
        EXPECT_EQ(local_time_text(*parse_local_time(text)), text);
    EXPECT_EQ(day_of(*parse_local_time("1969-12-31T23:59")), -1);
    EXPECT_EQ(day_of(*parse_local_time("1969-12-31T00:00")), -1);
}

}  // namespace
