// Reading the approved gigs' occurrences for payroll: one query per table (occurrences joined with their gigs,
// orders, clients), each client read audited once.
#include "matching/earnings/worked_gigs.hpp"

#include <map>
#include <set>

#include "jobcenter/params.hpp"
#include "matching/gigs/gig_hours.hpp"
#include "matching/interchange/order_json.hpp"
#include "matching/store/client_access.hpp"
#include "matching/store/order_store.hpp"

namespace jobcenter::matching {
namespace json = boost::json;
namespace {

struct Period {
    std::string from;
    std::string to;
};

Period period_of(const json::object& request) {
    const auto from = params::optional_date(request, "from");
    const auto to = params::optional_date(request, "to");
    if (!from) throw UsageError("give the first day of the period: --from YYYY-MM-DD", "--from");
    if (!to) throw UsageError("give the last day of the period: --to YYYY-MM-DD", "--to");
    if (*to < *from) throw InputError(*to + " is before --from " + *from, "--to");
    return {*from, *to};
}

// The occurrences, sorted by date and gig, and the orders and clients they name.
struct WorkedOccurrences {
    json::array rows;
    std::set<std::string> orders;
    std::set<std::string> clients;
};

WorkedOccurrences read_occurrences(Database& db, const Period& period, const std::string& unit) {
    auto q = db.prepare(
        "SELECT h.gig_id, h.on_date, h.minutes, h.corrected_at IS NOT NULL, g.order_id, g.client_id, c.unit, o.orderer_id, "
        "o.task_type, o.contract FROM gig_hours h JOIN gig g ON g.id = h.gig_id JOIN work_order o ON o.id = g.order_id "
        "JOIN client c ON c.id = g.client_id WHERE g.status = 'approved' AND (?3 = '' OR c.unit = ?3) "
        "AND (h.on_date BETWEEN ?1 AND ?2 OR (h.on_date < ?1 AND h.corrected_at IS NOT NULL)) ORDER BY h.on_date, h.gig_id");
    q.bind_all(period.from, period.to, unit);
    WorkedOccurrences out;
    while (q.step()) {
        std::string order = q.get_text(4), client = q.get_text(5);
        out.orders.insert(order);
        out.clients.insert(client);
        out.rows.push_back(json::object{{"gig", q.get_int(0)},
                                        {"date", q.get_text_view(1)},
                                        {"minutes", q.get_int(2)},
                                        {"order", order},
                                        {"client", client},
                                        {"unit", q.get_text_view(6)},
                                        {"orderer_id", q.get_int(7)},
                                        {"task_type", q.get_text_view(8)},
                                        {"contract", q.get_text_view(9)},
                                        {"corrected", q.get_int(3) != 0}});
    }
    return out;
}

std::vector<std::string> list_of(const std::set<std::string>& ids) { return {ids.begin(), ids.end()}; }

// Each order as `order show` gives it, with its planned occurrences counted and the hours of all its seats.
json::object orders_json(Database& db, const std::set<std::string>& ids) {
    json::object out;
    for (const auto& order : read_orders_by_id(db, list_of(ids))) {
        json::object view = order_to_json(order);
        const auto occurrences = static_cast<std::int64_t>(order.occurrences().size());
        view["occurrences"] = occurrences;
        view["hours_total"] = hours_text(static_cast<std::int64_t>(order.minutes) * order.seats * occurrences);
        out[order.id] = std::move(view);
    }
    return out;
}

json::array benefits_of(const std::optional<std::string>& stored) {
    if (!stored) return {};
    json::error_code ec;
    auto parsed = json::parse(*stored, ec);
    return !ec && parsed.is_array() ? parsed.as_array() : json::array{};
}

// Each client's name, unit and benefit codes; each client read is audited once.
json::object clients_json(Context& ctx, const std::set<std::string>& ids, const Period& period) {
    json::array list;
    for (const auto& id : ids) list.emplace_back(id);
    auto q = ctx.db().prepare(
        "SELECT id, name, unit, json_extract(profile, '$.benefits') FROM client WHERE id IN (SELECT value FROM json_each(?)) "
        "ORDER BY id");
    q.bind(1, json::serialize(list));
    json::object out;
    const std::string detail = "approved hours " + period.from + ".." + period.to;
    while (q.step()) {
        const std::string id = q.get_text(0);
        out[id] = json::object{{"name", q.get_text_view(1)}, {"unit", q.get_text_view(2)}, {"benefits", benefits_of(q.get_optional_text(3))}};
        ctx.audit("matching.payroll-read", "client", id, detail);
    }
    return out;
}

}  // namespace

json::value gig_worked_command(Context& ctx, const json::object& request) {
    const Period period = period_of(request);
    WorkedOccurrences worked = read_occurrences(ctx.db(), period, visible_unit(ctx));
    json::object orders = orders_json(ctx.db(), worked.orders);
    json::object clients = clients_json(ctx, worked.clients, period);
    return json::object{{"from", period.from},
                        {"to", period.to},
                        {"occurrences", std::move(worked.rows)},
                        {"orders", std::move(orders)},
                        {"clients", std::move(clients)}};
}

}  // namespace jobcenter::matching
