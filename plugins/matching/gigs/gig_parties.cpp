// Reading a gig's client (scoped to the caller's unit) and its order (with its schedule) from the database.
#include "matching/gigs/gig_parties.hpp"

#include "matching/store/client_access.hpp"

namespace jobcenter::matching {
namespace {

// A stored code the schema's CHECK admits, as its enum; a value outside it means a damaged database.
template <class Enum>
Enum stored_code(const std::string& text, std::string_view column) {
    auto value = parse_code<Enum>(text);
    if (!value) throw InternalError("the database holds '" + text + "' in " + std::string(column));
    return *value;
}

Order order_from_row(const Statement& row) {
    Order order;
    order.id = row.get_text(0);
    order.orderer_id = row.get_int(1);
    order.orderer_name = row.get_text(2);
    order.task_type = row.get_text(3);
    order.description = row.get_text(4);
    order.postcode = row.get_optional_text(5);
    const std::string start = row.get_text(6);
    auto start_at = parse_local_time(start);
    if (!start_at) throw InternalError("the database holds '" + start + "' in work_order.start_at");
    order.start = *start_at;
    order.minutes = static_cast<int>(row.get_int(7));
    if (auto every = row.get_optional_int(8)) {
        auto until = parse_day(row.get_text(9));
        if (!until) throw InternalError("the database holds '" + row.get_text(9) + "' in work_order.repeat_until");
        order.repeat = Repeat{static_cast<int>(*every), *until};
    }
    order.seats = static_cast<int>(row.get_int(10));
    order.contract = stored_code<Contract>(row.get_text(11), "work_order.contract");
    order.support_person = row.get_optional_text(12);
    order.status = stored_code<OrderStatus>(row.get_text(13), "work_order.status");
    if (auto level = row.get_optional_int(14)) order.min_level = static_cast<int>(*level);
    if (auto months = row.get_optional_int(15)) order.early_education_months = static_cast<int>(*months);
    return order;
}

}  // namespace

GigClient visible_client(Context& ctx, const std::string& client_id, std::string_view where) {
    auto& query = ctx.db().cached("SELECT id, unit, name FROM client WHERE id = ?");
    query.bind(1, client_id);
    std::optional<GigClient> client;
    if (query.step()) client = GigClient{query.get_text(0), query.get_text(1), query.get_text(2)};
    query.reset();
    if (!client || !may_see_unit(ctx, client->unit)) throw NotFoundError("no client '" + client_id + "'", std::string(where));
    return *client;
}

std::optional<Order> read_order(Database& db, const std::string& order_id) {
    auto& query = db.cached(
        "SELECT id, orderer_id, orderer_name, task_type, description, postcode, start_at, minutes, repeat_every_days, "
        "repeat_until, seats, contract, support_person, status, min_level, early_education_months "
        "FROM work_order WHERE id = ?");
    query.bind(1, order_id);
    std::optional<Order> order;
    if (query.step()) order = order_from_row(query);
    query.reset();
    return order;
}

Order existing_order(Database& db, const std::string& order_id, std::string_view where) {
    auto order = read_order(db, order_id);
    if (!order) throw NotFoundError("no order '" + order_id + "'", std::string(where));
    return *order;
}

}  // namespace jobcenter::matching
