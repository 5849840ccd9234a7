// Unit tests of Order::occurrences: a single order, a repeat up to and including its last day, the 400
// occurrences at most, and an occurrence that runs past midnight.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "matching/model/order.hpp"

namespace {
using namespace jobcenter::matching;

Order order_starting(const char* start, int minutes, std::optional<Repeat> repeat = std::nullopt) {
    Order o;
    o.id = "T-1";
    o.start = *parse_local_time(start);
    o.minutes = minutes;
    o.repeat = repeat;
    return o;
}

std::vector<std::string> starts(const Order& o) {
    std::vector<std::string> out;
    for (const auto& occ : o.occurrences()) out.push_back(local_time_text(occ.start));
    return out;
}

TEST(MatchingOrderOccurrences, ASingleOrderHasOne) {
    const auto occurrences = order_starting("2026-02-03T10:00", 150).occurrences();
    ASSERT_EQ(occurrences.size(), 1u);
    EXPECT_EQ(occurrences[0].start, *parse_local_time("2026-02-03T10:00"));
    EXPECT_EQ(occurrences[0].end, *parse_local_time("2026-02-03T12:30"));
}

TEST(MatchingOrderOccurrences, ARepeatRunsUntilItsLastDayInclusive) {
    EXPECT_EQ(starts(order_starting("2026-02-03T10:00", 60, Repeat{14, *parse_day("2026-03-03")})),
              (std::vector<std::string>{"2026-02-03T10:00", "2026-02-17T10:00", "2026-03-03T10:00"}));
    EXPECT_EQ(starts(order_starting("2026-02-03T10:00", 60, Repeat{14, *parse_day("2026-03-02")})),
              (std::vector<std::string>{"2026-02-03T10:00", "2026-02-17T10:00"}));
    EXPECT_EQ(starts(order_starting("2026-02-03T10:00", 60, Repeat{7, *parse_day("2026-02-03")})),
              (std::vector<std::string>{"2026-02-03T10:00"}))
        << "until the first day: one occurrence";
    EXPECT_EQ(starts(order_starting("2026-02-27T23:00", 60, Repeat{1, *parse_day("2026-03-01")})),
              (std::vector<std::string>{"2026-02-27T23:00", "2026-02-28T23:00", "2026-03-01T23:00"}))
        << "over a month's end, at the same local time";
}

TEST(MatchingOrderOccurrences, AtMostFourHundred) {
    const Order daily = order_starting("2026-01-01T08:00", 60, Repeat{1, *parse_day("2029-12-31")});
    const auto occurrences = daily.occurrences();
    ASSERT_EQ(occurrences.size(), static_cast<std::size_t>(max_occurrences));
    EXPECT_EQ(local_time_text(occurrences.back().start), "2027-02-04T08:00") << "the 400th day";
    const Order exactly = order_starting("2026-01-01T08:00", 60, Repeat{1, *parse_day("2027-02-04")});
    EXPECT_EQ(exactly.occurrences().size(), 400u);
}

TEST(MatchingOrderOccurrences, AnOccurrenceMayRunPastMidnight) {
    const auto occurrences = order_starting("2026-02-03T22:00", 240, Repeat{7, *parse_day("2026-02-10")}).occurrences();
    ASSERT_EQ(occurrences.size(), 2u);
    EXPECT_EQ(local_time_text(occurrences[0].end), "2026-02-04T02:00");
    EXPECT_EQ(local_time_text(occurrences[1].start), "2026-02-10T22:00");
}

}  // namespace
