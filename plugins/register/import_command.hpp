// `register import`: a unit's CSV register read, checked row by row, normalised and stored as source
// records (all or nothing, or skipping bad rows; a dry run writes nothing; re-imports update in place).
#pragma once

#include <boost/json.hpp>
#include <optional>
#include <string>

#include "jobcenter/context.hpp"

namespace jobcenter::register_plugin {

struct NormalizedPhone;

// The phone as a matching key: E.164 when valid; a local number without its area code ("~3865286") is
// still evidence between records written the same way.
std::optional<std::string> phone_key(const NormalizedPhone& phone);

boost::json::value import_command(Context& ctx, const boost::json::object& request);

}  // namespace jobcenter::register_plugin
