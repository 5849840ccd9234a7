// Listing the dated figures and adding a value from a day on. A value is checked against its kind (euros with
// two decimals at most, a percent 0-100, a coefficient 1-5); rows already there are never changed. The benefit
// limits ("benefit-limit.<benefit>.<kind>") live in the matching plugin's benefit_limit table, their one home:
// they are listed and set through `matching limits` and `matching limit-set`.
#include "pricing/figures/figure_commands.hpp"

#include <set>

#include "jobcenter/params.hpp"
#include "pricing/figures/figure_book.hpp"

namespace jobcenter::pricing {
namespace json = boost::json;
namespace {

std::string names_list() {
    std::string names;
    for (const auto& info : figure_catalog()) names += (names.empty() ? "" : ", ") + std::string(info.name);
    return names;
}

Figure named_figure(const std::string& name) {
    if (auto figure = figure_named(name)) return *figure;
    throw InputError("unknown figure '" + name + "': the figures are " + names_list() +
                     ", and the benefit limits benefit-limit.<benefit>.<kind> that `pricing figures list` shows", "NAME");
}

const std::string limit_prefix = "benefit-limit.";

// A benefit limit's figure name: "benefit-limit.disability-pension.suspension".
std::string limit_name(const json::object& row) {
    return limit_prefix + std::string(row.at("benefit").as_string()) + "." + std::string(row.at("kind").as_string());
}

// The benefit limits as figure rows, from `matching limits` (those in force on `on`, or all).
json::array limit_rows(Context& ctx, const std::optional<std::string>& on) {
    json::object ask;
    if (on) ask["on"] = *on;
    const json::value limits = ctx.call("matching.limits", ask);
    json::array rows;
    for (const auto& value : limits.at("limits").as_array()) {
        const auto& limit = value.as_object();
        rows.push_back(json::object{{"name", limit_name(limit)},
                                    {"value", limit.at("amount")},
                                    {"kind", "euros per " + std::string(limit.at("period").as_string())},
                                    {"valid_from", limit.at("valid_from")},
                                    {"valid_to", limit.at("valid_to")},
                                    {"in_force", limit.at("in_force")},
                                    {"verified", limit.at("verified")},
                                    {"source", limit.at("source")},
                                    {"set_by", limit.at("set_by")},
                                    {"set_at", limit.at("set_at")},
                                    {"rate_percent", limit.at("rate_percent")}});
    }
    return rows;
}

// Adds a benefit limit through `matching limit-set`; the limit's period is that of the rows of its name.
json::value set_limit(Context& ctx, const std::string& name, const json::object& request) {
    const json::value limits = ctx.call("matching.limits", json::object{});
    std::set<std::string> names;
    for (const auto& value : limits.at("limits").as_array()) {
        const auto& limit = value.as_object();
        if (limit_name(limit) != name) {
            names.insert(limit_name(limit));
            continue;
        }
        json::object ask{{"benefit", limit.at("benefit")}, {"kind", limit.at("kind")}, {"period", limit.at("period")},
                         {"amount", params::required_string(request, "value")}, {"source", params::required_string(request, "source")},
                         {"unverified", params::flag(request, "unverified")}};
        if (auto from = params::optional_date(request, "from")) ask["from"] = *from;
        try {
            return ctx.call("matching.limit-set", ask);
        } catch (const InputError& e) {
            if (e.where() == "--amount") throw InputError(e.what(), "VALUE");
            throw;
        }
    }
    std::string listed;
    for (const auto& n : names) listed += (listed.empty() ? "" : ", ") + n;
    throw InputError("unknown benefit limit '" + name + "': the benefit limits are " + listed, "NAME");
}

// The value as stored: euros with two decimals ("10.00"), a percent or a ratio in their shortest form.
std::string checked_value(Figure figure, const std::string& text) {
    const auto& info = info_of(figure);
    switch (info.kind) {
        case FigureKind::euros_per_hour: {
            const Money euros = Money::parse(text);
            if (euros < Money{} || euros > Money::from_cents(100'000))
                throw InputError(std::string(info.name) + " must be from 0.00 to 1000.00 euros per hour, not " + text, "VALUE");
            return euros.to_string();
        }
        case FigureKind::percent: {
            const Decimal percent = Decimal::parse(text);
            if (percent < Decimal{} || percent > Decimal::from_integer(100))
                throw InputError(std::string(info.name) + " must be a percent from 0 to 100, not " + text, "VALUE");
            return percent.to_string();
        }
        case FigureKind::ratio: {
            const Decimal ratio = Decimal::parse(text);
            if (ratio < Decimal::from_integer(1) || ratio > Decimal::from_integer(5))
                throw InputError(std::string(info.name) + " must be a coefficient from 1 to 5, not " + text, "VALUE");
            return ratio.to_string();
        }
    }
    return text;
}

std::string value_text(const FigureRow& row) {
    return info_of(row.figure).kind == FigureKind::euros_per_hour ? Money::from_cents(100).times(row.value).to_string()
                                                                  : row.value.to_string();
}

json::object row_json(const FigureRow& row, const std::string& valid_to, bool in_force) {
    const auto& info = info_of(row.figure);
    return json::object{{"name", info.name},
                        {"value", value_text(row)},
                        {"kind", kind_name(info.kind)},
                        {"valid_from", row.valid_from},
                        {"valid_to", valid_to.empty() ? json::value(nullptr) : json::value(valid_to)},
                        {"in_force", in_force},
                        {"verified", row.verified},
                        {"source", row.source},
                        {"set_by", row.set_by},
                        {"set_at", row.set_at}};
}

// The day before an ISO date, by SQLite's calendar.
std::string day_before(Database& db, const std::string& date) {
    auto q = db.prepare("SELECT date(?, '-1 day')");
    q.bind(1, date);
    q.step();
    return q.get_text(0);
}

json::value figures_list_command(Context& ctx, const json::object& request) {
    const auto on = params::optional_date(request, "on");
    const std::string today = ctx.clock().today_iso();
    const FigureBook book = FigureBook::load(ctx.db());
    json::array rows;
    for (const auto& info : figure_catalog()) {
        const auto& history = book.history(info.figure);
        for (std::size_t i = 0; i < history.size(); ++i) {
            const auto& row = history[i];
            // A row ends the day before the next row starts; a later row with the same start replaces it.
            const bool replaced = i + 1 < history.size() && history[i + 1].valid_from == row.valid_from;
            const std::string valid_to = i + 1 < history.size() && !replaced ? day_before(ctx.db(), history[i + 1].valid_from) : "";
            const std::string day = on.value_or(today);
            const bool in_force = !replaced && row.valid_from <= day && (valid_to.empty() || day <= valid_to);
            if (replaced && !on) {
                auto shown = row_json(row, "", false);
                shown["replaced"] = true;
                rows.push_back(std::move(shown));
                continue;
            }
            if (on && !in_force) continue;
            rows.push_back(row_json(row, valid_to, in_force));
        }
    }
    for (auto& limit : limit_rows(ctx, on)) rows.push_back(std::move(limit));
    json::object result{{"on", on ? json::value(*on) : json::value(nullptr)}, {"figures", std::move(rows)}};
    return result;
}

json::value figures_set_command(Context& ctx, const json::object& request) {
    const std::string name = params::required_string(request, "name");
    if (name.rfind(limit_prefix, 0) == 0) return set_limit(ctx, name, request);
    const Figure figure = named_figure(name);
    const std::string value = checked_value(figure, params::required_string(request, "value"));
    const auto from = params::optional_date(request, "from");
    if (!from) throw InputError("give the first day the value is in force: --from YYYY-MM-DD", "--from");
    const std::string source = params::required_string(request, "source");
    if (source.find_first_not_of(" \t") == std::string::npos)
        throw InputError("say where the value comes from: --source TEXT (a law, a decision, a web page)", "--source");
    const bool unverified = params::flag(request, "unverified");
    const std::string set_by = std::string(role_name(ctx.role())) + (ctx.unit().empty() ? "" : " of " + ctx.unit());

    auto insert = ctx.db().prepare(
        "INSERT INTO figure(name, value, valid_from, verified, source, set_by, set_at) VALUES(?,?,?,?,?,?,?)");
    insert.bind_all(std::string(info_of(figure).name), value, *from, unverified ? 0 : 1, source, set_by, ctx.clock().now_iso());
    insert.run();
    const std::int64_t id = ctx.db().last_insert_id();
    ctx.audit("figure-set", "figure", info_of(figure).name, value + " from " + *from);
    if (*from < ctx.clock().today_iso())
        ctx.log().warn("pricing figures set: " + name + " = " + value + " takes effect from " + *from +
                       ", a day already past: quotes and payroll runs from now on use it for work on or after that day; "
                       "runs already made keep the amounts they were made with");
    return json::object{{"id", id}, {"name", info_of(figure).name}, {"value", value}, {"valid_from", *from},
                        {"verified", !unverified}, {"source", source}};
}

}  // namespace

std::vector<Command> figure_commands() {
    const Command list{
        .name = "figures-list",
        .summary = "list the dated figures: wages, coefficients, VAT, contributions, withholding, benefit limits",
        .help = "Every row of every figure with the days it is in force; --on DATE lists only the values in force that day.\n"
                "verified false marks a figure whose primary source was not found (UNVERIFIED).",
        .flags = {{.name = "on", .type = FlagType::date, .help = "only the values in force on this day"}},
        .access = Access::read,
        .min_role = Role::viewer,
        .run = figures_list_command};
    const Command set{
        .name = "figures-set",
        .summary = "add a value of a figure in force from a day on (administrator; history is kept)",
        .help = "The rows already there stay as they are: the new value is in force from --from until a later row.\n"
                "A row with the same --from as an earlier one replaces it from then on (the earlier stays listed).",
        .flags = {{.name = "name", .type = FlagType::string,
                   .help = "the figure, e.g. vat.general or benefit-limit.disability-pension.suspension", .required = true,
                   .positional = true},
                  {.name = "value", .type = FlagType::string, .help = "euros (10.00), a percent (25.5) or a coefficient (1.45)",
                   .required = true, .positional = true},
                  {.name = "from", .type = FlagType::date, .help = "the first day the value is in force", .required = true},
                  {.name = "source", .type = FlagType::string, .help = "where the value comes from", .required = true},
                  {.name = "unverified", .type = FlagType::boolean, .help = "the primary source was not found"}},
        .access = Access::write,
        .min_role = Role::admin,
        .run = figures_set_command};
    return {list, set};
}

}  // namespace jobcenter::pricing
