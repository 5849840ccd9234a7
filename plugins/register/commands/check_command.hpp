// `register check`: before a CRM creates an employer, the likely existing orderers with scores and the
// reasons, found through indexed lookups (business ID, phone, email, street, name words), not a scan.
#pragma once

#include <boost/json.hpp>

#include "jobcenter/context.hpp"

namespace jobcenter::register_plugin {

boost::json::value check_command(Context& ctx, const boost::json::object& request);

}  // namespace jobcenter::register_plugin
