// Counting each order's empty seats and naming the reason.
#include "matching/assignment/unfilled_seats.hpp"

namespace jobcenter::matching {
namespace {

UnfilledReason reason_for(int eligible, int seats, int filled) {
    if (eligible == 0) return UnfilledReason::no_eligible_clients;
    if (eligible < seats && filled == eligible) return UnfilledReason::fewer_eligible_than_seats;
    return UnfilledReason::eligible_clients_taken;
}

}  // namespace

std::vector<UnfilledSeats> unfilled_seats(const IndexedProblem& problem, const std::vector<std::int32_t>& chosen) {
    std::vector<int> filled(static_cast<std::size_t>(problem.order_count()), 0);
    for (const auto a : chosen) ++filled[static_cast<std::size_t>(problem.arc(a).order)];
    std::vector<UnfilledSeats> unfilled;
    for (std::int32_t o = 0; o < problem.order_count(); ++o) {
        const int seats = problem.seats(o);
        const int got = filled[static_cast<std::size_t>(o)];
        if (got < seats)
            unfilled.push_back({o, seats - got, reason_for(problem.eligible(o), seats, got), problem.eligible(o)});
    }
    return unfilled;
}

std::string_view unfilled_reason_text(UnfilledReason reason) {
    switch (reason) {
        case UnfilledReason::no_eligible_clients: return "no eligible clients";
        case UnfilledReason::fewer_eligible_than_seats: return "fewer eligible clients than seats";
        case UnfilledReason::eligible_clients_taken:
            return "the eligible clients' time goes to other orders or is past their weekly hours";
    }
    return "unknown";
}

}  // namespace jobcenter::matching
