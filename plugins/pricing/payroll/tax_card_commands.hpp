// `pricing tax-card set CLIENT PERCENT --from D [--to D]` and `pricing tax-card show CLIENT`: the withholding
// percent on a client's tax card, dated. Staff of the client's unit or a coordinator (the matching plugin's
// client-show decides who may see the client); every read and change is audited.
#pragma once

#include <boost/json.hpp>

#include "jobcenter/context.hpp"

namespace jobcenter::pricing {

boost::json::value tax_card_set_command(Context& ctx, const boost::json::object& request);
boost::json::value tax_card_show_command(Context& ctx, const boost::json::object& request);

}  // namespace jobcenter::pricing
