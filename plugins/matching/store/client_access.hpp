// Who may see and change a worker-client: the staff of the client's own unit, and coordinators and
// administrators across units. Every read and change is written to the audit trail by the caller.
#pragma once

#include <string>
#include <string_view>

#include "jobcenter/context.hpp"

namespace jobcenter::matching {

// True when the caller may see the clients of `client_unit`.
bool may_see_unit(const Context& ctx, std::string_view client_unit);

// Throws NotFoundError "no client 'ID'" when the caller may not see the client, so that a client of
// another unit cannot be told apart from one that does not exist.
void require_client_access(const Context& ctx, std::string_view client_id, std::string_view client_unit);

// The unit whose clients the caller sees: its own for staff and viewers (which must give --unit),
// empty (every unit) for coordinators and administrators without --unit.
std::string visible_unit(const Context& ctx);

}  // namespace jobcenter::matching
