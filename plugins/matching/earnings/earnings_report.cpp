// Building a client's earnings report from the rules' own sums: the situation with every live gig for the
// months, the limits' periods and the first crossing in time order; and for each gig, the situation without it
// and the limit hits the earnings rules would find for it.
#include "matching/earnings/earnings_report.hpp"

#include <algorithm>
#include <functional>

namespace jobcenter::matching {
namespace {

Money at(const std::map<int, Money>& m, int key) {
    auto it = m.find(key);
    return it == m.end() ? Money{} : it->second;
}

Money paid_in_year(const ClientSituation& s, int year) {
    Money sum;
    for (const auto& [month, amount] : s.paid_per_month)
        if (month / 12 == year) sum += amount;
    return sum;
}

Rule rule_of(LimitKind kind) {
    switch (kind) {
        case LimitKind::suspension: return Rule::benefit_limit;
        case LimitKind::adjustment:
        case LimitKind::review: return Rule::benefit_adjustment;
        case LimitKind::yel: return Rule::yel_threshold;
    }
    return Rule::benefit_limit;
}

int period_key(LimitPeriod period, Day day) { return period == LimitPeriod::month ? month_index_of(day) : year_of(day); }

Day first_day_of(LimitPeriod period, int key) {
    return period == LimitPeriod::month ? first_day_of_month(key) : first_day_of_year(key);
}

// How one limit counts: its earnings in a period before planned work, which planned occurrences add to them,
// the threshold in force, and whether earnings have passed it.
struct LimitCount {
    std::function<Money(int period)> base;
    std::function<bool(const PlannedOccurrence&)> counts;
    std::function<Money(int period)> earnings;
    std::function<Money(const BenefitLimit&)> threshold;
    bool at_threshold_passes = false;  // YEL warns at the threshold; the others past it
};

LimitCount count_of(const ClientSituation& all, const std::string& benefit, LimitKind kind, double yel_share) {
    LimitCount c;
    c.threshold = [](const BenefitLimit& limit) { return limit.amount; };
    c.counts = [](const PlannedOccurrence&) { return true; };
    switch (kind) {
        case LimitKind::suspension:
        case LimitKind::adjustment:
            c.base = [&all](int month) { return at(all.paid_per_month, month); };
            c.earnings = [&all](int month) { return month_earnings(all, month); };
            if (kind == LimitKind::adjustment) {
                const auto parsed = parse_code<Benefit>(benefit);
                const bool unemployment = parsed && is_unemployment_benefit(*parsed);
                // Commission work on an unemployment benefit stops the benefit instead (commission-unemployment-benefit).
                if (unemployment) c.counts = [](const PlannedOccurrence& p) { return p.gig->contract != Contract::commission; };
            }
            break;
        case LimitKind::review:
            c.base = [&all](int year) { return paid_in_year(all, year); };
            c.earnings = [&all](int year) { return year_earnings(all, year); };
            break;
        case LimitKind::yel:
            c.base = [&all](int year) { return at(all.yel_paid_per_year, year); };
            c.earnings = [&all](int year) { return yel_income(all, year); };
            c.counts = [](const PlannedOccurrence& p) { return p.gig->contract == Contract::commission; };
            c.threshold = [yel_share](const BenefitLimit& limit) { return yel_warning_amount(limit, yel_share); };
            c.at_threshold_passes = true;
            break;
    }
    return c;
}

bool passes(const LimitCount& c, Money earnings, Money threshold) {
    return c.at_threshold_passes ? earnings >= threshold : earnings > threshold;
}

// The first planned occurrence (in time order, then gig id) at which its period's earnings pass the limit.
std::optional<Crossing> first_crossing(const std::vector<PlannedOccurrence>& planned, const BenefitLimits& limits,
                                       const std::string& benefit, LimitKind kind, const LimitCount& count) {
    const LimitPeriod period = period_of_kind(kind);
    std::map<int, Money> running;
    for (const auto& p : planned) {
        if (!count.counts(p)) continue;
        const int key = period_key(period, p.day);
        const auto* limit = limits.in_force(benefit, kind, first_day_of(period, key));
        if (!limit || (kind == LimitKind::adjustment && !limit->rate_percent)) continue;
        auto [it, fresh] = running.try_emplace(key, Money{});
        if (fresh) it->second = count.base(key);
        it->second += p.earned;
        const Money threshold = count.threshold(*limit);
        if (passes(count, it->second, threshold)) return Crossing{key, p.day, p.gig, it->second, threshold};
    }
    return std::nullopt;
}

LimitView limit_view(const ClientSituation& all, const std::vector<PlannedOccurrence>& planned, const BenefitLimits& limits,
                     const std::string& benefit, LimitKind kind, int year, double yel_share) {
    LimitView view{benefit, kind, period_of_kind(kind), rule_of(kind), {}, std::nullopt};
    const LimitCount count = count_of(all, benefit, kind, yel_share);
    std::vector<int> keys;
    if (view.period == LimitPeriod::year) keys.push_back(year);
    else
        for (int m = 0; m < 12; ++m) keys.push_back(year * 12 + m);
    for (int key : keys) {
        const auto* limit = limits.in_force(benefit, kind, first_day_of(view.period, key));
        if (!limit) continue;
        const Money earnings = count.earnings(key);
        view.periods.push_back({key, limit, earnings, count.threshold(*limit), limit->amount - earnings});
    }
    view.crossing = first_crossing(planned, limits, benefit, kind, count);
    return view;
}

// Every planned occurrence of the client's live gigs, in time order (ties by gig id).
std::vector<PlannedOccurrence> planned_in_time_order(const ClientGigs& gigs, const WageLookup& wage) {
    std::vector<PlannedOccurrence> planned;
    for_each_planned(gigs, "", wage, [&planned](const PlannedOccurrence& p) { planned.push_back(p); });
    std::stable_sort(planned.begin(), planned.end(),
                     [](const PlannedOccurrence& a, const PlannedOccurrence& b) { return a.day < b.day; });
    return planned;
}

// The limits the earnings rules would find the gig past, judged as `matching match` judges its order: the client's
// situation without the gig, and what its unpaid occurrences add.
GigView gig_view(const Client& client, Organisation organisation, const ClientGigs& gigs, const GigTime& gig,
                 const ReportInputs& in) {
    const ClientSituation without = situate_client(client, organisation, &gigs, gig.order_id, in.wage);
    const OrderPlan plan = plan_gig(gig, in.wage);
    const OwnEarnings own(plan, without);
    GigView view{&gig, 0, {}, {}};
    std::vector<Day> unpaid;
    for (const auto& occ : plan.occurrences) {
        const Day day = day_of(occ.start);
        if (!std::binary_search(without.order_days_paid.begin(), without.order_days_paid.end(), day)) unpaid.push_back(day);
    }
    view.unpaid_occurrences = static_cast<int>(unpaid.size());
    for (const auto& [year, earned] : own.per_year()) view.planned += earned;
    auto add = [&](const std::string& benefit, LimitKind kind, const std::optional<LimitHit>& hit) {
        if (!hit) return;
        const LimitPeriod period = period_of_kind(kind);
        auto first = std::find_if(unpaid.begin(), unpaid.end(), [&](Day d) { return period_key(period, d) == hit->period; });
        view.findings.push_back({benefit, kind, rule_of(kind), *hit, first == unpaid.end() ? 0 : *first});
    };
    for (auto benefit : client.benefits) {
        const std::string code(code_of(benefit));
        add(code, LimitKind::suspension, suspension_hit(without, own, in.limits, benefit));
        add(code, LimitKind::adjustment, adjustment_hit(without, own, in.limits, benefit));
        add(code, LimitKind::review, review_hit(without, own, in.limits, benefit));
    }
    add("commission-income", LimitKind::yel, yel_hit(without, own, in.limits, in.yel_warning_share));
    return view;
}

}  // namespace

EarningsReport earnings_report(const Client& client, Organisation organisation, const ClientGigs& gigs,
                               const ReportInputs& in, Day on) {
    EarningsReport report;
    report.year = year_of(on);
    const ClientSituation all = situate_client(client, organisation, &gigs, "", in.wage);
    for (int m = 0; m < 12; ++m) {
        const int month = report.year * 12 + m;
        const Money payroll = at(all.payroll_per_month, month);
        report.months.push_back({month, at(all.paid_per_month, month) - payroll, payroll, at(all.planned_per_month, month)});
    }
    report.yel_income = yel_income(all, report.year);
    const auto planned = planned_in_time_order(gigs, in.wage);
    auto add_limit = [&](const std::string& benefit, LimitKind kind) {
        LimitView view = limit_view(all, planned, in.limits, benefit, kind, report.year, in.yel_warning_share);
        if (!view.periods.empty() || view.crossing) report.limits.push_back(std::move(view));
    };
    for (auto benefit : client.benefits)
        for (auto kind : {LimitKind::suspension, LimitKind::adjustment, LimitKind::review}) add_limit(std::string(code_of(benefit)), kind);
    add_limit("commission-income", LimitKind::yel);
    for (const auto& gig : gigs.live) report.gigs.push_back(gig_view(client, organisation, gigs, gig, in));
    return report;
}

}  // namespace jobcenter::matching
