// Computing an order's plan and a client's situation for the rules.
#include "matching/rules/situation.hpp"

#include <algorithm>

namespace jobcenter::matching {
namespace {

// Loaded earnings count in their month, and for YEL in their year (their contract is not recorded).
void count_loaded(const Client& client, ClientSituation& s) {
    for (const auto& e : client.earnings) {
        s.paid_per_month[month_index_of(e.month)] += e.amount;
        s.yel_paid_per_year[year_of(e.month)] += e.amount;
    }
}

// Payroll lines count in the month of the day worked; YEL counts the commission ones only.
void count_payroll(const ClientGigs& gigs, const std::string& except_order, ClientSituation& s) {
    for (const auto& p : gigs.paid) {
        s.paid_per_month[month_index_of(p.day)] += p.gross;
        s.payroll_per_month[month_index_of(p.day)] += p.gross;
        if (p.contract == Contract::commission) s.yel_paid_per_year[year_of(p.day)] += p.gross;
    }
    for (const auto& g : gigs.live) {
        if (g.order_id != except_order) continue;
        for (const auto& p : gigs.paid)
            if (p.gig_id == g.gig_id) s.order_days_paid.push_back(p.day);
    }
    std::sort(s.order_days_paid.begin(), s.order_days_paid.end());
    s.order_days_paid.erase(std::unique(s.order_days_paid.begin(), s.order_days_paid.end()), s.order_days_paid.end());
}

OrderPlan plan_occurrences(std::vector<Occurrence> occurrences, Contract contract, const WageLookup& wage) {
    OrderPlan plan;
    plan.contract = contract;
    plan.occurrences = std::move(occurrences);
    plan.occurrence_earnings.reserve(plan.occurrences.size());
    for (const auto& occ : plan.occurrences) {
        const Day day = day_of(occ.start);
        const int minutes = static_cast<int>(occ.end - occ.start);
        plan.minutes_per_week[week_of(day)] += minutes;
        const Money earned = earnings_of(minutes, wage(contract, day));
        plan.occurrence_earnings.push_back(earned);
        plan.earnings_per_month[month_index_of(day)] += earned;
        plan.earnings_per_year[year_of(day)] += earned;
    }
    return plan;
}

}  // namespace

Money earnings_of(int minutes, Money hourly) { return hourly.times_fraction(minutes, 60); }

bool is_paid(const std::vector<PaidOccurrence>& paid, std::int64_t gig_id, Day day) {
    return std::binary_search(paid.begin(), paid.end(), PaidOccurrence{gig_id, day, {}, {}},
                              [](const PaidOccurrence& a, const PaidOccurrence& b) {
                                  return a.gig_id != b.gig_id ? a.gig_id < b.gig_id : a.day < b.day;
                              });
}

OrderPlan plan_order(const Order& order, const WageLookup& wage) {
    OrderPlan plan = plan_occurrences(order.occurrences(), order.contract, wage);
    plan.order = &order;
    return plan;
}

OrderPlan plan_gig(const GigTime& gig, const WageLookup& wage) { return plan_occurrences(gig.occurrences, gig.contract, wage); }

ClientSituation situate_client(const Client& client, Organisation organisation, const ClientGigs* gigs,
                               const std::string& except_order, const WageLookup& wage) {
    ClientSituation s;
    s.client = &client;
    s.organisation = organisation;
    count_loaded(client, s);
    if (!gigs) return s;
    s.completed_gigs = gigs->completed;
    count_payroll(*gigs, except_order, s);
    for (const auto& g : gigs->live) {
        if (g.order_id == except_order) continue;
        s.gigs.push_back(&g);
        for (const auto& occ : g.occurrences)
            s.booked_minutes_per_week[week_of(day_of(occ.start))] += static_cast<int>(occ.end - occ.start);
    }
    for_each_planned(*gigs, except_order, wage, [&s](const PlannedOccurrence& p) {
        s.planned_per_month[month_index_of(p.day)] += p.earned;
        if (p.gig->contract == Contract::commission) s.planned_commission_per_year[year_of(p.day)] += p.earned;
    });
    return s;
}

}  // namespace jobcenter::matching
