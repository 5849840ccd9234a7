// Adding, updating, showing and listing single clients and orders.
#include "matching/commands/record_commands.hpp"

#include "jobcenter/params.hpp"
#include "matching/commands/entry_checks.hpp"
#include "matching/commands/matching_data.hpp"
#include "matching/commands/order_writes.hpp"
#include "matching/gigs/gig_steps.hpp"
#include "matching/interchange/client_json.hpp"
#include "matching/store/client_access.hpp"
#include "matching/store/client_store.hpp"
#include "matching/store/order_store.hpp"

namespace jobcenter::matching {
namespace json = boost::json;
namespace {

enum class Presence { must_be_new, must_exist };

json::value write_client_command(Context& ctx, const json::object& request, Presence presence) {
    refuse_identity_codes(request, "");
    const auto task_types = task_type_codes(ctx.db());
    Client c = client_from_json(request, "", task_types);
    const auto held_by = client_unit(ctx.db(), c.id);
    if (presence == Presence::must_be_new && held_by && may_see_unit(ctx, *held_by))
        throw RefusedError("client '" + c.id + "' exists already: use `matching client update`", "id");
    if (presence == Presence::must_exist && (!held_by || !may_see_unit(ctx, *held_by)))
        throw NotFoundError("no client '" + c.id + "'", "id");
    check_client_entry(ctx, c, unit_organisations(ctx.db()), "");
    const auto outcome = write_client(ctx.db(), c, ctx.clock().now_iso());
    ctx.audit(presence == Presence::must_be_new ? "matching.client-add" : "matching.client-update", "client", c.id);
    return json::object{{"client", c.id}, {"unit", c.unit},
                        {"result", outcome == WriteOutcome::added ? "added" : outcome == WriteOutcome::updated ? "updated" : "unchanged"}};
}

json::value write_order_command(Context& ctx, const json::object& request, Presence presence) {
    refuse_identity_codes(request, "");
    OrderInput in = order_from_json(request, "", task_type_codes(ctx.db()));
    const bool exists = read_order(ctx.db(), in.order.id).has_value();
    if (presence == Presence::must_be_new && exists)
        throw RefusedError("order '" + in.order.id + "' exists already: use `matching order update`", "id");
    if (presence == Presence::must_exist && !exists) throw NotFoundError("no order '" + in.order.id + "'", "id");
    resolve_orderer(ctx, in);
    const auto outcome = write_order_with_gigs(ctx, in.order, presence == Presence::must_be_new ? "order add" : "order update");
    return json::object{{"order", in.order.id}, {"orderer", in.order.orderer_id}, {"orderer_name", in.order.orderer_name},
                        {"result", outcome == WriteOutcome::added ? "added" : outcome == WriteOutcome::updated ? "updated" : "unchanged"}};
}

}  // namespace

json::value client_add_command(Context& ctx, const json::object& request) { return write_client_command(ctx, request, Presence::must_be_new); }
json::value client_update_command(Context& ctx, const json::object& request) { return write_client_command(ctx, request, Presence::must_exist); }

json::value client_show_command(Context& ctx, const json::object& request) {
    const auto id = params::required_string(request, "id");
    const auto unit = client_unit(ctx.db(), id);
    if (!unit) throw NotFoundError("no client '" + id + "'", "CLIENT");
    require_client_access(ctx, id, *unit);
    auto client = read_client(ctx.db(), id, task_type_codes(ctx.db()));
    ctx.audit("matching.client-show", "client", id);
    return client_to_json(*client);
}

json::value client_list_command(Context& ctx, const json::object& request) {
    const auto unit = visible_unit(ctx);
    const auto limit = params::optional_integer(request, "limit").value_or(1000);
    if (limit < 1 || limit > 100000) throw InputError("the limit must be between 1 and 100000", "--limit");
    auto q = ctx.db().prepare(
        "SELECT id, unit, name, wants_paid_work, approved_by IS NOT NULL, consent_y100 IS NOT NULL, weekly_minutes_max, "
        "(SELECT group_concat(task_type || ':' || level, ' ') FROM (SELECT task_type, level FROM client_skill s "
        "WHERE s.client_id = client.id ORDER BY task_type)) FROM client WHERE ?1 = '' OR unit = ?1 ORDER BY id LIMIT ?2");
    q.bind(1, unit).bind(2, limit);
    json::array rows;
    while (q.step())
        rows.push_back(json::object{{"id", q.get_text(0)}, {"unit", q.get_text(1)}, {"name", q.get_text(2)},
                                    {"wants_paid_work", q.get_int(3) != 0}, {"approved", q.get_int(4) != 0},
                                    {"consent_y100", q.get_int(5) != 0}, {"weekly_hours_max", hours_json(static_cast<int>(q.get_int(6)))},
                                    {"skills", q.get_optional_text(7).value_or("")}});
    ctx.audit("matching.client-list", "clients", unit.empty() ? "*" : unit, std::to_string(rows.size()) + " clients");
    return json::object{{"count", rows.size()}, {"rows", std::move(rows)}};
}

json::value order_add_command(Context& ctx, const json::object& request) { return write_order_command(ctx, request, Presence::must_be_new); }
json::value order_update_command(Context& ctx, const json::object& request) { return write_order_command(ctx, request, Presence::must_exist); }

json::value order_show_command(Context& ctx, const json::object& request) {
    const auto id = params::required_string(request, "id");
    auto order = read_order(ctx.db(), id);
    if (!order) throw NotFoundError("no order '" + id + "'", "ORDER");
    json::object out = order_to_json(*order);
    json::array occurrences;
    for (const auto& occ : order->occurrences()) occurrences.push_back(json::value(local_time_text(occ.start)));
    out["occurrences"] = std::move(occurrences);
    return out;
}

json::value order_list_command(Context& ctx, const json::object& request) {
    std::optional<OrderStatus> status;
    if (auto text = params::optional_string(request, "status")) {
        status = parse_code<OrderStatus>(*text);
        if (!status) throw InputError("unknown status '" + *text + "': use " + codes_of<OrderStatus>(), "--status");
    }
    std::optional<Day> from, to;
    if (auto f = params::optional_date(request, "from")) from = parse_day(*f);
    if (auto t = params::optional_date(request, "to")) to = parse_day(*t);
    json::array rows;
    for (const auto& o : read_orders(ctx.db(), status, from, to))
        rows.push_back(json::object{{"id", o.id}, {"orderer", o.orderer_id}, {"orderer_name", o.orderer_name},
                                    {"task_type", o.task_type}, {"start", local_time_text(o.start)},
                                    {"hours", hours_json(o.minutes)}, {"seats", o.seats}, {"contract", code_of(o.contract)},
                                    {"repeat", o.repeat ? "every " + std::to_string(o.repeat->every_days) + " days until " + day_text(o.repeat->until) : ""},
                                    {"status", code_of(o.status)}});
    return json::object{{"count", rows.size()}, {"rows", std::move(rows)}};
}

json::value order_cancel_command(Context& ctx, const json::object& request) {
    const auto id = params::required_string(request, "id");
    const auto reason = params::required_string(request, "reason");
    auto order = read_order(ctx.db(), id);
    if (!order) throw NotFoundError("no order '" + id + "'", "ORDER");
    if (order->status != OrderStatus::open)
        throw RefusedError("order " + id + " is " + std::string(code_of(order->status)) + ": only an open order can be cancelled", "ORDER");
    set_order_status(ctx.db(), id, OrderStatus::cancelled, reason, ctx.clock().now_iso());
    const int gigs = cancel_gigs_of_order(ctx, id, "order cancelled: " + reason);
    return json::object{{"order", id}, {"status", "cancelled"}, {"reason", reason}, {"gigs_cancelled", gigs}};
}

}  // namespace jobcenter::matching
