// Which unit's staff may change which orderers: a merge, an unmerge or a review decision by staff is
// allowed only when every source record it touches is their own unit's; otherwise it needs a coordinator.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "jobcenter/context.hpp"

namespace jobcenter::register_plugin {

// Returns when the caller is a coordinator or above, or when every source record of `orderers` belongs to
// the caller's unit. Otherwise throws RefusedError (where: `command`) naming the orderers and the other
// units whose records they hold, and that a coordinator can do it.
void require_rights_over(Context& ctx, std::string_view command, const std::vector<std::int64_t>& orderers);

}  // namespace jobcenter::register_plugin
