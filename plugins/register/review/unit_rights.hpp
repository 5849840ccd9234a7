// Which unit's staff may read whose source records, and change which orderers: a merge, an unmerge or a review decision by staff is
// allowed only when every source record it touches is their own unit's; otherwise it needs a coordinator.
#pragma once

#include <boost/json.hpp>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "jobcenter/context.hpp"

namespace jobcenter::register_plugin {

// Returns when the caller is a coordinator or above, or when every source record of `orderers` belongs to
// the caller's unit. Otherwise throws RefusedError (where: `command`) naming the orderers and the other
// units whose records they hold, and that a coordinator can do it.
void require_rights_over(Context& ctx, std::string_view command, const std::vector<std::int64_t>& orderers);

// A unit's source records are its own: staff and viewers acting for a unit read only their unit's; a
// coordinator or admin, or the command line without --unit, reads every unit's.
bool may_read_sources_of(const Context& ctx, const std::string& unit);

// Replaces, anywhere in `shown` under a key "sources", each record of a unit the caller may not read by
// {"unit", "withheld"}: the golden record and the provenance stay, another unit's raw record does not.
void withhold_other_units_sources(const Context& ctx, boost::json::value& shown);

}  // namespace jobcenter::register_plugin
