// Projected earnings against the dated limits: the sums each limit kind counts, and the first period of an
// order in which the client's earnings meet the limit.
#include "matching/rules/limit_checks.hpp"

#include <algorithm>

namespace jobcenter::matching {
namespace {

Money at(const std::map<int, Money>& m, int key) {
    auto it = m.find(key);
    return it == m.end() ? Money{} : it->second;
}

Money excess_over(Money earnings, Money limit) { return earnings > limit ? earnings - limit : Money{}; }

// A monthly limit counts what was paid in the month and the other gigs planned in it.
LimitHit monthly_hit(const ClientSituation& s, const BenefitLimit* limit, int month, Money own) {
    LimitHit hit;
    hit.limit = limit;
    hit.period = month;
    hit.paid = at(s.paid_per_month, month);
    hit.planned = at(s.planned_per_month, month);
    hit.counted = hit.paid + hit.planned;
    hit.own = own;
    hit.total = hit.counted + own;
    return hit;
}

LimitHit yearly_hit(const BenefitLimit* limit, int year, Money counted, Money own) {
    LimitHit hit;
    hit.limit = limit;
    hit.period = year;
    hit.counted = counted;
    hit.own = own;
    hit.total = counted + own;
    return hit;
}

}  // namespace

OwnEarnings::OwnEarnings(const OrderPlan& plan, const ClientSituation& situation) : plan_(plan) {
    if (situation.order_days_paid.empty()) return;
    reduced_ = true;
    const auto& paid = situation.order_days_paid;
    for (std::size_t i = 0; i < plan.occurrences.size(); ++i) {
        const Day day = day_of(plan.occurrences[i].start);
        if (std::binary_search(paid.begin(), paid.end(), day)) continue;
        month_[month_index_of(day)] += plan.occurrence_earnings[i];
        year_[year_of(day)] += plan.occurrence_earnings[i];
    }
}

Money month_earnings(const ClientSituation& s, int month_index) {
    return at(s.paid_per_month, month_index) + at(s.planned_per_month, month_index);
}

Money year_earnings(const ClientSituation& s, int year) {
    Money sum;
    for (const auto& [month, amount] : s.paid_per_month)
        if (month / 12 == year) sum += amount;
    for (const auto& [month, amount] : s.planned_per_month)
        if (month / 12 == year) sum += amount;
    return sum;
}

Money yel_income(const ClientSituation& s, int year) {
    return at(s.yel_paid_per_year, year) + at(s.planned_commission_per_year, year);
}

Money yel_warning_amount(const BenefitLimit& minimum, double share) {
    return minimum.amount.times(Decimal::from_double(share));
}

std::optional<LimitHit> suspension_hit(const ClientSituation& s, const OwnEarnings& own, const BenefitLimits& limits,
                                       Benefit benefit) {
    for (const auto& [month, earned] : own.per_month()) {
        const auto* limit = limits.in_force(code_of(benefit), LimitKind::suspension, first_day_of_month(month));
        if (!limit) continue;
        const LimitHit hit = monthly_hit(s, limit, month, earned);
        if (hit.total > limit->amount) return hit;
    }
    return std::nullopt;
}

std::optional<LimitHit> adjustment_hit(const ClientSituation& s, const OwnEarnings& own, const BenefitLimits& limits,
                                       Benefit benefit) {
    if (is_unemployment_benefit(benefit) && own.contract() == Contract::commission) return std::nullopt;
    for (const auto& [month, earned] : own.per_month()) {
        const auto* limit = limits.in_force(code_of(benefit), LimitKind::adjustment, first_day_of_month(month));
        if (!limit || !limit->rate_percent) continue;
        LimitHit hit = monthly_hit(s, limit, month, earned);
        hit.effect = (excess_over(hit.total, limit->amount) - excess_over(hit.counted, limit->amount)).percent(*limit->rate_percent);
        if (hit.effect > Money{}) return hit;
    }
    return std::nullopt;
}

std::optional<LimitHit> review_hit(const ClientSituation& s, const OwnEarnings& own, const BenefitLimits& limits,
                                   Benefit benefit) {
    for (const auto& [year, earned] : own.per_year()) {
        const auto* limit = limits.in_force(code_of(benefit), LimitKind::review, first_day_of_year(year));
        if (!limit) continue;
        LimitHit hit = yearly_hit(limit, year, year_earnings(s, year), earned);
        if (hit.total <= limit->amount) continue;
        if (limit->rate_percent) hit.effect = (hit.total - limit->amount).percent(*limit->rate_percent);
        return hit;
    }
    return std::nullopt;
}

std::optional<LimitHit> yel_hit(const ClientSituation& s, const OwnEarnings& own, const BenefitLimits& limits, double share) {
    if (own.contract() != Contract::commission) return std::nullopt;
    for (const auto& [year, earned] : own.per_year()) {
        const auto* limit = limits.in_force("commission-income", LimitKind::yel, first_day_of_year(year));
        if (!limit) continue;
        const LimitHit hit = yearly_hit(limit, year, yel_income(s, year), earned);
        if (hit.total >= yel_warning_amount(*limit, share)) return hit;
    }
    return std::nullopt;
}

}  // namespace jobcenter::matching
