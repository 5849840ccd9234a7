// A worker-client as the matching rules see it (DOMAIN.md 10.1 E5-E8): readiness, consent, skills,
// benefits, weekly work-activity schedule, availability, transport and earnings so far.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "jobcenter/money.hpp"
#include "matching/model/calendar.hpp"
#include "matching/model/codes.hpp"

namespace jobcenter::matching {

struct Approval {
    Approver by = Approver::work_coach;
    Day on = 0;
};

struct Skill {
    std::string task_type;
    int level = 1;
    bool practised_in_work_activity = false;
};

// One weekly block of work activity: a weekday and a time of day [from, to) in minutes.
struct WorkActivitySlot {
    Weekday day = Weekday::mon;
    int from = 0;
    int to = 0;
};

struct DayRange {
    Day from = 0;
    Day to = 0;  // inclusive
};

struct MonthEarning {
    Day month = 0;  // first day of the month
    Money amount;
};

struct Client {
    std::string id;
    std::string unit;
    std::string name;
    bool wants_paid_work = false;
    std::optional<Approval> approved;
    std::optional<Day> consent_y100;
    std::optional<Day> skills_recognised;
    std::optional<Day> income_survey;
    std::vector<Benefit> benefits;
    std::vector<Skill> skills;
    std::vector<std::string> work_activity_tasks;
    std::vector<std::string> interests;
    std::vector<WorkActivitySlot> work_activity;
    std::vector<DayRange> unavailable;
    std::optional<std::string> home_postcode;
    std::vector<Transport> transport;
    int weekly_minutes_max = 0;
    std::optional<Day> criminal_record_extract;
    std::vector<MonthEarning> earnings;

    const Skill* skill_in(const std::string& task_type) const;
    bool has_benefit(Benefit b) const;
};

}  // namespace jobcenter::matching
