// Reading and writing work orders, one column per field.
#include "matching/store/order_store.hpp"

#include <boost/json.hpp>

namespace jobcenter::matching {
namespace {

constexpr const char* order_columns =
    "id, orderer_id, orderer_name, task_type, min_level, description, postcode, start_at, minutes, repeat_every_days, "
    "repeat_until, seats, contract, early_education_months, support_person, status";

Order order_from_row(Statement& q) {
    Order o;
    o.id = q.get_text(0);
    o.orderer_id = q.get_int(1);
    o.orderer_name = q.get_text(2);
    o.task_type = q.get_text(3);
    if (auto level = q.get_optional_int(4)) o.min_level = static_cast<int>(*level);
    o.description = q.get_text(5);
    o.postcode = q.get_optional_text(6);
    o.start = parse_local_time(q.get_text_view(7)).value_or(0);
    o.minutes = static_cast<int>(q.get_int(8));
    if (auto every = q.get_optional_int(9)) o.repeat = Repeat{static_cast<int>(*every), parse_day(q.get_text_view(10)).value_or(0)};
    o.seats = static_cast<int>(q.get_int(11));
    o.contract = parse_code<Contract>(q.get_text_view(12)).value_or(Contract::commission);
    if (auto months = q.get_optional_int(13)) o.early_education_months = static_cast<int>(*months);
    o.support_person = q.get_optional_text(14);
    o.status = parse_code<OrderStatus>(q.get_text_view(15)).value_or(OrderStatus::open);
    return o;
}

}  // namespace

OrderWrite write_order(Database& db, const Order& o, const std::string& now_iso) {
    auto old = read_order(db, o.id);
    auto& upsert = db.cached(
        "INSERT INTO work_order(id, orderer_id, orderer_name, task_type, min_level, description, postcode, start_at, minutes, "
        "repeat_every_days, repeat_until, seats, contract, early_education_months, support_person, status, created_at, "
        "updated_at) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?17) ON CONFLICT(id) DO UPDATE SET "
        "orderer_id = ?2, orderer_name = ?3, task_type = ?4, min_level = ?5, description = ?6, postcode = ?7, start_at = ?8, "
        "minutes = ?9, repeat_every_days = ?10, repeat_until = ?11, seats = ?12, contract = ?13, "
        "early_education_months = ?14, support_person = ?15, status = ?16, updated_at = ?17");
    upsert.bind(1, o.id).bind(2, o.orderer_id).bind(3, o.orderer_name).bind(4, o.task_type).bind(5, o.min_level);
    upsert.bind(6, o.description).bind(7, o.postcode).bind(8, local_time_text(o.start)).bind(9, o.minutes);
    if (o.repeat) upsert.bind(10, o.repeat->every_days).bind(11, day_text(o.repeat->until));
    upsert.bind(12, o.seats).bind(13, code_of(o.contract)).bind(14, o.early_education_months).bind(15, o.support_person);
    upsert.bind(16, code_of(o.status)).bind(17, now_iso);
    upsert.run();
    if (!old) return {WriteOutcome::added, std::nullopt};
    const bool same = old->orderer_id == o.orderer_id && old->task_type == o.task_type && old->min_level == o.min_level &&
                      old->description == o.description && old->postcode == o.postcode && old->start == o.start &&
                      old->minutes == o.minutes && old->repeat.has_value() == o.repeat.has_value() &&
                      (!o.repeat || (old->repeat->every_days == o.repeat->every_days && old->repeat->until == o.repeat->until)) &&
                      old->seats == o.seats && old->contract == o.contract &&
                      old->early_education_months == o.early_education_months && old->support_person == o.support_person &&
                      old->status == o.status;
    return {same ? WriteOutcome::unchanged : WriteOutcome::updated, old->status};
}

std::optional<Order> read_order(Database& db, const std::string& id) {
    auto q = db.prepare(std::string("SELECT ") + order_columns + " FROM work_order WHERE id = ?");
    q.bind(1, id);
    if (!q.step()) return std::nullopt;
    return order_from_row(q);
}

std::vector<Order> read_orders(Database& db, std::optional<OrderStatus> status, std::optional<Day> from, std::optional<Day> to) {
    auto q = db.prepare(std::string("SELECT ") + order_columns +
                        " FROM work_order WHERE (?1 IS NULL OR status = ?1) AND (?2 IS NULL OR start_at >= ?2) "
                        "AND (?3 IS NULL OR start_at < ?3) ORDER BY id");
    if (status) q.bind(1, code_of(*status));
    if (from) q.bind(2, day_text(*from));
    if (to) q.bind(3, day_text(*to + 1));
    std::vector<Order> orders;
    while (q.step()) orders.push_back(order_from_row(q));
    return orders;
}

std::vector<Order> read_orders_by_id(Database& db, const std::vector<std::string>& ids) {
    boost::json::array list;
    for (const auto& id : ids) list.emplace_back(id);
    auto q = db.prepare(std::string("SELECT ") + order_columns +
                        " FROM work_order WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id");
    q.bind(1, boost::json::serialize(list));
    std::vector<Order> orders;
    while (q.step()) orders.push_back(order_from_row(q));
    return orders;
}

void set_order_status(Database& db, const std::string& id, OrderStatus status, const std::optional<std::string>& reason,
                      const std::string& now_iso) {
    db.cached("UPDATE work_order SET status = ?, cancel_reason = ?, updated_at = ? WHERE id = ?")
        .bind_all(code_of(status), reason, now_iso, id)
        .run();
}

}  // namespace jobcenter::matching
