// A work order as the matching rules see it (DOMAIN.md 10.1 E13): task, level, place, time, repetition,
// seats and contract; and its occurrences in local time.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "matching/model/calendar.hpp"
#include "matching/model/codes.hpp"

namespace jobcenter::matching {

struct Repeat {
    int every_days = 7;
    Day until = 0;  // inclusive: the last day an occurrence may start
};

struct Occurrence {
    Minute start = 0;
    Minute end = 0;  // exclusive
};

struct Order {
    std::string id;
    std::int64_t orderer_id = 0;
    std::string orderer_name;
    std::string task_type;
    std::optional<int> min_level;
    std::string description;
    std::optional<std::string> postcode;
    Minute start = 0;
    int minutes = 60;
    std::optional<Repeat> repeat;
    int seats = 1;
    Contract contract = Contract::commission;
    std::optional<int> early_education_months;
    std::optional<std::string> support_person;
    OrderStatus status = OrderStatus::open;

    // Every occurrence, in time order: one for a single order, each `every_days` until `until` otherwise.
    std::vector<Occurrence> occurrences() const;
};

// The longest run of occurrences an order may have; a repeat past it is refused at entry.
inline constexpr int max_occurrences = 400;

}  // namespace jobcenter::matching
