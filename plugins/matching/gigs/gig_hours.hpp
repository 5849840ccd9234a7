// The hours of a done gig, one entry per occurrence of its order that has taken place: read from
// `--hours 2026-02-02=1.5` (decimal hours, 0-24) or, when none are given, the order's planned hours; stored in
// gig_hours as whole minutes; and their corrections, occurrence by occurrence (`gig hours`).
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

// One occurrence's recorded hours changed.
struct HoursCorrection {
    Day day = 0;
    int from_minutes = 0;
    int to_minutes = 0;
};

// The changes `given` ("DATE=HOURS", each a recorded occurrence of gig `gig_id`) makes to `recorded`; an
// occurrence not given keeps its hours. Throws InputError naming --hours as hours_to_record does (a date
// that is not a recorded occurrence names the recorded ones), and when nothing would change.
std::vector<HoursCorrection> hours_to_correct(std::int64_t gig_id, const std::vector<OccurrenceHours>& recorded, Day today,
                                              const std::vector<std::string>& given);

std::int64_t total_minutes(const std::vector<OccurrenceHours>& hours);

void write_gig_hours(Database& db, std::int64_t gig_id, const std::vector<OccurrenceHours>& hours);
// Writes the corrected minutes and marks each occurrence corrected at `now_iso`.
void write_hours_corrections(Database& db, std::int64_t gig_id, const std::vector<HoursCorrection>& changes,
                             const std::string& now_iso);
std::vector<OccurrenceHours> read_gig_hours(Database& db, std::int64_t gig_id);

}  // namespace jobcenter::matching
