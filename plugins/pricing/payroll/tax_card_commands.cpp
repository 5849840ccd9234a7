// Recording and showing a client's tax cards.
#include "pricing/payroll/tax_card_commands.hpp"

#include "jobcenter/params.hpp"
#include "pricing/payroll/recorded_by.hpp"

namespace jobcenter::pricing {
namespace json = boost::json;
namespace {

// The client's unit, when the caller may see the client (NotFoundError from matching otherwise).
std::string unit_of_visible_client(Context& ctx, const std::string& client_id) {
    const json::value client = ctx.call("matching.client-show", json::object{{"id", client_id}});
    const json::value* unit = client.is_object() ? client.get_object().if_contains("unit") : nullptr;
    if (!unit || !unit->is_string()) throw InternalError("matching.client-show replied without the client's unit", "CLIENT");
    return std::string(unit->get_string());
}

Decimal checked_percent(const std::string& text) {
    Decimal percent;
    try {
        percent = Decimal::parse(text);
    } catch (const InputError&) {
        throw InputError("the withholding percent must be a number from 0 to 100, such as 12.5, not '" + text + "'", "PERCENT");
    }
    if (percent < Decimal{} || percent > Decimal::from_integer(100))
        throw InputError("the withholding percent must be from 0 to 100, got " + percent.to_string(), "PERCENT");
    return percent;
}

json::value optional_json(const std::optional<std::string>& text) { return text ? json::value(*text) : json::value(nullptr); }

json::array cards_of(Context& ctx, const std::string& client_id, const std::string& today, json::value& in_force) {
    auto q = ctx.db().prepare("SELECT id, percent, valid_from, valid_to, set_by, set_at FROM tax_card WHERE client_id = ? "
                              "ORDER BY valid_from, id");
    q.bind(1, client_id);
    json::array rows;
    while (q.step()) {
        const auto valid_to = q.get_optional_text(3);
        const bool in_force_today = q.get_text(2) <= today && (!valid_to || *valid_to >= today);
        if (in_force_today) in_force = q.get_text(1);  // the latest row in force wins
        rows.push_back(json::object{{"id", q.get_int(0)}, {"percent", q.get_text(1)}, {"valid_from", q.get_text(2)},
                                    {"valid_to", optional_json(valid_to)}, {"set_by", q.get_text(4)},
                                    {"set_at", q.get_text(5)}});
    }
    return rows;
}

}  // namespace

json::value tax_card_set_command(Context& ctx, const json::object& request) {
    const std::string client_id = params::required_string(request, "client");
    const Decimal percent = checked_percent(params::required_string(request, "percent"));
    const auto from = params::optional_date(request, "from");
    if (!from) throw UsageError("give the day the tax card takes effect", "--from");
    const auto to = params::optional_date(request, "to");
    if (to && *to < *from) throw InputError("the card ends (" + *to + ") before it starts (" + *from + ")", "--to");
    const std::string unit = unit_of_visible_client(ctx, client_id);
    ctx.db()
        .prepare("INSERT INTO tax_card(client_id, unit, percent, valid_from, valid_to, set_by, set_at) VALUES(?,?,?,?,?,?,?)")
        .bind_all(client_id, unit, percent.to_string(), *from, to, recorded_by(ctx), ctx.clock().now_iso())
        .run();
    const std::int64_t id = ctx.db().last_insert_id();
    ctx.audit("pricing.tax-card-set", "client", client_id, percent.to_string() + " % from " + *from + (to ? " to " + *to : ""));
    return json::object{{"id", id}, {"client", client_id}, {"unit", unit}, {"percent", percent.to_string()},
                        {"valid_from", *from}, {"valid_to", optional_json(to)}};
}

json::value tax_card_show_command(Context& ctx, const json::object& request) {
    const std::string client_id = params::required_string(request, "client");
    const std::string unit = unit_of_visible_client(ctx, client_id);
    const std::string today = ctx.clock().today_iso();
    json::value in_force = nullptr;
    json::array rows = cards_of(ctx, client_id, today, in_force);
    ctx.audit("pricing.tax-card-show", "client", client_id, std::to_string(rows.size()) + " tax cards");
    return json::object{{"client", client_id}, {"unit", unit}, {"today", today}, {"percent_in_force", in_force},
                        {"rows", std::move(rows)}};
}

}  // namespace jobcenter::pricing
