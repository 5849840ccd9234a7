// The load command: read the whole file, check every record, then write them all.
#include "matching/commands/load_command.hpp"

#include <fstream>
#include <set>
#include <sstream>

#include "jobcenter/params.hpp"
#include "matching/commands/entry_checks.hpp"
#include "matching/commands/matching_data.hpp"
#include "matching/commands/order_writes.hpp"
#include "matching/interchange/client_json.hpp"
#include "matching/interchange/json_reader.hpp"
#include "matching/store/client_store.hpp"
#include "matching/store/order_store.hpp"

namespace jobcenter::matching {
namespace json = boost::json;
namespace {

json::value read_json_file(const std::string& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw NotFoundError("cannot open the file", file);
    std::ostringstream text;
    text << in.rdbuf();
    json::error_code ec;
    auto value = json::parse(text.str(), ec);
    if (ec) throw InputError("not valid JSON (" + ec.message() + ")", file);
    return value;
}

// Units listed in the file: each must exist with the same organisation; an administrator's load adds the missing.
void check_units(Context& ctx, const JsonObjectReader& top, std::map<std::string, Organisation>& organisations) {
    const auto& units = top.array("units");
    for (std::size_t i = 0; i < units.size(); ++i) {
        JsonObjectReader u(units[i], element_path("units", i), {"name", "title", "organisation"});
        const auto name = u.text("name");
        const auto organisation_text = u.text("organisation");
        auto organisation = parse_code<Organisation>(organisation_text);
        if (!organisation) u.fail("organisation", "unknown organisation '" + organisation_text + "': use VATTI, KUTY or OTHER");
        auto known = organisations.find(name);
        if (known != organisations.end()) {
            if (known->second != *organisation)
                u.fail("organisation", "unit '" + name + "' is " + std::string(code_of(known->second)) + ", not " + organisation_text);
            continue;
        }
        if (ctx.role() < Role::admin)
            throw NotFoundError("unit '" + name + "' is not known: an administrator adds it with `jobcenter unit add` (or loads this file)",
                                u.path_of("name"));
        ctx.call("unit.add", json::object{{"name", name}, {"title", u.text("title")}, {"organisation", organisation_text}});
        organisations[name] = *organisation;
    }
}

struct Counts {
    int added = 0, updated = 0, unchanged = 0;
    void count(WriteOutcome o) { ++(o == WriteOutcome::added ? added : o == WriteOutcome::updated ? updated : unchanged); }
    json::object to_json() const { return {{"added", added}, {"updated", updated}, {"unchanged", unchanged}}; }
};

std::vector<Client> read_clients_of(Context& ctx, const JsonObjectReader& top, const std::set<std::string>& task_types,
                                    const std::map<std::string, Organisation>& organisations) {
    std::vector<Client> clients;
    std::map<std::string, std::string> seen;  // id -> path
    const auto& items = top.array("clients");
    for (std::size_t i = 0; i < items.size(); ++i) {
        const auto path = element_path("clients", i);
        Client c = client_from_json(items[i], path, task_types);
        auto [it, fresh] = seen.emplace(c.id, path);
        if (!fresh) throw InputError("client '" + c.id + "' is given twice (first at " + it->second + ")", path + ".id");
        check_client_entry(ctx, c, organisations, path);
        clients.push_back(std::move(c));
    }
    return clients;
}

std::vector<OrderInput> read_orders_of(Context& ctx, const JsonObjectReader& top, const std::set<std::string>& task_types) {
    std::vector<OrderInput> orders;
    std::map<std::string, std::string> seen;
    const auto& items = top.array("orders");
    for (std::size_t i = 0; i < items.size(); ++i) {
        const auto path = element_path("orders", i);
        OrderInput in = order_from_json(items[i], path, task_types);
        auto [it, fresh] = seen.emplace(in.order.id, path);
        if (!fresh) throw InputError("order '" + in.order.id + "' is given twice (first at " + it->second + ")", path + ".id");
        resolve_orderer(ctx, in);
        orders.push_back(std::move(in));
    }
    return orders;
}

}  // namespace

json::value load_command(Context& ctx, const json::object& request) {
    const auto file = params::required_string(request, "file");
    try {
        const json::value document = read_json_file(file);
        refuse_identity_codes(document, "");
        JsonObjectReader top(document, "", {"units", "clients", "orders"});
        auto organisations = unit_organisations(ctx.db());
        check_units(ctx, top, organisations);
        const auto task_types = task_type_codes(ctx.db());
        const auto clients = read_clients_of(ctx, top, task_types, organisations);
        const auto orders = read_orders_of(ctx, top, task_types);

        const auto now = ctx.clock().now_iso();
        Counts client_counts, order_counts;
        for (const auto& c : clients) {
            const auto outcome = write_client(ctx.db(), c, now);
            client_counts.count(outcome);
            if (outcome != WriteOutcome::unchanged)
                ctx.audit("matching.load", "client", c.id, outcome == WriteOutcome::added ? "added" : "updated");
        }
        for (const auto& o : orders) order_counts.count(write_order_with_gigs(ctx, o.order, "the load file " + file));
        return json::object{{"file", file}, {"clients", client_counts.to_json()}, {"orders", order_counts.to_json()}};
    } catch (const DatabaseBusyError&) {
        throw;
    } catch (const Error& e) {
        if (e.where().rfind(file, 0) == 0) throw;
        const std::string where = e.where().empty() ? file : file + ": " + e.where();
        switch (e.code()) {
            case ExitCode::not_found: throw NotFoundError(e.what(), where);
            case ExitCode::refused: throw RefusedError(e.what(), where);
            case ExitCode::bad_input: throw InputError(e.what(), where);
            default: throw;
        }
    }
}

}  // namespace jobcenter::matching
