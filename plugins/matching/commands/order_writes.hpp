// Writing an order from a file or a request, with what a change of status brings: an order that becomes
// cancelled cancels the gigs on it that can still be cancelled, as `matching order cancel` does.
#pragma once

#include <string>

#include "jobcenter/context.hpp"
#include "matching/model/order.hpp"
#include "matching/store/client_store.hpp"

namespace jobcenter::matching {

WriteOutcome write_order_with_gigs(Context& ctx, const Order& order, const std::string& source);

}  // namespace jobcenter::matching
