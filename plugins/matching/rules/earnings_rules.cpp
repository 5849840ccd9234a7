// Earnings rules (DOMAIN.md 5.8, 9 P3-P4; RATES.md A4-A5; 10.2 L6, 10.3 C10): the order's earnings with the
// earnings so far and the client's other gigs, against the dated limits of the client's benefits: a limit
// past which a benefit is suspended (benefit-limit), earnings that reduce a benefit or bring its review
// (benefit-adjustment), and yearly commission income nearing the YEL minimum (yel-threshold).
#include "matching/rules/evaluate.hpp"

namespace jobcenter::matching {
namespace {

Money at(const std::map<int, Money>& m, int key) {
    auto it = m.find(key);
    return it == m.end() ? Money{} : it->second;
}

std::string month_label(int month_index) { return month_text(first_day_of_month(month_index)); }

std::string unverified_note(const BenefitLimit& limit) {
    return limit.verified ? "" : " (UNVERIFIED: " + limit.source + ")";
}

void check_suspension(const ClientSituation& s, const OrderPlan& plan, const BenefitLimits& limits, Findings& out) {
    for (auto benefit : s.client->benefits) {
        for (const auto& [month, own] : plan.earnings_per_month) {
            const auto* limit = limits.in_force(code_of(benefit), LimitKind::suspension, first_day_of_month(month));
            if (!limit) continue;
            const Money paid = at(s.paid_per_month, month), planned = at(s.planned_per_month, month);
            const Money total = paid + planned + own;
            if (total <= limit->amount) continue;
            out.add(Rule::benefit_limit, [&]() -> std::string { return std::string(code_of(benefit)) + ": " + month_label(month) + " projected " +
                                             total.to_display_fi() + " (paid " + paid.to_display_fi() + ", other gigs " +
                                             planned.to_display_fi() + ", this order " + own.to_display_fi() +
                                             "), past the earnings limit " + limit->amount.to_display_fi() +
                                             "/month past which the benefit is suspended" + unverified_note(*limit); });
            return;
        }
    }
}

void check_monthly_adjustment(const ClientSituation& s, const OrderPlan& plan, const BenefitLimits& limits, Benefit benefit,
                              Findings& out) {
    if (is_unemployment_benefit(benefit) && plan.order->contract == Contract::commission) return;  // excluded outright
    for (const auto& [month, own] : plan.earnings_per_month) {
        const auto* limit = limits.in_force(code_of(benefit), LimitKind::adjustment, first_day_of_month(month));
        if (!limit || !limit->rate_percent) continue;
        const Money before = at(s.paid_per_month, month) + at(s.planned_per_month, month);
        const Money excess_before = before > limit->amount ? before - limit->amount : Money{};
        const Money after = before + own;
        const Money excess_after = after > limit->amount ? after - limit->amount : Money{};
        const Money reduction = (excess_after - excess_before).percent(*limit->rate_percent);
        if (reduction <= Money{}) continue;
        const std::string protected_text = limit->amount == Money{} ? "no protected amount"
                                                                    : limit->amount.to_display_fi() + "/month protected";
        out.add(Rule::benefit_adjustment, [&]() -> std::string { return std::string(code_of(benefit)) + ": about −" + reduction.to_display_fi() + " in " +
                                              month_label(month) + " (" + limit->rate_percent->to_string() +
                                              " % of earnings past the protected amount; " + protected_text + ")" +
                                              unverified_note(*limit); });
        return;
    }
}

Money paid_in_year(const ClientSituation& s, int year) {
    Money sum;
    for (const auto& [month, amount] : s.paid_per_month)
        if (month / 12 == year) sum += amount;
    for (const auto& [month, amount] : s.planned_per_month)
        if (month / 12 == year) sum += amount;
    return sum;
}

void check_yearly_review(const ClientSituation& s, const OrderPlan& plan, const BenefitLimits& limits, Benefit benefit,
                         Findings& out) {
    for (const auto& [year, own] : plan.earnings_per_year) {
        const auto* limit = limits.in_force(code_of(benefit), LimitKind::review, first_day_of_year(year));
        if (!limit) continue;
        const Money total = paid_in_year(s, year) + own;
        if (total <= limit->amount) continue;
        std::string effect;
        if (limit->rate_percent)
            effect = "; the allowance may fall by about " + limit->rate_percent->to_string() + " % of the excess (" +
                     (total - limit->amount).percent(*limit->rate_percent).to_display_fi() + " a year)";
        out.add(Rule::benefit_adjustment, [&]() -> std::string { return std::string(code_of(benefit)) + ": earnings in " + std::to_string(year) +
                                              " would reach " + total.to_display_fi() + ", past the rise of " +
                                              limit->amount.to_display_fi() + " a year that brings Kela's yearly review" +
                                              effect + unverified_note(*limit); });
        return;
    }
}

// The income of a year that YEL counts: the earnings paid so far (their contract is not recorded, so all of
// them) and the live commission gigs; employment income is insured under TyEL, not YEL.
Money commission_income_in_year(const ClientSituation& s, int year) {
    Money sum = at(s.planned_commission_per_year, year);
    for (const auto& [month, amount] : s.paid_per_month)
        if (month / 12 == year) sum += amount;
    return sum;
}

void check_yel(const ClientSituation& s, const OrderPlan& plan, const BenefitLimits& limits, Findings& out) {
    if (plan.order->contract != Contract::commission || !out.wanted(Rule::yel_threshold)) return;
    for (const auto& [year, own] : plan.earnings_per_year) {
        const auto* limit = limits.in_force("commission-income", LimitKind::yel, first_day_of_year(year));
        if (!limit) continue;
        const Money total = commission_income_in_year(s, year) + own;
        const Money threshold = limit->amount.times(Decimal::from_double(out.settings().yel_warning_share));
        if (total < threshold) continue;
        out.add(Rule::yel_threshold, [&]() -> std::string { return "income in " + std::to_string(year) + " would reach " + total.to_display_fi() +
                                         " against the YEL minimum " + limit->amount.to_display_fi() +
                                         " a year, past which a commission worker must take YEL insurance" +
                                         unverified_note(*limit); });
        return;
    }
}

}  // namespace

void check_earnings(const ClientSituation& s, const OrderPlan& plan, const BenefitLimits& limits, Findings& out) {
    check_suspension(s, plan, limits, out);
    if (out.wanted(Rule::benefit_adjustment))
        for (auto benefit : s.client->benefits) {
            check_monthly_adjustment(s, plan, limits, benefit, out);
            check_yearly_review(s, plan, limits, benefit, out);
        }
    check_yel(s, plan, limits, out);
}

}  // namespace jobcenter::matching
