// One gig row with its client's unit and name, read for a step or a view; and its events, the who-and-when of
// every step (gig_event), written as each step is taken.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "jobcenter/context.hpp"
#include "matching/model/codes.hpp"

namespace jobcenter::matching {

struct GigRecord {
    std::int64_t id = 0;
    std::string order_id;
    std::string client_id;
    std::string client_unit;
    std::string client_name;
    GigStatus status = GigStatus::proposed;
    std::optional<double> score;
    std::optional<std::string> support_person;
    std::optional<std::string> feedback;
    std::string created_at;
    std::string updated_at;
};

struct GigEvent {
    std::string at;
    std::string unit;
    std::string role;
    std::optional<GigStatus> from;
    GigStatus to = GigStatus::proposed;
    std::string reason;
};

// The gig, or NotFoundError "no gig N" (naming `where`) when it does not exist or its client is of a unit the
// caller may not see.
GigRecord visible_gig(Context& ctx, std::int64_t gig_id, std::string_view where);

// Writes one event: now, the caller's unit and role, from and to, and why.
void record_gig_event(Context& ctx, std::int64_t gig_id, std::optional<GigStatus> from, GigStatus to,
                      std::string_view reason);

// Moves the gig to `to` and records the event.
void move_gig(Context& ctx, const GigRecord& gig, GigStatus to, std::string_view reason);

// The gig's events, oldest first.
std::vector<GigEvent> gig_events(Database& db, std::int64_t gig_id);

// A stored status the schema admits; InternalError names the column otherwise.
GigStatus stored_gig_status(const std::string& text);

}  // namespace jobcenter::matching
