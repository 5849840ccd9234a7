// A client's earnings against the dated limits of their benefits, as `matching earnings` reports them: per
// month and per year (loaded, paid by payroll, planned), each limit in force with its headroom, where planned
// work first crosses it, and for each live gig the limits the earnings rules would find it past. Built only
// from what the rules use (ClientSituation, OwnEarnings, the limit hits), so the two cannot disagree.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "matching/rules/limit_checks.hpp"
#include "matching/rules/rule_names.hpp"

namespace jobcenter::matching {

struct MonthEarnings {
    int month = 0;  // month index
    Money loaded;   // loaded with the client (client_earning)
    Money paid;     // recorded payroll lines
    Money planned;  // live gigs' occurrences not yet paid
    Money total() const { return loaded + paid + planned; }
};

// One period of a limit: the row in force, the earnings it counts and what is left below it.
struct LimitPeriodView {
    int period = 0;  // month index or year
    const BenefitLimit* limit = nullptr;
    Money earnings;
    Money threshold;  // the amount, or for YEL the share of it that warns
    Money headroom;   // limit amount - earnings (negative when past it)
};

// The first planned occurrence, in time order, at which the period's earnings pass the threshold.
struct Crossing {
    int period = 0;
    Day day = 0;
    const GigTime* gig = nullptr;
    Money earnings;  // the period's earnings with that occurrence
    Money threshold;
};

struct LimitView {
    std::string benefit;  // a benefit code, or "commission-income" for YEL
    LimitKind kind = LimitKind::suspension;
    LimitPeriod period = LimitPeriod::month;
    Rule rule = Rule::benefit_limit;  // the rule that reports it
    std::vector<LimitPeriodView> periods;  // of the report's year, where a row is in force
    std::optional<Crossing> crossing;
};

struct GigFinding {
    std::string benefit;
    LimitKind kind = LimitKind::suspension;
    Rule rule = Rule::benefit_limit;
    LimitHit hit;
    Day first_day = 0;  // the gig's first unpaid occurrence in the hit's period
};

struct GigView {
    const GigTime* gig = nullptr;
    int unpaid_occurrences = 0;
    Money planned;  // earnings of those occurrences
    std::vector<GigFinding> findings;
};

struct EarningsReport {
    int year = 0;
    std::vector<MonthEarnings> months;  // the twelve months of the year
    Money yel_income;                   // the year's commission income as YEL counts it
    std::vector<LimitView> limits;
    std::vector<GigView> gigs;  // in gig id order
};

struct ReportInputs {
    const BenefitLimits& limits;
    const WageLookup& wage;
    double yel_warning_share = 0.8;
};

EarningsReport earnings_report(const Client& client, Organisation organisation, const ClientGigs& gigs,
                               const ReportInputs& inputs, Day on);

}  // namespace jobcenter::matching
