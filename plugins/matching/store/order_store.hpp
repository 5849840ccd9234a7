// Work orders in the database: writing one (added or updated in place), reading one, and the open orders
// whose first occurrence falls in a period.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "jobcenter/database.hpp"
#include "matching/model/order.hpp"
#include "matching/store/client_store.hpp"

namespace jobcenter::matching {

// What writing an order did, and the status it had before (none when it is new).
struct OrderWrite {
    WriteOutcome outcome = WriteOutcome::added;
    std::optional<OrderStatus> status_before;
};

OrderWrite write_order(Database& db, const Order& order, const std::string& now_iso);
std::optional<Order> read_order(Database& db, const std::string& id);
// Orders with `status`, starting in [from, to] (days, inclusive), in id order.
std::vector<Order> read_orders(Database& db, std::optional<OrderStatus> status, std::optional<Day> from, std::optional<Day> to);
// The orders of `ids` that exist, in id order (one query).
std::vector<Order> read_orders_by_id(Database& db, const std::vector<std::string>& ids);
void set_order_status(Database& db, const std::string& id, OrderStatus status, const std::optional<std::string>& reason,
                      const std::string& now_iso);

}  // namespace jobcenter::matching
