// The register's orderer commands: add, get, list.
#pragma once

#include <boost/json.hpp>

#include "jobcenter/context.hpp"

namespace jobcenter::register_plugin {

boost::json::value add_orderer(Context& ctx, const boost::json::object& request);
boost::json::value get_orderer(Context& ctx, const boost::json::object& request);
boost::json::value list_orderers(Context& ctx, const boost::json::object& request);

}  // namespace jobcenter::register_plugin
