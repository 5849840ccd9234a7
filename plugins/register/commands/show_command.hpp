// `register show ORDERER`: the golden record, the source records it is built from, its siblings under
// the same organisation, its contact persons and contacts, and a warning about other units' recent contacts.
#pragma once

#include <boost/json.hpp>

#include "jobcenter/context.hpp"

namespace jobcenter::register_plugin {

boost::json::value show_command(Context& ctx, const boost::json::object& request);

}  // namespace jobcenter::register_plugin
