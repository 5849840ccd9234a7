// A work order in the interchange file's JSON form, both ways. The orderer is a register id or a
// business ID and name that the load resolves through the register's entry-time check.
#pragma once

#include <boost/json.hpp>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <variant>

#include "matching/model/order.hpp"

namespace jobcenter::matching {

// The orderer as the file names it, before the register resolves it.
struct OrdererByDetails {
    std::optional<std::string> business_id;
    std::string name;
};
using OrdererRef = std::variant<std::int64_t, OrdererByDetails>;

struct OrderInput {
    Order order;         // orderer_id and orderer_name unset until resolved
    OrdererRef orderer;
    std::string path;    // "orders[3]", for errors found later
};

OrderInput order_from_json(const boost::json::value& value, const std::string& path, const std::set<std::string>& task_types);
boost::json::object order_to_json(const Order& order);

}  // namespace jobcenter::matching
