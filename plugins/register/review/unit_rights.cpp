// Checking a staff member's change against the units of the source records it touches.
#include "register/review/unit_rights.hpp"

#include <set>
#include <string>

namespace jobcenter::register_plugin {
namespace {

// The units other than `own` whose source records `orderers` hold, in name order.
std::set<std::string> other_units(Database& db, const std::vector<std::int64_t>& orderers, const std::string& own) {
    std::set<std::string> units;
    auto& q = db.cached("SELECT DISTINCT unit FROM source_record WHERE orderer_id = ? AND unit <> ?");
    for (auto orderer : orderers) {
        q.bind(1, orderer).bind(2, own);
        while (q.step()) units.insert(q.get_text(0));
        q.reset();
    }
    return units;
}

// "a", "a and b", "a, b and c".
template <class Items, class Show>
std::string listed(const Items& items, Show show) {
    std::string out;
    std::size_t i = 0;
    for (const auto& item : items) {
        if (i > 0) out += i + 1 == items.size() ? " and " : ", ";
        out += show(item);
        ++i;
    }
    return out;
}

}  // namespace

void require_rights_over(Context& ctx, std::string_view command, const std::vector<std::int64_t>& orderers) {
    if (ctx.role() >= Role::coordinator) return;
    const std::set<std::string> others = other_units(ctx.db(), orderers, ctx.unit());
    if (others.empty()) return;
    const bool one = orderers.size() == 1;
    const std::string rule = ctx.unit().empty()
                                 ? "staff who act for no unit (no --unit) change no unit's orderers"
                                 : "staff of " + ctx.unit() + " change only orderers whose source records are all " +
                                       ctx.unit() + "'s";
    throw AccessDeniedError(std::string(one ? "orderer " : "orderers ") +
                           listed(orderers, [](std::int64_t id) { return std::to_string(id); }) +
                           (one ? " holds" : " hold") + " source records of " +
                           (others.size() == 1 ? "the unit " : "the units ") +
                           listed(others, [](const std::string& unit) { return unit; }) + "; " + rule +
                           ": a coordinator can do this (--role coordinator)",
                       std::string(command));
}

bool may_read_sources_of(const Context& ctx, const std::string& unit) {
    return ctx.role() >= Role::coordinator || ctx.unit().empty() || ctx.unit() == unit;
}

void withhold_other_units_sources(const Context& ctx, boost::json::value& shown) {
    if (auto* object = shown.if_object()) {
        for (auto& [key, value] : *object) {
            if (key == "sources" && value.is_array()) {
                for (auto& record : value.get_array()) {
                    auto* fields = record.if_object();
                    const auto* unit = fields ? fields->if_contains("unit") : nullptr;
                    if (!unit || !unit->is_string() || may_read_sources_of(ctx, std::string(unit->get_string()))) continue;
                    record = boost::json::object{{"unit", *unit},
                                                 {"withheld", "another unit's record: a coordinator can read it"}};
                }
            } else {
                withhold_other_units_sources(ctx, value);
            }
        }
    } else if (auto* array = shown.if_array()) {
        for (auto& element : *array) withhold_other_units_sources(ctx, element);
    }
}

}  // namespace jobcenter::register_plugin
