// Earnings rules (DOMAIN.md 5.8, 9 P3-P4; RATES.md A4-A5; 10.2 L6, 10.3 C10): the order's earnings with the
// earnings so far and the client's other gigs, against the dated limits of the client's benefits: a limit
// past which a benefit is suspended (benefit-limit), earnings that reduce a benefit or bring its review
// (benefit-adjustment), and yearly commission income nearing the YEL minimum (yel-threshold). The sums and
// comparisons are limit_checks'; this file words them.
#include "matching/rules/evaluate.hpp"
#include "matching/rules/limit_checks.hpp"

namespace jobcenter::matching {
namespace {

std::string month_label(int month_index) { return month_text(first_day_of_month(month_index)); }

std::string unverified_note(const BenefitLimit& limit) {
    return limit.verified ? "" : " (UNVERIFIED: " + limit.source + ")";
}

void check_suspension(const ClientSituation& s, const OwnEarnings& own, const BenefitLimits& limits, Findings& out) {
    for (auto benefit : s.client->benefits) {
        const auto hit = suspension_hit(s, own, limits, benefit);
        if (!hit) continue;
        out.add(Rule::benefit_limit, [&]() -> std::string { return std::string(code_of(benefit)) + ": " + month_label(hit->period) + " projected " +
                                         hit->total.to_display_fi() + " (paid " + hit->paid.to_display_fi() + ", other gigs " +
                                         hit->planned.to_display_fi() + ", this order " + hit->own.to_display_fi() +
                                         "), past the earnings limit " + hit->limit->amount.to_display_fi() +
                                         "/month past which the benefit is suspended" + unverified_note(*hit->limit); });
        return;
    }
}

void check_monthly_adjustment(const ClientSituation& s, const OwnEarnings& own, const BenefitLimits& limits, Benefit benefit,
                              Findings& out) {
    const auto hit = adjustment_hit(s, own, limits, benefit);
    if (!hit) return;
    const BenefitLimit& limit = *hit->limit;
    const std::string protected_text = limit.amount == Money{} ? "no protected amount"
                                                               : limit.amount.to_display_fi() + "/month protected";
    out.add(Rule::benefit_adjustment, [&]() -> std::string { return std::string(code_of(benefit)) + ": about −" + hit->effect.to_display_fi() + " in " +
                                          month_label(hit->period) + " (" + limit.rate_percent->to_string() +
                                          " % of earnings past the protected amount; " + protected_text + ")" +
                                          unverified_note(limit); });
}

void check_yearly_review(const ClientSituation& s, const OwnEarnings& own, const BenefitLimits& limits, Benefit benefit,
                         Findings& out) {
    const auto hit = review_hit(s, own, limits, benefit);
    if (!hit) return;
    const BenefitLimit& limit = *hit->limit;
    std::string effect;
    if (limit.rate_percent)
        effect = "; the allowance may fall by about " + limit.rate_percent->to_string() + " % of the excess (" +
                 hit->effect.to_display_fi() + " a year)";
    out.add(Rule::benefit_adjustment, [&]() -> std::string { return std::string(code_of(benefit)) + ": earnings in " + std::to_string(hit->period) +
                                          " would reach " + hit->total.to_display_fi() + ", past the rise of " +
                                          limit.amount.to_display_fi() + " a year that brings Kela's yearly review" +
                                          effect + unverified_note(limit); });
}

void check_yel(const ClientSituation& s, const OwnEarnings& own, const BenefitLimits& limits, Findings& out) {
    if (own.contract() != Contract::commission || !out.wanted(Rule::yel_threshold)) return;
    const auto hit = yel_hit(s, own, limits, out.settings().yel_warning_share);
    if (!hit) return;
    out.add(Rule::yel_threshold, [&]() -> std::string { return "income in " + std::to_string(hit->period) + " would reach " + hit->total.to_display_fi() +
                                     " against the YEL minimum " + hit->limit->amount.to_display_fi() +
                                     " a year, past which a commission worker must take YEL insurance" +
                                     unverified_note(*hit->limit); });
}

}  // namespace

void check_earnings(const ClientSituation& s, const OrderPlan& plan, const BenefitLimits& limits, Findings& out) {
    const OwnEarnings own(plan, s);
    check_suspension(s, own, limits, out);
    if (out.wanted(Rule::benefit_adjustment))
        for (auto benefit : s.client->benefits) {
            check_monthly_adjustment(s, own, limits, benefit, out);
            check_yearly_review(s, own, limits, benefit, out);
        }
    check_yel(s, own, limits, out);
}

}  // namespace jobcenter::matching
