// The gig life cycle's table of steps and the wording of a refused step.
#include "matching/gigs/gig_life_cycle.hpp"

#include <algorithm>
#include <array>

#include "jobcenter/errors.hpp"

namespace jobcenter::matching {
namespace {

constexpr std::array confirm_from{GigStatus::proposed};
constexpr std::array accept_from{GigStatus::confirmed};
constexpr std::array done_from{GigStatus::accepted};
constexpr std::array approve_from{GigStatus::done};
constexpr std::array cancel_from{GigStatus::proposed, GigStatus::confirmed, GigStatus::accepted};
constexpr std::array decline_from{GigStatus::proposed, GigStatus::confirmed};
constexpr std::array feedback_from{GigStatus::done, GigStatus::approved};
constexpr std::array correct_hours_from{GigStatus::done, GigStatus::approved};

// The order of the statuses along the main line; cancelled and declined are off it.
int position(GigStatus s) {
    switch (s) {
        case GigStatus::proposed: return 0;
        case GigStatus::confirmed: return 1;
        case GigStatus::accepted: return 2;
        case GigStatus::done: return 3;
        case GigStatus::approved: return 4;
        case GigStatus::cancelled:
        case GigStatus::declined: return -1;
    }
    return -1;
}

// What the step does, as the end of "it must be X before ...".
std::string what_step_does(GigStep step) {
    switch (step) {
        case GigStep::confirm: return "the unit can confirm it";
        case GigStep::accept: return "the client can accept it";
        case GigStep::record_done: return "its hours can be recorded";
        case GigStep::approve: return "a coordinator can approve it";
        case GigStep::cancel: return "it can be cancelled";
        case GigStep::decline: return "it can be declined";
        case GigStep::feedback: return "the orderer's feedback can be recorded";
        case GigStep::correct_hours: return "its hours can be corrected";
    }
    return "";
}

// "proposed", "proposed or confirmed", "proposed, confirmed or accepted".
std::string either_of(std::span<const GigStatus> statuses) {
    std::string out;
    for (std::size_t i = 0; i < statuses.size(); ++i) {
        if (i > 0) out += i + 1 == statuses.size() ? " or " : ", ";
        out += code_of(statuses[i]);
    }
    return out;
}

std::string only_from(GigStep step) {
    switch (step) {
        case GigStep::confirm: return "only a proposed gig can be confirmed";
        case GigStep::accept: return "only a confirmed gig can be accepted";
        case GigStep::record_done: return "only an accepted gig can be marked done";
        case GigStep::approve: return "only a done gig can be approved";
        case GigStep::cancel: return "only a " + either_of(cancel_from) + " gig can be cancelled";
        case GigStep::decline:
            return "only a " + either_of(decline_from) + " gig can be declined; cancel an accepted one with a reason";
        case GigStep::feedback: return "feedback is recorded on a done or approved gig";
        case GigStep::correct_hours: return "only the hours of a done or approved gig can be corrected";
    }
    return "";
}

}  // namespace

std::span<const GigStatus> statuses_before(GigStep step) {
    switch (step) {
        case GigStep::confirm: return confirm_from;
        case GigStep::accept: return accept_from;
        case GigStep::record_done: return done_from;
        case GigStep::approve: return approve_from;
        case GigStep::cancel: return cancel_from;
        case GigStep::decline: return decline_from;
        case GigStep::feedback: return feedback_from;
        case GigStep::correct_hours: return correct_hours_from;
    }
    return {};
}

std::optional<GigStatus> status_after(GigStep step) {
    switch (step) {
        case GigStep::confirm: return GigStatus::confirmed;
        case GigStep::accept: return GigStatus::accepted;
        case GigStep::record_done: return GigStatus::done;
        case GigStep::approve: return GigStatus::approved;
        case GigStep::cancel: return GigStatus::cancelled;
        case GigStep::decline: return GigStatus::declined;
        case GigStep::feedback:
        case GigStep::correct_hours: return std::nullopt;
    }
    return std::nullopt;
}

void require_step_allowed(std::int64_t gig_id, GigStatus current, GigStep step) {
    const auto from = statuses_before(step);
    if (std::find(from.begin(), from.end(), current) != from.end()) return;
    const std::string gig = "gig " + std::to_string(gig_id) + " is " + std::string(code_of(current));
    if (position(current) < 0)
        throw RefusedError(gig + ": a " + std::string(code_of(current)) + " gig takes no more steps");
    if (status_after(step) == current) throw RefusedError(gig + " already");
    // A gig that has not yet reached the one status the step starts from: say which it must reach first.
    if (from.size() == 1 && position(current) < position(from.front()))
        throw RefusedError(gig + ": it must be " + std::string(code_of(from.front())) + " before " + what_step_does(step));
    throw RefusedError(gig + ": " + only_from(step));
}

}  // namespace jobcenter::matching
