// The one computation of a client's projected earnings against each dated limit kind: the earnings a limit
// counts in a period (paid, planned, YEL income), what an order adds, and where the sum meets the limit. The
// earnings rules word these hits as findings; `matching earnings` reports them per gig and per limit, so the
// rules and the report cannot disagree.
#pragma once

#include <map>
#include <optional>

#include "jobcenter/money.hpp"
#include "matching/rules/benefit_limits.hpp"
#include "matching/rules/situation.hpp"

namespace jobcenter::matching {

// What an order adds to one client's earnings: the plan's occurrences, less those of the client's own gig on it
// that payroll has paid already (they count as paid).
class OwnEarnings {
public:
    OwnEarnings(const OrderPlan& plan, const ClientSituation& situation);
    const std::map<int, Money>& per_month() const { return reduced_ ? month_ : plan_.earnings_per_month; }
    const std::map<int, Money>& per_year() const { return reduced_ ? year_ : plan_.earnings_per_year; }
    Contract contract() const { return plan_.contract; }

private:
    const OrderPlan& plan_;
    bool reduced_ = false;
    std::map<int, Money> month_;
    std::map<int, Money> year_;
};

// The earnings a month's limits count: paid so far plus the live gigs' occurrences not yet paid.
Money month_earnings(const ClientSituation& s, int month_index);
// The same over a year.
Money year_earnings(const ClientSituation& s, int year);
// The income of a year that YEL counts: loaded earnings, commission payroll lines and live commission gigs.
Money yel_income(const ClientSituation& s, int year);
// The YEL warning threshold: `share` of the minimum, rounded half up to the cent.
Money yel_warning_amount(const BenefitLimit& minimum, double share);

// Where the order meets a limit: the first period of the order in which it does.
struct LimitHit {
    const BenefitLimit* limit = nullptr;
    int period = 0;   // a month index for a monthly limit, the year for a yearly one
    Money paid;       // paid in the period (monthly limits)
    Money planned;    // other gigs' planned earnings in the period (monthly limits)
    Money counted;    // everything the limit counts in the period besides the order
    Money own;        // the order's earnings in the period
    Money total;      // counted + own
    Money effect;     // adjustment and review: the estimated fall of the benefit
};

// Earnings past a limit that suspends the benefit (total above the amount).
std::optional<LimitHit> suspension_hit(const ClientSituation& s, const OwnEarnings& own, const BenefitLimits& limits,
                                       Benefit benefit);
// Earnings past a protected amount that reduce the benefit by the limit's percent of the excess. None for a
// commission order and an unemployment benefit: that is excluded outright (commission-unemployment-benefit).
std::optional<LimitHit> adjustment_hit(const ClientSituation& s, const OwnEarnings& own, const BenefitLimits& limits,
                                       Benefit benefit);
// A year's earnings past the rise that brings the benefit's review.
std::optional<LimitHit> review_hit(const ClientSituation& s, const OwnEarnings& own, const BenefitLimits& limits,
                                   Benefit benefit);
// A commission order's year reaching `share` of the YEL minimum.
std::optional<LimitHit> yel_hit(const ClientSituation& s, const OwnEarnings& own, const BenefitLimits& limits, double share);

}  // namespace jobcenter::matching
