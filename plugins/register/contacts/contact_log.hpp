// The shared contact log: `register contact add|list`, and the warning that another unit contacted the
// same orderer recently (used by `register show` and `register check`).
#pragma once

#include <boost/json.hpp>
#include <string>

#include "jobcenter/context.hpp"

namespace jobcenter::register_plugin {

boost::json::value contact_add_command(Context& ctx, const boost::json::object& request);
boost::json::value contact_list_command(Context& ctx, const boost::json::object& request);

// A common table expression `family(id)`: the orderer bound to ?1 and every orderer merged into it,
// directly or through others; contacts logged on any of them belong to it.
inline constexpr const char* family_cte =
    "WITH RECURSIVE family(id) AS (SELECT ?1 UNION SELECT o.id FROM orderer o JOIN family f ON o.merged_into = f.id) ";

// The orderer a merged-away orderer now lives in (itself when not merged). NotFoundError if unknown.
std::int64_t current_orderer(Database& db, std::int64_t orderer_id);

// Contacts by units other than the caller's within the unit's recent_contact_days, newest first, as
// warnings ready to show: [{"unit", "staff", "date", "outcome", "message"}].
boost::json::array recent_contacts_by_others(Context& ctx, std::int64_t orderer_id);

// The same for many orderers in one call (the entry-time check's matches): the window is read from
// register.lua once.
class RecentContacts {
public:
    explicit RecentContacts(Context& ctx);
    boost::json::array by_others(std::int64_t orderer_id);

private:
    Context& ctx_;
    std::string since_;
};

}  // namespace jobcenter::register_plugin
