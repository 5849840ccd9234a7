// Showing one orderer with everything the register knows of it.
#include "register/commands/show_command.hpp"

#include "jobcenter/params.hpp"
#include "register/clustering/golden_record.hpp"
#include "register/commands/tree_place.hpp"
#include "register/contacts/contact_log.hpp"
#include "register/review/register_events.hpp"

#include "register/review/unit_rights.hpp"

namespace jobcenter::register_plugin {
namespace json = boost::json;
namespace {

json::value text_or_null(Statement& q, int column) {
    return q.is_null(column) ? json::value(nullptr) : json::value(q.get_text(column));
}

json::object golden_record(Database& db, std::int64_t id) {
    auto q = db.prepare("SELECT name, category, business_id, business_id_raw, street, postcode, city, phone, email, "
                        "relationship_owner, created_at, updated_at, category_source FROM orderer WHERE id = ?");
    q.bind(1, id);
    if (!q.step()) throw NotFoundError("no orderer has the id " + std::to_string(id));
    json::object o{{"id", id}, {"name", q.get_text(0)}, {"category", q.get_text(1)}, {"category_source", q.get_text(12)},
                   {"business_id", text_or_null(q, 2)}};
    if (q.is_null(2) && !q.is_null(3)) o["business_id_invalid"] = q.get_text(3);
    o["street"] = text_or_null(q, 4);
    o["postcode"] = text_or_null(q, 5);
    o["city"] = text_or_null(q, 6);
    o["phone"] = text_or_null(q, 7);
    o["email"] = text_or_null(q, 8);
    o["relationship_owner"] = text_or_null(q, 9);
    o["created_at"] = q.get_text(10);
    o["updated_at"] = q.get_text(11);
    return o;
}

json::array source_records(Database& db, std::int64_t id) {
    auto q = db.prepare("SELECT s.unit, s.source_id, s.name, s.business_id_raw, s.street, s.postcode, s.city, s.phone, "
                        "s.email, g.file, g.line FROM source_record s JOIN source_record_given g ON g.record_id = s.id "
                        "WHERE s.orderer_id = ? ORDER BY s.unit, s.source_id");
    q.bind(1, id);
    json::array rows;
    while (q.step())
        rows.push_back(json::object{{"unit", q.get_text(0)}, {"source_id", q.get_text(1)}, {"name", q.get_text(2)},
                                    {"business_id", text_or_null(q, 3)}, {"street", text_or_null(q, 4)},
                                    {"postcode", text_or_null(q, 5)}, {"city", text_or_null(q, 6)},
                                    {"phone", text_or_null(q, 7)}, {"email", text_or_null(q, 8)},
                                    {"from", q.get_text(9) + ":" + std::to_string(q.get_int(10))}});
    return rows;
}

// Other live orderers of the same organisation: sharing the business ID (the City's divisions).
json::array siblings(Database& db, std::int64_t id) {
    auto q = db.prepare("SELECT s.id, s.name FROM orderer o JOIN orderer s ON s.business_id = o.business_id AND s.id <> o.id "
                        "WHERE o.id = ? AND s.merged_into IS NULL ORDER BY s.id LIMIT 100");
    q.bind(1, id);
    json::array rows;
    while (q.step()) rows.push_back(json::object{{"id", q.get_int(0)}, {"name", q.get_text(1)}});
    return rows;
}

json::array contact_persons(Database& db, std::int64_t id) {
    auto q = db.prepare(std::string(family_cte) +
                        "SELECT name, title, phone, email, added_by_unit FROM contact_person "
                        "WHERE orderer_id IN (SELECT id FROM family) ORDER BY id");
    q.bind(1, id);
    json::array rows;
    while (q.step())
        rows.push_back(json::object{{"name", q.get_text(0)}, {"title", text_or_null(q, 1)}, {"phone", text_or_null(q, 2)},
                                    {"email", text_or_null(q, 3)}, {"added_by", q.get_text(4)}});
    return rows;
}

}  // namespace

json::value show_command(Context& ctx, const json::object& request) {
    auto asked = params::required_integer(request, "id");
    auto id = current_orderer(ctx.db(), asked);
    json::object result;
    if (id != asked) result["note"] = "orderer " + std::to_string(asked) + " was merged into " + std::to_string(id);
    auto warnings = recent_contacts_by_others(ctx, id);
    if (!warnings.empty()) result["warnings"] = std::move(warnings);
    result["orderer"] = golden_record(ctx.db(), id);
    if (auto place = place_of_orderer(ctx.db(), id)) result["tree"] = place_json(ctx.db(), *place, id);
    auto sources = load_sources(ctx.db(), id);
    if (!sources.empty()) result["provenance"] = provenance_json(choose_golden(sources, load_choices(ctx.db(), id)), sources);
    result["sources"] = source_records(ctx.db(), id);
    result["siblings"] = siblings(ctx.db(), id);
    result["contact_persons"] = contact_persons(ctx.db(), id);
    auto contacts = contact_list_command(ctx, {{"orderer", id}});
    result["contacts"] = std::move(contacts.as_object()["rows"]);
    result["history"] = history_json(ctx.db(), id, 10);
    json::value shown = std::move(result);
    withhold_other_units_sources(ctx, shown);
    return shown;
}

}  // namespace jobcenter::register_plugin
