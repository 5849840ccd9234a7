// What the rules need to know of an order and of a client, computed once per command: the order's
// occurrences, minutes per week and earnings per month and year; the client's organisation, booked minutes
// per week, and earnings paid (loaded and recorded by payroll) and planned (live gigs' occurrences not yet
// paid) per month. The earnings report (`matching earnings`) reads the same figures.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "jobcenter/money.hpp"
#include "matching/model/client.hpp"
#include "matching/model/order.hpp"
#include "matching/store/gig_times.hpp"

namespace jobcenter::matching {

// The worker's hourly wage for a contract on a day (dated data, from the pricing plugin).
using WageLookup = std::function<Money(Contract, Day)>;

struct OrderPlan {
    const Order* order = nullptr;  // none for a gig's plan
    Contract contract = Contract::commission;
    std::vector<Occurrence> occurrences;
    std::vector<Money> occurrence_earnings;  // one per occurrence, at the wage of its day
    std::map<Week, int> minutes_per_week;
    std::map<int, Money> earnings_per_month;  // by month index (year * 12 + month - 1)
    std::map<int, Money> earnings_per_year;
};

struct ClientSituation {
    const Client* client = nullptr;
    Organisation organisation = Organisation::other;
    std::vector<const GigTime*> gigs;  // live gigs on other orders
    int completed_gigs = 0;
    std::map<Week, int> booked_minutes_per_week;
    std::map<int, Money> paid_per_month;      // earnings loaded plus payroll lines recorded, by month of the work
    std::map<int, Money> payroll_per_month;   // the payroll lines among them
    std::map<int, Money> yel_paid_per_year;   // what YEL counts of them: loaded earnings and commission payroll lines
    std::map<int, Money> planned_per_month;   // live gigs' occurrences not yet paid
    std::map<int, Money> planned_commission_per_year;  // the commission gigs among them, by year (YEL income)
    std::vector<Day> order_days_paid;  // the days of the client's own gig on the order being judged that are paid
};

// One occurrence of a live gig that payroll has not paid, with its earnings at the wage of its day.
struct PlannedOccurrence {
    const GigTime* gig = nullptr;
    Day day = 0;
    int minutes = 0;
    Money earned;
};

OrderPlan plan_order(const Order& order, const WageLookup& wage);
// The same plan of a client's gig (the occurrences of its order), for the earnings report.
OrderPlan plan_gig(const GigTime& gig, const WageLookup& wage);
// The client's situation, leaving out gigs on `except_order` (the order being matched).
ClientSituation situate_client(const Client& client, Organisation organisation, const ClientGigs* gigs,
                               const std::string& except_order, const WageLookup& wage);

// Calls `visit(PlannedOccurrence)` for each occurrence of the client's live gigs not on `except_order` that no
// payroll line has paid, in gig id then time order: what situate_client counts as planned.
template <class Visit>
void for_each_planned(const ClientGigs& gigs, const std::string& except_order, const WageLookup& wage, Visit&& visit);

// Earnings of `minutes` at the hourly wage, rounded half up to the cent.
Money earnings_of(int minutes, Money hourly);

// True when payroll recorded a line for the gig's occurrence on `day` (`paid` sorted by gig and day).
bool is_paid(const std::vector<PaidOccurrence>& paid, std::int64_t gig_id, Day day);

template <class Visit>
void for_each_planned(const ClientGigs& gigs, const std::string& except_order, const WageLookup& wage, Visit&& visit) {
    for (const auto& g : gigs.live) {
        if (g.order_id == except_order) continue;
        for (const auto& occ : g.occurrences) {
            const Day day = day_of(occ.start);
            if (is_paid(gigs.paid, g.gig_id, day)) continue;
            const int minutes = static_cast<int>(occ.end - occ.start);
            visit(PlannedOccurrence{&g, day, minutes, earnings_of(minutes, wage(g.contract, day))});
        }
    }
}

}  // namespace jobcenter::matching
