// Checks shared by the load file and the single-record commands: the client's unit and the caller's right
// to it, a client id not held by another unit, no personal identity code anywhere, and the orderer
// resolved through the register.
#pragma once

#include <boost/json.hpp>
#include <map>
#include <string>

#include "jobcenter/context.hpp"
#include "matching/interchange/order_json.hpp"
#include "matching/model/client.hpp"

namespace jobcenter::matching {

// Refuses (InputError naming the path) any string in `value` that holds a personal identity code.
void refuse_identity_codes(const boost::json::value& value, const std::string& path);

// The client's unit exists and the caller may write its clients; the id is not another unit's client.
void check_client_entry(Context& ctx, const Client& client, const std::map<std::string, Organisation>& organisations,
                        const std::string& path);

// Sets order.orderer_id and orderer_name from the register: an id must exist; a business ID and name must be
// "same orderer" for exactly one orderer in the register's entry-time check.
void resolve_orderer(Context& ctx, OrderInput& input);

}  // namespace jobcenter::matching
