// Time rules (DOMAIN.md 4.2 T1-T6; 10.2 L4): unavailability, clashes with the client's other gigs, the
// weekly maximum, Kuty paid work outside work-activity hours (with the swap that would free the slot),
// and the VATTI work-activity day.
#include "matching/rules/evaluate.hpp"

namespace jobcenter::matching {
namespace {

std::string span_text(const Occurrence& occ) {
    return day_text(day_of(occ.start)) + " " + clock_text(static_cast<int>(occ.start % minutes_per_day)) + "–" +
           clock_text(static_cast<int>((occ.end - 1) % minutes_per_day + 1));
}

std::string hours_text(int minutes) {
    return hours_of(minutes).to_string() + " h";
}

bool overlaps(const Occurrence& a, const Occurrence& b) { return a.start < b.end && b.start < a.end; }

// The part of day `day` a slot covers, as an occurrence.
Occurrence slot_on(const WorkActivitySlot& slot, Day day) {
    const Minute midnight = static_cast<Minute>(day) * minutes_per_day;
    return {midnight + slot.from, midnight + slot.to};
}

// The days an occurrence works on: its start day, and the next one too when it runs past midnight.
std::vector<Day> days_of(const Occurrence& occ) {
    std::vector<Day> days;
    for (Day day = day_of(occ.start); day <= day_of(occ.end - 1); ++day) days.push_back(day);
    return days;
}

void check_unavailable(const Client& c, const OrderPlan& plan, Findings& out) {
    for (const auto& range : c.unavailable)
        for (const auto& occ : plan.occurrences)
            for (const Day day : days_of(occ))
                if (day >= range.from && day <= range.to) {
                    out.add(Rule::unavailable, [&]() -> std::string { return "unavailable " + day_text(range.from) + "–" + day_text(range.to) +
                                                   " (the order works on " + day_text(day) + ")"; });
                    return;
                }
}

void check_clash(const ClientSituation& s, const OrderPlan& plan, Findings& out) {
    for (const GigTime* gig : s.gigs)
        for (const auto& mine : gig->occurrences)
            for (const auto& occ : plan.occurrences)
                if (overlaps(mine, occ)) {
                    out.add(Rule::time_clash, [&]() -> std::string { return "gig " + std::to_string(gig->gig_id) + " (order " + gig->order_id + ", " +
                                                  span_text(mine) + ") overlaps " + span_text(occ); });
                    return;
                }
}

void check_weekly(const ClientSituation& s, const OrderPlan& plan, Findings& out) {
    const int cap = s.client->weekly_minutes_max;
    for (const auto& [week, minutes] : plan.minutes_per_week) {
        auto booked_it = s.booked_minutes_per_week.find(week);
        const int booked = booked_it == s.booked_minutes_per_week.end() ? 0 : booked_it->second;
        if (booked + minutes > cap) {
            out.add(Rule::weekly_hours, [&]() -> std::string { return "week of " + day_text(monday_of(week)) + ": " + hours_text(booked) + " booked + " +
                                            hours_text(minutes) + " = " + hours_text(booked + minutes) +
                                            ", past the weekly maximum " + hours_text(cap); });
            return;
        }
    }
}

bool day_is_free_for(const ClientSituation& s, const OrderPlan& plan, const WorkActivitySlot& slot, Day day) {
    const Client& c = *s.client;
    for (const auto& other : c.work_activity)
        if (other.day == weekday_of(day)) return false;
    for (const auto& range : c.unavailable)
        if (day >= range.from && day <= range.to) return false;
    const Occurrence moved = slot_on(slot, day);
    for (const GigTime* gig : s.gigs)
        for (const auto& occ : gig->occurrences)
            if (overlaps(occ, moved)) return false;
    for (const auto& occ : plan.occurrences)
        if (overlaps(occ, moved)) return false;
    return true;
}

// "move tue 09:00–13:00 to thu 2026-02-05", or a note that no weekday of that week is free.
std::string swap_suggestion(const ClientSituation& s, const OrderPlan& plan, const WorkActivitySlot& slot, Day day) {
    const Day monday = monday_of(week_of(day));
    const std::string block = std::string(code_of(slot.day)) + " " + clock_text(slot.from) + "–" + clock_text(slot.to);
    for (Day candidate = monday; candidate < monday + 5; ++candidate)
        if (candidate != day && day_is_free_for(s, plan, slot, candidate))
            return "swap: move the work activity of " + block + " to " + std::string(code_of(weekday_of(candidate))) + " " +
                   day_text(candidate) + " that week to free the slot";
    return "no weekday of that week is free to take the work activity of " + block;
}

void check_work_activity_hours(const ClientSituation& s, const OrderPlan& plan, Findings& out) {
    bool kuty_reported = false, vatti_reported = false;
    for (const auto& occ : plan.occurrences) {
        for (const Day day : days_of(occ)) {
            for (const auto& slot : s.client->work_activity) {
                if (slot.day != weekday_of(day)) continue;
                if (s.organisation == Organisation::kuty && !kuty_reported && overlaps(occ, slot_on(slot, day))) {
                    out.add(Rule::kuty_outside_hours, [&]() -> std::string { return span_text(occ) + " overlaps the client's work activity " +
                                                          std::string(code_of(slot.day)) + " " + clock_text(slot.from) + "–" +
                                                          clock_text(slot.to) + "; " + swap_suggestion(s, plan, slot, day); });
                    kuty_reported = true;
                }
                if (s.organisation == Organisation::vatti && !vatti_reported && out.wanted(Rule::vatti_work_activity_day)) {
                    out.add(Rule::vatti_work_activity_day, [&]() -> std::string { return day_text(day) + " (" + std::string(code_of(slot.day)) +
                                ") is a work-activity day: paid work ends that day's work activity and its work-share allowance"; });
                    vatti_reported = true;
                }
            }
        }
    }
}

}  // namespace

void check_schedule(const ClientSituation& s, const OrderPlan& plan, Findings& out) {
    check_unavailable(*s.client, plan, out);
    check_clash(s, plan, out);
    check_weekly(s, plan, out);
    check_work_activity_hours(s, plan, out);
}

}  // namespace jobcenter::matching
