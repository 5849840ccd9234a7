// Refusing a command's request when any of its texts holds a personal identity code, before the command
// runs: the router checks every request, so every plugin's commands get the rule without code of their own.
#pragma once

#include <boost/json.hpp>

#include "jobcenter/plugin.hpp"

namespace jobcenter {

// Throws InputError naming the flag or field (never the code) when a string anywhere in `request` (a
// value, a list item, a nested object's value or field name) holds a personal identity code.
void refuse_identity_codes(const Command& command, const boost::json::object& request);

}  // namespace jobcenter
