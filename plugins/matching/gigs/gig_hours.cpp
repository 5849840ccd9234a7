// Reading, checking and storing the hours worked on each occurrence of a done gig.
#include "matching/gigs/gig_hours.hpp"

#include <algorithm>
#include <map>

#include "jobcenter/errors.hpp"
#include "jobcenter/money.hpp"

namespace jobcenter::matching {
namespace {

const std::string hours_flag = "--hours";

// The days of the order's occurrences that start on or before `today`.
std::vector<Day> days_worked_by(const Order& order, Day today) {
    std::vector<Day> days;
    for (const auto& occurrence : order.occurrences())
        if (day_of(occurrence.start) <= today) days.push_back(day_of(occurrence.start));
    return days;
}

std::string day_list(const std::vector<Day>& days) {
    std::string out;
    for (Day d : days) out += (out.empty() ? "" : ", ") + day_text(d);
    return out;
}

// One "DATE=HOURS" entry, checked against the days hours may be given for (`days`, described by
// `days_named` as "an occurrence of the order; its occurrences up to today are").
OccurrenceHours parse_entry(const std::string& entry, const std::vector<Day>& days, std::string_view days_named, Day today) {
    const auto equals = entry.find('=');
    if (equals == std::string::npos)
        throw InputError("'" + entry + "' is not DATE=HOURS, such as 2026-02-02=1.5", hours_flag);
    const std::string date = entry.substr(0, equals);
    auto day = parse_day(date);
    if (!day) throw InputError("'" + date + "' in '" + entry + "' is not a date such as 2026-02-02", hours_flag);
    auto minutes = parse_hours(std::string_view(entry).substr(equals + 1));
    if (!minutes)
        throw InputError("'" + entry.substr(equals + 1) + "' in '" + entry + "' is not a number of hours from 0 to 24",
                         hours_flag);
    if (*day > today)
        throw InputError(date + " is after today (" + day_text(today) + "): hours are recorded for occurrences that have "
                         "taken place", hours_flag);
    if (std::find(days.begin(), days.end(), *day) == days.end())
        throw InputError(date + " is not " + std::string(days_named) + " " + day_list(days), hours_flag);
    return {*day, *minutes};
}

// Every entry, each day once.
std::map<Day, int> parse_entries(const std::vector<std::string>& given, const std::vector<Day>& days,
                                 std::string_view days_named, Day today) {
    std::map<Day, int> by_day;
    for (const auto& entry : given) {
        const OccurrenceHours hours = parse_entry(entry, days, days_named, today);
        if (!by_day.emplace(hours.day, hours.minutes).second)
            throw InputError(day_text(hours.day) + " is given twice: give each occurrence's hours once", hours_flag);
    }
    return by_day;
}

}  // namespace

Day today_of(Context& ctx) {
    const std::string today = ctx.clock().today_iso();
    auto day = parse_day(today);
    if (!day) throw InternalError("the clock's day '" + today + "' is not a date");
    return *day;
}

std::optional<int> parse_hours(std::string_view text) {
    if (text.empty() || text.front() == '-' || text.front() == '+') return std::nullopt;
    Decimal hours;
    try {
        hours = Decimal::parse(text);
    } catch (const Error&) {
        return std::nullopt;
    }
    if (hours > Decimal::from_integer(24)) return std::nullopt;
    return static_cast<int>(divide_rounded(static_cast<Int128>(hours.micros()) * 60, Decimal::scale, Rounding::half_up));
}

std::string hours_text(std::int64_t minutes) {
    const std::int64_t hundredths = divide_rounded(static_cast<Int128>(minutes) * 100, 60, Rounding::half_up);
    return Decimal::from_micros(hundredths * (Decimal::scale / 100)).to_string();
}

std::vector<OccurrenceHours> hours_to_record(const Order& order, Day today, const std::vector<std::string>& given) {
    const std::vector<Day> occurred = days_worked_by(order, today);
    if (occurred.empty())
        throw RefusedError("order " + order.id + " has its first occurrence on " + day_text(day_of(order.start)) +
                           ", after today (" + day_text(today) + "): there are no hours to record yet");
    if (given.empty()) {
        std::vector<OccurrenceHours> planned;
        for (Day d : occurred) planned.push_back({d, order.minutes});
        return planned;
    }
    const auto by_day = parse_entries(given, occurred, "an occurrence of the order; its occurrences up to today are", today);
    std::vector<Day> missing;
    for (Day d : occurred)
        if (!by_day.count(d)) missing.push_back(d);
    if (!missing.empty())
        throw InputError("no hours for " + day_list(missing) + ": give every occurrence up to today, 0 for one not "
                         "worked", hours_flag);
    std::vector<OccurrenceHours> out;
    for (const auto& [day, minutes] : by_day) out.push_back({day, minutes});
    return out;
}

std::vector<HoursCorrection> hours_to_correct(std::int64_t gig_id, const std::vector<OccurrenceHours>& recorded, Day today,
                                              const std::vector<std::string>& given) {
    std::vector<Day> days;
    for (const auto& h : recorded) days.push_back(h.day);
    const auto by_day = parse_entries(given, days,
                                      "a recorded occurrence of gig " + std::to_string(gig_id) + "; its recorded occurrences are",
                                      today);
    std::vector<HoursCorrection> changes;
    for (const auto& h : recorded) {
        auto it = by_day.find(h.day);
        if (it != by_day.end() && it->second != h.minutes) changes.push_back({h.day, h.minutes, it->second});
    }
    if (changes.empty())
        throw InputError("the hours given are the hours recorded: nothing to correct", hours_flag);
    return changes;
}

std::int64_t total_minutes(const std::vector<OccurrenceHours>& hours) {
    std::int64_t total = 0;
    for (const auto& h : hours) total += h.minutes;
    return total;
}

void write_gig_hours(Database& db, std::int64_t gig_id, const std::vector<OccurrenceHours>& hours) {
    auto& insert = db.cached("INSERT INTO gig_hours(gig_id, on_date, minutes) VALUES(?,?,?)");
    for (const auto& h : hours) {
        insert.bind_all(gig_id, day_text(h.day), h.minutes);
        insert.run();
    }
}

void write_hours_corrections(Database& db, std::int64_t gig_id, const std::vector<HoursCorrection>& changes,
                             const std::string& now_iso) {
    auto& update = db.cached("UPDATE gig_hours SET minutes = ?, corrected_at = ? WHERE gig_id = ? AND on_date = ?");
    for (const auto& c : changes) update.bind_all(c.to_minutes, now_iso, gig_id, day_text(c.day)).run();
}

std::vector<OccurrenceHours> read_gig_hours(Database& db, std::int64_t gig_id) {
    auto& query = db.cached("SELECT on_date, minutes FROM gig_hours WHERE gig_id = ? ORDER BY on_date");
    query.bind(1, gig_id);
    std::vector<OccurrenceHours> hours;
    while (query.step()) {
        auto day = parse_day(query.get_text(0));
        if (!day) throw InternalError("the database holds '" + query.get_text(0) + "' in gig_hours.on_date");
        hours.push_back({*day, static_cast<int>(query.get_int(1))});
    }
    return hours;
}

}  // namespace jobcenter::matching
