// The hours of a done gig, one entry per occurrence of its order that has taken place: read from
// `--hours 2026-02-02=1.5` (decimal hours, 0-24) or, when none are given, the order's planned hours; stored in
// gig_hours as whole minutes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "jobcenter/context.hpp"
#include "matching/model/order.hpp"

namespace jobcenter::matching {

struct OccurrenceHours {
    Day day = 0;
    int minutes = 0;
};

// Today in Helsinki, by the context's clock.
Day today_of(Context& ctx);

// Decimal hours "1.5" or "1,5", 0 to 24, as whole minutes (half a minute up); nullopt for anything else.
std::optional<int> parse_hours(std::string_view text);

// Minutes as decimal hours to two places at most: 90 -> "1.5", 20 -> "0.33", 120 -> "2".
std::string hours_text(std::int64_t minutes);

// The hours to record on a gig of `order` marked done on `today`. With `given` ("DATE=HOURS", one for each
// occurrence up to today) those; without, every occurrence up to today at the order's planned minutes.
// Throws InputError naming --hours for a malformed entry, a date given twice, a date that is not an
// occurrence or is after today, or an occurrence up to today left out; RefusedError when no occurrence has
// taken place yet.
std::vector<OccurrenceHours> hours_to_record(const Order& order, Day today, const std::vector<std::string>& given);

std::int64_t total_minutes(const std::vector<OccurrenceHours>& hours);

void write_gig_hours(Database& db, std::int64_t gig_id, const std::vector<OccurrenceHours>& hours);
std::vector<OccurrenceHours> read_gig_hours(Database& db, std::int64_t gig_id);

}  // namespace jobcenter::matching
