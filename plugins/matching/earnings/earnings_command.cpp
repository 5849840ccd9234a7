// Reading one client's earnings, gigs and the dated limits, and the report as JSON (docs/matching-earnings.md).
#include "matching/earnings/earnings_command.hpp"

#include "jobcenter/params.hpp"
#include "matching/commands/matching_data.hpp"
#include "matching/earnings/earnings_report.hpp"
#include "matching/rules/rule_settings.hpp"
#include "matching/store/client_access.hpp"
#include "matching/store/client_store.hpp"

namespace jobcenter::matching {
namespace json = boost::json;
namespace {

std::string period_text(LimitPeriod period, int key) {
    return period == LimitPeriod::month ? month_text(first_day_of_month(key)) : std::to_string(key);
}

json::value optional_day_json(Day day) { return day == 0 ? json::value(nullptr) : json::value(day_text(day)); }

json::array months_json(const EarningsReport& r) {
    json::array out;
    for (const auto& m : r.months)
        out.push_back(json::object{{"month", month_text(first_day_of_month(m.month))},
                                   {"loaded", m.loaded.to_string()},
                                   {"paid", m.paid.to_string()},
                                   {"planned", m.planned.to_string()},
                                   {"total", m.total().to_string()}});
    return out;
}

json::object year_json(const EarningsReport& r) {
    Money loaded, paid, planned;
    for (const auto& m : r.months) {
        loaded += m.loaded;
        paid += m.paid;
        planned += m.planned;
    }
    return json::object{{"year", r.year},
                        {"loaded", loaded.to_string()},
                        {"paid", paid.to_string()},
                        {"planned", planned.to_string()},
                        {"total", (loaded + paid + planned).to_string()},
                        {"yel_income", r.yel_income.to_string()}};
}

// One row per limit and period of the year: the row in force, the earnings it counts and the headroom left.
void add_limit_rows(const LimitView& v, json::array& rows) {
    for (const auto& p : v.periods)
        rows.push_back(json::object{
            {"benefit", v.benefit},
            {"kind", kind_name(v.kind)},
            {"rule", rule_name(v.rule)},
            {"period", period_text(v.period, p.period)},
            {"amount", p.limit->amount.to_string()},
            {"rate_percent", p.limit->rate_percent ? json::value(p.limit->rate_percent->to_string()) : json::value(nullptr)},
            {"threshold", p.threshold.to_string()},
            {"earnings", p.earnings.to_string()},
            {"headroom", p.headroom.to_string()},
            {"verified", p.limit->verified},
            {"source", p.limit->source}});
}

// Where planned work first crosses the limit, if it does.
void add_crossing(const LimitView& v, json::array& rows) {
    if (!v.crossing) return;
    rows.push_back(json::object{{"benefit", v.benefit},
                                {"kind", kind_name(v.kind)},
                                {"rule", rule_name(v.rule)},
                                {"period", period_text(v.period, v.crossing->period)},
                                {"date", day_text(v.crossing->day)},
                                {"gig", v.crossing->gig->gig_id},
                                {"order", v.crossing->gig->order_id},
                                {"earnings", v.crossing->earnings.to_string()},
                                {"threshold", v.crossing->threshold.to_string()}});
}

json::object gig_json(const GigView& g) {
    json::array findings;
    for (const auto& f : g.findings)
        findings.push_back(json::object{
            {"rule", rule_name(f.rule)},
            {"benefit", f.benefit},
            {"kind", kind_name(f.kind)},
            {"period", period_text(period_of_kind(f.kind), f.hit.period)},
            {"date", optional_day_json(f.first_day)},
            {"earnings", f.hit.total.to_string()},
            {"amount", f.hit.limit->amount.to_string()},
            {"effect", f.kind == LimitKind::adjustment || f.kind == LimitKind::review ? json::value(f.hit.effect.to_string()) : json::value(nullptr)},
            {"verified", f.hit.limit->verified}});
    return json::object{{"gig", g.gig->gig_id},
                        {"order", g.gig->order_id},
                        {"status", code_of(g.gig->status)},
                        {"contract", code_of(g.gig->contract)},
                        {"task_type", g.gig->task_type},
                        {"orderer", g.gig->orderer_name},
                        {"unpaid_occurrences", g.unpaid_occurrences},
                        {"planned", g.planned.to_string()},
                        {"would_cross", std::move(findings)}};
}

json::object report_json(const Client& client, Organisation organisation, const std::string& on, double yel_share,
                         const EarningsReport& r) {
    json::array benefits, unemployment;
    for (auto b : client.benefits) {
        benefits.emplace_back(code_of(b));
        if (is_unemployment_benefit(b)) unemployment.emplace_back(code_of(b));
    }
    json::array limits, crossings, gigs;
    for (const auto& v : r.limits) {
        add_limit_rows(v, limits);
        add_crossing(v, crossings);
    }
    for (const auto& g : r.gigs) gigs.push_back(gig_json(g));
    return json::object{{"client", client.id},
                        {"name", client.name},
                        {"unit", client.unit},
                        {"organisation", code_of(organisation)},
                        {"benefits", std::move(benefits)},
                        {"unemployment_benefits", std::move(unemployment)},
                        {"on", on},
                        {"year", r.year},
                        {"yel_warning_share", yel_share},
                        {"months", months_json(r)},
                        {"year_total", year_json(r)},
                        {"limits", std::move(limits)},
                        {"crossings", std::move(crossings)},
                        {"gigs", std::move(gigs)}};
}

}  // namespace

json::value earnings_command(Context& ctx, const json::object& request) {
    const auto id = params::required_string(request, "client");
    const auto unit = client_unit(ctx.db(), id);
    if (!unit) throw NotFoundError("no client '" + id + "'", "CLIENT");
    require_client_access(ctx, id, *unit);
    const std::string on = params::optional_date(request, "on").value_or(ctx.clock().today_iso());
    const auto client = read_client(ctx.db(), id, task_type_codes(ctx.db()));
    const auto organisations = unit_organisations(ctx.db());
    const auto found = organisations.find(*unit);
    const Organisation organisation = found == organisations.end() ? Organisation::other : found->second;
    const ClientGigs gigs = read_gigs_of_client(ctx.db(), id);
    const BenefitLimits limits = BenefitLimits::load(ctx.db());
    const RuleSettings settings = read_rule_settings(ctx.scripts_of(*unit));
    const WageLookup wage = wage_from_pricing(ctx);
    const EarningsReport report = earnings_report(*client, organisation, gigs, {limits, wage, settings.yel_warning_share},
                                                  *parse_day(on));
    ctx.audit("matching.earnings", "client", id, "earnings on " + on);
    return report_json(*client, organisation, on, settings.yel_warning_share, report);
}

}  // namespace jobcenter::matching
