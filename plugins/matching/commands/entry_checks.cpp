// Entry checks of clients and orders.
#include "matching/commands/entry_checks.hpp"

#include "jobcenter/identity_code.hpp"
#include "matching/store/client_access.hpp"
#include "matching/store/client_store.hpp"

namespace jobcenter::matching {
namespace json = boost::json;
namespace {

std::string orderer_path(const OrderInput& input) { return input.path + ".orderer"; }

void resolve_by_id(Context& ctx, OrderInput& input, std::int64_t id) {
    json::value found;
    try {
        found = ctx.call("register.get", json::object{{"id", id}});
    } catch (const NotFoundError&) {
        throw NotFoundError("no orderer has the id " + std::to_string(id) + " in the register", orderer_path(input));
    }
    input.order.orderer_id = id;
    input.order.orderer_name = std::string(found.at("name").as_string());
}

void resolve_by_details(Context& ctx, OrderInput& input, const OrdererByDetails& details) {
    json::object ask{{"name", details.name}, {"limit", 5}};
    if (details.business_id) ask["business_id"] = *details.business_id;
    const auto result = ctx.call("register.check", ask);
    const auto& matches = result.at("matches").as_array();
    std::vector<const json::object*> same;
    for (const auto& m : matches)
        if (m.at("verdict").as_string() == "same orderer") same.push_back(&m.as_object());
    if (same.size() == 1) {
        input.order.orderer_id = same.front()->at("orderer").as_int64();
        input.order.orderer_name = std::string(same.front()->at("name").as_string());
        return;
    }
    std::string listed;
    for (const auto& m : matches)
        listed += (listed.empty() ? "" : "; ") + std::to_string(m.at("orderer").as_int64()) + " " +
                  std::string(m.at("name").as_string()) + " (" + std::string(m.at("verdict").as_string()) + ", " +
                  std::string(m.at("probability").as_string()) + ")";
    const std::string who = "'" + details.name + "'" + (details.business_id ? " " + *details.business_id : "");
    if (same.size() > 1)
        throw InputError("more than one orderer in the register is " + who + ": " + listed + "; give the orderer's id",
                         orderer_path(input));
    throw InputError("no orderer in the register is surely " + who +
                         (listed.empty() ? std::string(" (no candidates)") : " (candidates: " + listed + ")") +
                         "; give the orderer's id, or add it first with `jobcenter register add`",
                     orderer_path(input));
}

}  // namespace

void refuse_identity_codes(const json::value& value, const std::string& path) {
    switch (value.kind()) {
        case json::kind::string:
            if (contains_identity_code(value.as_string()))
                throw InputError("holds a personal identity code; Jobcenter stores none: remove it and send the file again", path);
            return;
        case json::kind::array: {
            const auto& items = value.as_array();
            for (std::size_t i = 0; i < items.size(); ++i) refuse_identity_codes(items[i], path + "[" + std::to_string(i) + "]");
            return;
        }
        case json::kind::object:
            for (const auto& [key, v] : value.as_object()) {
                if (contains_identity_code(key)) throw InputError("a field name holds a personal identity code", path);
                refuse_identity_codes(v, path.empty() ? std::string(key) : path + "." + std::string(key));
            }
            return;
        default: return;
    }
}

void check_client_entry(Context& ctx, const Client& c, const std::map<std::string, Organisation>& organisations,
                        const std::string& path) {
    if (!organisations.count(c.unit))
        throw NotFoundError("unit '" + c.unit + "' is not known: an administrator adds it with `jobcenter unit add`", path + ".unit");
    if (!may_see_unit(ctx, c.unit))
        throw AccessDeniedError("the caller's unit " + (ctx.unit().empty() ? std::string("(none)") : ctx.unit()) +
                               " may not add or change clients of unit '" + c.unit + "'",
                           path + ".unit");
    auto held_by = client_unit(ctx.db(), c.id);
    if (held_by && *held_by != c.unit)
        throw RefusedError("client id '" + c.id + "' is already used by another unit's client; client ids are unique "
                           "in the installation (prefix them with the unit if they collide)",
                           path + ".id");
}

void resolve_orderer(Context& ctx, OrderInput& input) {
    if (const auto* id = std::get_if<std::int64_t>(&input.orderer)) resolve_by_id(ctx, input, *id);
    else resolve_by_details(ctx, input, std::get<OrdererByDetails>(input.orderer));
}

}  // namespace jobcenter::matching
