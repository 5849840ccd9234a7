// Listing gigs by order, client and status, and one gig whole, with the audit of each client read.
#include "matching/gigs/gig_view_commands.hpp"

#include <map>

#include "jobcenter/params.hpp"
#include "matching/gigs/gig_hours.hpp"
#include "matching/gigs/gig_parties.hpp"
#include "matching/gigs/gig_record.hpp"
#include "matching/store/client_access.hpp"

namespace jobcenter::matching {
namespace json = boost::json;
namespace {

constexpr std::int64_t default_list_limit = 100;
constexpr std::int64_t most_listed = 10000;

struct ListFilter {
    std::optional<std::string> order;
    std::optional<std::string> client;
    std::optional<std::string> status;
    std::string unit;  // empty: every unit the caller sees
    std::int64_t limit = default_list_limit;
};

ListFilter list_filter(Context& ctx, const json::object& request) {
    ListFilter filter;
    filter.unit = visible_unit(ctx);
    filter.order = params::optional_string(request, "order");
    if (filter.order) existing_order(ctx.db(), *filter.order, "--order");
    filter.client = params::optional_string(request, "client");
    if (filter.client) visible_client(ctx, *filter.client, "--client");
    filter.status = params::optional_string(request, "status");
    if (filter.status && !parse_code<GigStatus>(*filter.status))
        throw InputError("unknown status '" + *filter.status + "': use one of " + codes_of<GigStatus>(), "--status");
    filter.limit = params::optional_integer(request, "limit").value_or(default_list_limit);
    if (filter.limit < 1 || filter.limit > most_listed)
        throw InputError("the limit must be from 1 to " + std::to_string(most_listed), "--limit");
    return filter;
}

json::value optional_value(const std::optional<std::string>& text) {
    return text ? json::value(*text) : json::value(nullptr);
}

json::object order_view(const Order& order) {
    json::object view{{"id", order.id},
                      {"orderer", order.orderer_name},
                      {"orderer_id", order.orderer_id},
                      {"task_type", order.task_type},
                      {"description", order.description},
                      {"start", local_time_text(order.start)},
                      {"hours", hours_text(order.minutes)}};
    view["repeat"] = order.repeat ? json::value("every " + std::to_string(order.repeat->every_days) + " days until " +
                                                day_text(order.repeat->until))
                                  : json::value(nullptr);
    view["seats"] = order.seats;
    view["contract"] = code_of(order.contract);
    view["status"] = code_of(order.status);
    return view;
}

json::array events_view(Database& db, std::int64_t gig_id) {
    json::array events;
    for (const auto& e : gig_events(db, gig_id))
        events.push_back(json::object{{"at", e.at},
                                      {"unit", e.unit},
                                      {"role", e.role},
                                      {"from", e.from ? json::value(code_of(*e.from)) : json::value(nullptr)},
                                      {"to", code_of(e.to)},
                                      {"reason", e.reason}});
    return events;
}

}  // namespace

void add_hours_view(json::object& view, Database& db, std::int64_t gig_id) {
    const auto worked = read_gig_hours(db, gig_id);
    json::array hours;
    for (const auto& h : worked) hours.push_back(json::object{{"date", day_text(h.day)}, {"hours", hours_text(h.minutes)}});
    view["total_hours"] = hours_text(total_minutes(worked));
    view["hours"] = std::move(hours);
}

json::value gig_list_command(Context& ctx, const json::object& request) {
    const ListFilter filter = list_filter(ctx, request);
    auto query = ctx.db().prepare(
        "SELECT g.id, g.order_id, o.task_type, o.start_at, g.client_id, c.name, c.unit, g.status, g.support_person, "
        "g.updated_at FROM gig g JOIN client c ON c.id = g.client_id JOIN work_order o ON o.id = g.order_id "
        "WHERE (?1 IS NULL OR g.order_id = ?1) AND (?2 IS NULL OR g.client_id = ?2) AND (?3 IS NULL OR g.status = ?3) "
        "AND (?4 = '' OR c.unit = ?4) ORDER BY g.id DESC LIMIT ?5");
    query.bind_all(filter.order, filter.client, filter.status, filter.unit, filter.limit);
    json::array rows;
    std::map<std::string, std::string> gigs_of_client;  // client -> "3, 7": one audit row per client shown
    while (query.step()) {
        const std::int64_t gig_id = query.get_int(0);
        const std::string client = query.get_text(4);
        auto& listed = gigs_of_client[client];
        listed += (listed.empty() ? "" : ", ") + std::to_string(gig_id);
        rows.push_back(json::object{{"gig", gig_id},
                                    {"order", query.get_text(1)},
                                    {"task_type", query.get_text(2)},
                                    {"start", query.get_text(3)},
                                    {"client", client},
                                    {"name", query.get_text(5)},
                                    {"unit", query.get_text(6)},
                                    {"status", query.get_text(7)},
                                    {"support_person", optional_value(query.get_optional_text(8))},
                                    {"updated_at", query.get_text(9)}});
    }
    for (const auto& [client, gigs] : gigs_of_client) ctx.audit("matching.gig-list", "client", client, "gigs " + gigs);
    return json::object{{"count", rows.size()}, {"rows", std::move(rows)}};
}

json::value gig_show_command(Context& ctx, const json::object& request) {
    const GigRecord gig = visible_gig(ctx, params::required_integer(request, "gig"), "GIG");
    const Order order = existing_order(ctx.db(), gig.order_id, "GIG");
    json::object view{{"gig", gig.id},
                      {"status", code_of(gig.status)},
                      {"client", gig.client_id},
                      {"name", gig.client_name},
                      {"unit", gig.client_unit}};
    view["score"] = gig.score ? json::value(*gig.score) : json::value(nullptr);
    view["support_person"] = optional_value(gig.support_person);
    view["feedback"] = optional_value(gig.feedback);
    view["created_at"] = gig.created_at;
    view["updated_at"] = gig.updated_at;
    view["order"] = order_view(order);
    view["events"] = events_view(ctx.db(), gig.id);
    add_hours_view(view, ctx.db(), gig.id);
    ctx.audit("matching.gig-show", "client", gig.client_id, "gig " + std::to_string(gig.id));
    return view;
}

}  // namespace jobcenter::matching
