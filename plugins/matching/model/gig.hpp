// A gig as the matching rules see it: a client's place on an order, and whether it still holds the
// client's time (proposed, confirmed, accepted, done, approved) or not (cancelled, declined); and the gross
// pay payroll recorded for one of its occurrences.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "jobcenter/money.hpp"
#include "matching/model/codes.hpp"
#include "matching/model/order.hpp"

namespace jobcenter::matching {

struct GigTime {
    std::int64_t gig_id = 0;
    std::string order_id;
    std::string client_id;
    GigStatus status = GigStatus::proposed;
    std::string orderer_name;
    std::string task_type;
    std::int64_t orderer_id = 0;
    Contract contract = Contract::commission;
    std::vector<Occurrence> occurrences;
};

// One occurrence's gross pay in a paid payroll run (`matching earnings record`); an adjustment may be negative.
// The rules count it as paid in the month of the day worked, and the occurrence no longer as planned.
struct PaidOccurrence {
    std::int64_t gig_id = 0;
    Day day = 0;
    Contract contract = Contract::commission;
    Money gross;
};

// True while a gig holds the client's time and counts toward hours and earnings.
inline bool holds_time(GigStatus s) { return s != GigStatus::cancelled && s != GigStatus::declined; }

}  // namespace jobcenter::matching
