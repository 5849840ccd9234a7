// The steps of a gig, as functions other code calls: a proposal (`matching assign` proposes through it), each
// step of the life cycle, and cancelling the live gigs of a cancelled order. Each step checks the caller may
// see the gig's client, that the step is in order (gig_life_cycle), records who and when in gig_event and
// writes the audit trail.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "jobcenter/context.hpp"

namespace jobcenter::matching {

// Proposes `client_id` for `order_id` and returns the new gig's id. Checks the order exists and is open, has a
// seat free (proposed and later gigs hold seats), that the client exists and the caller may see the client's
// unit, and that the client has no live gig on the order. Does not check the matching rules: the caller has.
// `support_person` defaults to the order's.
std::int64_t propose_gig(Context& ctx, const std::string& order_id, const std::string& client_id,
                         std::optional<double> score, const std::optional<std::string>& support_person);

// proposed -> confirmed (unit staff).
void confirm_gig(Context& ctx, std::int64_t gig_id);
// confirmed -> accepted (the client; staff record it for them).
void accept_gig(Context& ctx, std::int64_t gig_id);
// accepted -> done, with the hours of each occurrence up to today ("DATE=HOURS"; none: the planned hours).
void record_gig_done(Context& ctx, std::int64_t gig_id, const std::vector<std::string>& hours);
// done -> approved (coordinator or higher).
void approve_gig(Context& ctx, std::int64_t gig_id);
// proposed, confirmed or accepted -> cancelled, with a reason.
void cancel_gig(Context& ctx, std::int64_t gig_id, const std::string& reason);
// proposed or confirmed -> declined (the client said no), with a reason.
void decline_gig(Context& ctx, std::int64_t gig_id, const std::string& reason);
// The orderer's feedback on a done or approved gig, recorded on the client's profile.
void record_gig_feedback(Context& ctx, std::int64_t gig_id, const std::string& text);
// Corrects the recorded hours of a done or approved gig ("DATE=HOURS" for each occurrence to change; the others
// keep theirs), marks those occurrences corrected and records why (coordinator or higher).
void correct_gig_hours(Context& ctx, std::int64_t gig_id, const std::vector<std::string>& hours, const std::string& reason);

// Cancels every gig of the order that can still be cancelled (proposed, confirmed, accepted), whatever unit
// its client is in, with `reason`; returns how many. For `matching order cancel`.
int cancel_gigs_of_order(Context& ctx, const std::string& order_id, const std::string& reason);

}  // namespace jobcenter::matching
