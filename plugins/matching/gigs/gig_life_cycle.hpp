// The gig's life cycle as rules: which step a gig may take from which status, where the step leads, and the
// reason a step out of order is refused. No database here: the steps in gig_steps apply these rules.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>

#include "matching/model/codes.hpp"

namespace jobcenter::matching {

// The steps after a proposal: proposed -> confirmed -> accepted -> done -> approved, or cancelled / declined;
// feedback is recorded, and hours corrected, on a done or approved gig and change no status.
enum class GigStep { confirm, accept, record_done, approve, cancel, decline, feedback, correct_hours };

// The statuses a step may start from.
std::span<const GigStatus> statuses_before(GigStep step);

// The status a step leads to; none for feedback and hours corrections.
std::optional<GigStatus> status_after(GigStep step);

// Throws RefusedError with the reason when gig `gig_id`, now `current`, may not take `step`:
// "gig 12 is proposed: it must be confirmed before the client can accept it".
void require_step_allowed(std::int64_t gig_id, GigStatus current, GigStep step);

}  // namespace jobcenter::matching
