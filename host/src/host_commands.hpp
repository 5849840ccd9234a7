// The host's built-in command groups (unit, script, db, audit) and the data behind `jobcenter plugins`.
#pragma once

#include <boost/json.hpp>

#include "router.hpp"

namespace jobcenter {

// Registers the built-in groups on the router: unit add|list, script check, db status, audit list.
void add_host_commands(CommandRouter& router);

// Name, version, file and commands of every loaded plugin, and every refused file with its reason.
boost::json::object describe_plugins(const CommandRouter& router);

}  // namespace jobcenter
