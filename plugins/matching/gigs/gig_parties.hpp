// The client and the order a gig names, read as the gig steps need them: the client's unit and name (for unit
// scoping and the CV), and the order (store/order_store) or a not-found error naming where it was asked for.
// Every client read checks the caller may see the client's unit (store/client_access).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "jobcenter/context.hpp"
#include "matching/model/order.hpp"

namespace jobcenter::matching {

struct GigClient {
    std::string id;
    std::string unit;
    std::string name;
};

// The client, or NotFoundError "no client 'ID'" (naming `where`) when it does not exist or the caller may not
// see its unit: another unit's client cannot be told apart from one that does not exist.
GigClient visible_client(Context& ctx, const std::string& client_id, std::string_view where);

// The order, or NotFoundError "no order 'ID'" naming `where`.
Order existing_order(Database& db, const std::string& order_id, std::string_view where);

}  // namespace jobcenter::matching
