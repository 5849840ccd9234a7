// A gig as the matching rules see it: a client's place on an order, and whether it still holds the
// client's time (proposed, confirmed, accepted, done, approved) or not (cancelled, declined).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

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

// True while a gig holds the client's time and counts toward hours and earnings.
inline bool holds_time(GigStatus s) { return s != GigStatus::cancelled && s != GigStatus::declined; }

}  // namespace jobcenter::matching
