// Reading the approved gigs' occurrences for payroll, one query per table (the period's occurrences, their gigs,
// clients and orders) joined in memory; each client read is audited once.
#include "matching/earnings/worked_gigs.hpp"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "jobcenter/params.hpp"
#include "matching/gigs/gig_hours.hpp"
#include "matching/interchange/order_json.hpp"
#include "matching/store/client_access.hpp"
#include "matching/store/order_store.hpp"

namespace jobcenter::matching {
namespace json = boost::json;
namespace {

struct WorkedPeriod {
    std::string from;
    std::string to;
};

WorkedPeriod worked_period_of(const json::object& request) {
    const auto from = params::optional_date(request, "from");
    const auto to = params::optional_date(request, "to");
    if (!from) throw UsageError("give the first day of the period: --from YYYY-MM-DD", "--from");
    if (!to) throw UsageError("give the last day of the period: --to YYYY-MM-DD", "--to");
    if (*to < *from) throw InputError(*to + " is before --from " + *from, "--to");
    return {*from, *to};
}

struct HoursRow {
    std::int64_t gig = 0;
    std::string date;
    std::int64_t minutes = 0;
    bool corrected = false;
};

// The recorded occurrences dated in the period, and those before it whose hours were corrected, by date and gig.
std::vector<HoursRow> read_hours(Database& db, const WorkedPeriod& period) {
    auto q = db.prepare(
        "SELECT gig_id, on_date, minutes, 1 FROM gig_hours WHERE corrected_at IS NOT NULL AND on_date < ?1 UNION ALL "
        "SELECT gig_id, on_date, minutes, corrected_at IS NOT NULL FROM gig_hours WHERE on_date BETWEEN ?1 AND ?2 "
        "ORDER BY 2, 1");
    q.bind_all(period.from, period.to);
    std::vector<HoursRow> rows;
    while (q.step()) rows.push_back({q.get_int(0), q.get_text(1), q.get_int(2), q.get_int(3) != 0});
    return rows;
}

template <class T>
std::vector<T> sorted_unique(std::vector<T> values) {
    std::sort(values.begin(), values.end());
    values.erase(std::unique(values.begin(), values.end()), values.end());
    return values;
}

template <class Ids>
std::string json_list(const Ids& ids) {
    json::array list;
    list.reserve(ids.size());
    for (const auto& id : ids) list.emplace_back(id);
    return json::serialize(list);
}

struct GigRow {
    std::string order;
    std::string client;
};

// The approved gigs among those of the rows.
std::unordered_map<std::int64_t, GigRow> approved_gigs(Database& db, const std::vector<HoursRow>& rows) {
    std::vector<std::int64_t> ids;
    for (const auto& r : rows) ids.push_back(r.gig);
    auto q = db.prepare(
        "SELECT id, order_id, client_id FROM gig WHERE status = 'approved' AND id IN (SELECT value FROM json_each(?))");
    q.bind(1, json_list(sorted_unique(std::move(ids))));
    std::unordered_map<std::int64_t, GigRow> gigs;
    while (q.step()) gigs.emplace(q.get_int(0), GigRow{q.get_text(1), q.get_text(2)});
    return gigs;
}

struct ClientRow {
    std::string name;
    std::string unit;
    json::array benefits;
};

json::array benefits_of(const std::optional<std::string>& stored) {
    if (!stored) return {};
    json::error_code ec;
    auto parsed = json::parse(*stored, ec);
    return !ec && parsed.is_array() ? parsed.as_array() : json::array{};
}

// The gigs' clients of `unit` ('' for every unit).
std::map<std::string, ClientRow> clients_of(Database& db, const std::unordered_map<std::int64_t, GigRow>& gigs,
                                            const std::string& unit) {
    std::vector<std::string> ids;
    for (const auto& [_, g] : gigs) ids.push_back(g.client);
    auto q = db.prepare(
        "SELECT id, name, unit, json_extract(profile, '$.benefits') FROM client "
        "WHERE id IN (SELECT value FROM json_each(?1)) AND (?2 = '' OR unit = ?2)");
    q.bind(1, json_list(sorted_unique(std::move(ids)))).bind(2, unit);
    std::map<std::string, ClientRow> clients;
    while (q.step()) clients.emplace(q.get_text(0), ClientRow{q.get_text(1), q.get_text(2), benefits_of(q.get_optional_text(3))});
    return clients;
}

// What the period's answer is made of: the occurrences of approved gigs whose clients the caller sees.
struct Worked {
    std::vector<HoursRow> hours;
    std::unordered_map<std::int64_t, GigRow> gigs;
    std::map<std::string, ClientRow> clients;
    std::map<std::string, Order> orders;
};

Worked read_worked(Database& db, const WorkedPeriod& period, const std::string& unit) {
    Worked w;
    w.hours = read_hours(db, period);
    w.gigs = approved_gigs(db, w.hours);
    w.clients = clients_of(db, w.gigs, unit);
    std::vector<std::string> order_ids;
    for (const auto& [_, g] : w.gigs)
        if (w.clients.count(g.client)) order_ids.push_back(g.order);
    for (auto& o : read_orders_by_id(db, sorted_unique(std::move(order_ids)))) w.orders.emplace(o.id, std::move(o));
    return w;
}

json::array occurrences_json(const Worked& w) {
    json::array out;
    out.reserve(w.hours.size());
    for (const auto& h : w.hours) {
        auto gig = w.gigs.find(h.gig);
        if (gig == w.gigs.end()) continue;
        auto client = w.clients.find(gig->second.client);
        auto order = w.orders.find(gig->second.order);
        if (client == w.clients.end() || order == w.orders.end()) continue;
        out.push_back(json::object{{"gig", h.gig},
                                   {"date", h.date},
                                   {"minutes", h.minutes},
                                   {"order", gig->second.order},
                                   {"client", gig->second.client},
                                   {"unit", client->second.unit},
                                   {"orderer_id", order->second.orderer_id},
                                   {"task_type", order->second.task_type},
                                   {"contract", code_of(order->second.contract)},
                                   {"corrected", h.corrected}});
    }
    return out;
}

// Each order as `order show` gives it, with its planned occurrences counted and the hours of all its seats.
json::object orders_json(const Worked& w) {
    json::object out;
    for (const auto& [id, order] : w.orders) {
        json::object view = order_to_json(order);
        const auto occurrences = static_cast<std::int64_t>(order.occurrences().size());
        view["occurrences"] = occurrences;
        view["hours_total"] = hours_text(static_cast<std::int64_t>(order.minutes) * order.seats * occurrences);
        out[id] = std::move(view);
    }
    return out;
}

// Each client's name, unit and benefit codes; each client read is audited once.
json::object clients_json(Context& ctx, const Worked& w, const WorkedPeriod& period) {
    const std::string detail = "approved hours " + period.from + ".." + period.to;
    json::object out;
    for (const auto& [id, c] : w.clients) {
        out[id] = json::object{{"name", c.name}, {"unit", c.unit}, {"benefits", c.benefits}};
        ctx.audit("matching.payroll-read", "client", id, detail);
    }
    return out;
}

}  // namespace

json::value gig_worked_command(Context& ctx, const json::object& request) {
    const WorkedPeriod period = worked_period_of(request);
    const Worked worked = read_worked(ctx.db(), period, visible_unit(ctx));
    json::object result{{"from", period.from}, {"to", period.to}};
    result["occurrences"] = occurrences_json(worked);  // assigned, not in the initializer list, which would copy it
    result["orders"] = orders_json(worked);
    result["clients"] = clients_json(ctx, worked, period);
    return result;
}

}  // namespace jobcenter::matching
