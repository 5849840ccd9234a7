// Orderer commands of the register: entering an orderer (with its business ID checked and its category
// given or inferred from its name), reading one back, listing.
#include "register/commands/orderer_commands.hpp"

#include <array>

#include "jobcenter/params.hpp"
#include "register/commands/category_command.hpp"
#include "register/import/import_command.hpp"
#include "register/normalize/business_id.hpp"
#include "register/normalize/lost_zeros.hpp"
#include "register/normalize/normalize.hpp"
#include "register/resident/register_change.hpp"

namespace jobcenter::register_plugin {
namespace json = boost::json;
namespace {


json::object orderer_row(Statement& q) {
    json::object o;
    o["id"] = q.get_int(0);
    o["name"] = q.get_text(1);
    o["category"] = q.get_text(2);
    o["category_source"] = q.get_text(12);
    auto text_or_null = [&](int column) -> json::value {
        if (q.is_null(column)) return nullptr;
        return json::value(q.get_text(column));
    };
    o["business_id"] = text_or_null(3);
    if (!q.is_null(4) && q.is_null(3)) o["business_id_invalid"] = q.get_text(4);
    o["street"] = text_or_null(5);
    o["postcode"] = text_or_null(6);
    o["city"] = text_or_null(7);
    o["phone"] = text_or_null(8);
    o["email"] = text_or_null(9);
    o["created_by_unit"] = q.get_text(10);
    o["created_at"] = q.get_text(11);
    return o;
}

const char* const select_columns =
    "SELECT id, name, category, business_id, business_id_raw, street, postcode, city, phone, email, "
    "created_by_unit, created_at, category_source FROM orderer";

}  // namespace

json::value add_orderer(Context& ctx, const json::object& request) {
    auto name = params::required_string(request, "name");
    if (name.find_first_not_of(" \t") == std::string::npos) throw InputError("the name is empty", "--name");
    const auto given_category = params::optional_string(request, "category");
    const OrdererCategory chosen = given_category ? checked_category(*given_category) : OrdererCategory::unknown;
    const NormalizedName normalized = normalize_name(name);
    // Inferred from the name, as for an import; a category the person gave stands over it.
    const bool by_person = chosen != OrdererCategory::unknown;
    const std::string inferred(
        category_name(record_category(normalized.key, normalized.legal_form, normalized.city_of_helsinki)));
    if (ctx.unit().empty())
        throw InputError("say in which unit's register the orderer is entered (--unit UNIT): the entry is kept as "
                         "that unit's source record, so that dedupe and the entry-time check see it",
                         "--unit");
    std::optional<std::string> business_id, business_id_raw;
    json::array warnings;
    if (auto raw = params::optional_string(request, "business_id"); raw && !raw->empty()) {
        business_id_raw = *raw;
        EnteredBusinessId entered_id = entered_business_id(*raw);
        if (entered_id.note) warnings.push_back(json::value(*entered_id.note));
        const BusinessId& parsed = entered_id.id;
        if (parsed.valid) {
            business_id = parsed.canonical;
        } else {
            // Kept and shown, never used as a key: units do mistype business IDs.
            warnings.push_back(json::value("business ID not used: " + parsed.problem));
        }
    }
    // The golden record shows a postcode or phone with its lost zeros back, as an import's does; the source
    // record below keeps them as given.
    auto entered = [&](const char* field, EnteredValue (*read)(std::string_view)) -> std::optional<std::string> {
        auto given = params::optional_string(request, field);
        if (!given) return std::nullopt;
        EnteredValue value = read(*given);
        if (value.note) warnings.push_back(json::value(*value.note));
        return std::move(value.value);
    };
    const auto postcode = entered("postcode", entered_postcode);
    const auto phone = entered("phone", [](std::string_view given) { return entered_phone(given, "358"); });
    auto now = ctx.clock().now_iso();
    ctx.db()
        .prepare("INSERT INTO orderer(name, category, business_id, business_id_raw, street, postcode, city, phone, "
                 "email, created_by_unit, created_at, updated_at) VALUES(?,?,?,?,?,?,?,?,?,?,?,?)")
        .bind_all(name, inferred, business_id, business_id_raw, params::optional_string(request, "street"), postcode,
                  params::optional_string(request, "city"), phone, params::optional_string(request, "email"),
                  ctx.unit(), now, now)
        .run();
    const std::int64_t id = ctx.db().last_insert_id();
    if (by_person)
        record_category_choice(ctx.db(), id, chosen,
                               CategoryDecision{"register add", ctx.unit(), std::string(role_name(ctx.role())), now,
                                                "given when the orderer was entered"});
    // Kept as the unit's source record too, so that the entry-time check and dedupe see it.
    auto text = [&](const char* field) { return params::optional_string(request, field).value_or(""); };
    record_entered_orderer(ctx.db(), ctx.unit(), std::string(role_name(ctx.role())), id,
                           {name, business_id_raw.value_or(""), text("street"), text("postcode"), text("city"),
                            text("phone"), text("email"), ""},
                           now);
    publish_records_of_orderers(ctx, {id});
    json::object result{{"id", id}, {"name", name}, {"category", by_person ? category_name(chosen) : inferred},
                        {"category_source", category_source_name(by_person ? CategorySource::person : CategorySource::inferred)}};
    result["business_id"] = business_id ? json::value(*business_id) : json::value(nullptr);
    if (!warnings.empty()) result["warnings"] = std::move(warnings);
    return result;
}

json::value get_orderer(Context& ctx, const json::object& request) {
    auto id = params::required_integer(request, "id");
    auto q = ctx.db().prepare(std::string(select_columns) + " WHERE id = ?");
    q.bind(1, id);
    if (!q.step()) throw NotFoundError("no orderer has the id " + std::to_string(id));
    return orderer_row(q);
}

json::value list_orderers(Context& ctx, const json::object& request) {
    auto name = params::optional_string(request, "name");
    auto limit = params::optional_integer(request, "limit").value_or(100);
    if (limit < 1 || limit > 100000) throw InputError("the limit must be between 1 and 100000", "--limit");
    auto q = ctx.db().prepare(std::string(select_columns) +
                              " WHERE (?1 IS NULL OR instr(lower(name), lower(?1)) > 0) ORDER BY id LIMIT ?2");
    q.bind(1, name).bind(2, limit);
    json::array rows;
    while (q.step()) {
        json::object row = orderer_row(q);
        rows.push_back(json::object{{"id", row["id"]}, {"name", row["name"]}, {"category", row["category"]},
                                    {"business_id", row["business_id"]}, {"city", row["city"]},
                                    {"created_by_unit", row["created_by_unit"]}});
    }
    return json::object{{"count", rows.size()}, {"rows", std::move(rows)}};
}

}  // namespace jobcenter::register_plugin
