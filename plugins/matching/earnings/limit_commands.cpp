// Listing the benefit_limit rows (all, or those in force on a day by BenefitLimits::in_force) and adding one,
// each value checked against what the rules count for its kind.
#include "matching/earnings/limit_commands.hpp"

#include <set>

#include "jobcenter/params.hpp"
#include "matching/rules/benefit_limits.hpp"

namespace jobcenter::matching {
namespace json = boost::json;
namespace {

const std::string yel_benefit = "commission-income";

Day day_of_text(const std::string& iso_date) {
    auto day = parse_day(iso_date);
    if (!day) throw InternalError("'" + iso_date + "' is not a date");
    return *day;
}

std::set<std::int64_t> ids_in_force(Database& db, Day day) {
    const BenefitLimits limits = BenefitLimits::load(db);
    std::set<std::int64_t> ids;
    for (const auto* row : limits.all_in_force(day)) ids.insert(row->id);
    return ids;
}

std::string benefit_codes() { return codes_of<Benefit>() + ", " + yel_benefit; }

std::string checked_benefit(const std::string& text) {
    if (text == yel_benefit || parse_code<Benefit>(text)) return text;
    throw InputError("unknown benefit '" + text + "': use one of " + benefit_codes(), "--benefit");
}

LimitKind checked_kind(const std::string& benefit, const std::string& text) {
    auto kind = parse_limit_kind(text);
    if (!kind) throw InputError("unknown kind '" + text + "': use suspension, adjustment, review or yel", "--kind");
    if ((*kind == LimitKind::yel) != (benefit == yel_benefit))
        throw InputError("the YEL minimum is --benefit " + yel_benefit + " --kind yel; a benefit's limit is a suspension, "
                         "adjustment or review", "--kind");
    return *kind;
}

LimitPeriod checked_period(LimitKind kind, const std::string& text) {
    auto period = parse_limit_period(text);
    if (!period) throw InputError("unknown period '" + text + "': use month or year", "--period");
    if (*period != period_of_kind(kind))
        throw InputError("the rules count a " + std::string(kind_name(kind)) + " limit per " +
                         std::string(period_name(period_of_kind(kind))) + ", not per " + text, "--period");
    return *period;
}

Money checked_amount(const std::string& text) {
    Money amount;
    try {
        amount = Money::parse(text);
    } catch (const InputError& e) {
        throw InputError(e.what(), "--amount");
    }
    if (amount < Money{} || amount > Money::from_cents(100'000'000))
        throw InputError("must be from 0.00 to 1000000.00 euros, not " + text, "--amount");
    return amount;
}

// The percent of the excess an adjustment or review takes: given, or carried from the row in force on `from`.
std::optional<Decimal> checked_rate(const json::object& request, const std::string& benefit, LimitKind kind, Day from,
                                    Database& db) {
    const auto text = params::optional_string(request, "rate");
    if (kind == LimitKind::suspension || kind == LimitKind::yel) {
        if (text) throw InputError("a " + std::string(kind_name(kind)) + " limit takes no rate", "--rate");
        return std::nullopt;
    }
    if (text) {
        Decimal rate;
        try {
            rate = Decimal::parse(*text);
        } catch (const InputError& e) {
            throw InputError(e.what(), "--rate");
        }
        if (rate < Decimal{} || rate > Decimal::from_integer(100))
            throw InputError("must be a percent from 0 to 100, not " + *text, "--rate");
        return rate;
    }
    const BenefitLimits limits = BenefitLimits::load(db);
    if (const auto* before = limits.in_force(benefit, kind, from); before && before->rate_percent) return before->rate_percent;
    if (kind == LimitKind::adjustment)
        throw InputError("give the percent of the excess the benefit falls by: --rate PERCENT (no earlier row to carry it from)",
                         "--rate");
    return std::nullopt;
}

json::object row_json(Statement& q, bool in_force) {
    return json::object{{"id", q.get_int(0)},
                        {"benefit", q.get_text_view(1)},
                        {"kind", q.get_text_view(2)},
                        {"period", q.get_text_view(3)},
                        {"amount", Money::from_cents(q.get_int(4)).to_string()},
                        {"rate_percent", q.is_null(5) ? json::value(nullptr) : json::value(q.get_text_view(5))},
                        {"valid_from", q.get_text_view(6)},
                        {"valid_to", q.is_null(7) ? json::value(nullptr) : json::value(q.get_text_view(7))},
                        {"verified", q.get_int(8) != 0},
                        {"source", q.get_text_view(9)},
                        {"set_by", q.get_text_view(10)},
                        {"set_at", q.get_text_view(11)},
                        {"in_force", in_force}};
}

}  // namespace

json::value limits_command(Context& ctx, const json::object& request) {
    const auto on = params::optional_date(request, "on");
    const auto in_force = ids_in_force(ctx.db(), day_of_text(on.value_or(ctx.clock().today_iso())));
    auto q = ctx.db().prepare(
        "SELECT id, benefit, kind, period, cents, rate_percent, valid_from, valid_to, verified, source, set_by, set_at "
        "FROM benefit_limit ORDER BY benefit, kind, valid_from, id");
    json::array rows;
    while (q.step()) {
        const bool current = in_force.count(q.get_int(0)) > 0;
        if (on && !current) continue;
        rows.push_back(row_json(q, current));
    }
    return json::object{{"on", on ? json::value(*on) : json::value(nullptr)}, {"limits", std::move(rows)}};
}

json::value limit_set_command(Context& ctx, const json::object& request) {
    const std::string benefit = checked_benefit(params::required_string(request, "benefit"));
    const LimitKind kind = checked_kind(benefit, params::required_string(request, "kind"));
    const LimitPeriod period = checked_period(kind, params::required_string(request, "period"));
    const Money amount = checked_amount(params::required_string(request, "amount"));
    const auto from = params::optional_date(request, "from");
    if (!from) throw UsageError("give the first day the limit is in force: --from YYYY-MM-DD", "--from");
    const auto rate = checked_rate(request, benefit, kind, day_of_text(*from), ctx.db());
    const std::string source = params::required_string(request, "source");
    if (source.find_first_not_of(" \t") == std::string::npos)
        throw InputError("say where the limit comes from: --source TEXT (a law, a decision, a web page)", "--source");
    const bool unverified = params::flag(request, "unverified");
    const std::string set_by = std::string(role_name(ctx.role())) + (ctx.unit().empty() ? "" : " of " + ctx.unit());

    std::optional<std::string> rate_text;
    if (rate) rate_text = rate->to_string();
    ctx.db()
        .prepare("INSERT INTO benefit_limit(benefit, kind, period, cents, rate_percent, valid_from, verified, source, set_by, set_at) "
                 "VALUES(?,?,?,?,?,?,?,?,?,?)")
        .bind_all(benefit, std::string(kind_name(kind)), std::string(period_name(period)), amount.cents(), rate_text, *from,
                  unverified ? 0 : 1, source, set_by, ctx.clock().now_iso())
        .run();
    const std::int64_t id = ctx.db().last_insert_id();
    ctx.audit("matching.limit-set", "benefit-limit", benefit + "." + std::string(kind_name(kind)),
              amount.to_string() + " from " + *from);
    if (*from < ctx.clock().today_iso())
        ctx.log().warn("matching limit-set: " + benefit + " " + std::string(kind_name(kind)) + " = " + amount.to_string() +
                       " takes effect from " + *from + ", a day already past: the earnings rules use it from now on for "
                       "earnings on or after that day");
    return json::object{{"id", id},
                        {"benefit", benefit},
                        {"kind", kind_name(kind)},
                        {"period", period_name(period)},
                        {"amount", amount.to_string()},
                        {"rate_percent", rate_text ? json::value(*rate_text) : json::value(nullptr)},
                        {"valid_from", *from},
                        {"verified", !unverified},
                        {"source", source}};
}

}  // namespace jobcenter::matching
