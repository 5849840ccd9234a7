// Computing an order's plan and a client's situation for the rules.
#include "matching/rules/situation.hpp"

namespace jobcenter::matching {

Money earnings_of(int minutes, Money hourly) { return hourly.times_fraction(minutes, 60); }

OrderPlan plan_order(const Order& order, const WageLookup& wage) {
    OrderPlan plan;
    plan.order = &order;
    plan.occurrences = order.occurrences();
    for (const auto& occ : plan.occurrences) {
        const Day day = day_of(occ.start);
        const int minutes = static_cast<int>(occ.end - occ.start);
        plan.minutes_per_week[week_of(day)] += minutes;
        const Money earned = earnings_of(minutes, wage(order.contract, day));
        plan.earnings_per_month[month_index_of(day)] += earned;
        plan.earnings_per_year[year_of(day)] += earned;
    }
    return plan;
}

ClientSituation situate_client(const Client& client, Organisation organisation, const ClientGigs* gigs,
                               const std::string& except_order, const WageLookup& wage) {
    ClientSituation s;
    s.client = &client;
    s.organisation = organisation;
    for (const auto& e : client.earnings) s.paid_per_month[month_index_of(e.month)] += e.amount;
    if (!gigs) return s;
    s.completed_gigs = gigs->completed;
    for (const auto& g : gigs->live) {
        if (g.order_id == except_order) continue;
        s.gigs.push_back(&g);
        for (const auto& occ : g.occurrences) {
            const Day day = day_of(occ.start);
            const int minutes = static_cast<int>(occ.end - occ.start);
            s.booked_minutes_per_week[week_of(day)] += minutes;
            const Money earned = earnings_of(minutes, wage(g.contract, day));
            s.planned_per_month[month_index_of(day)] += earned;
            if (g.contract == Contract::commission) s.planned_commission_per_year[year_of(day)] += earned;
        }
    }
    return s;
}

}  // namespace jobcenter::matching
