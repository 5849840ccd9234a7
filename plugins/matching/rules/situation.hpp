// What the rules need to know of an order and of a client, computed once per command: the order's
// occurrences, minutes per week and earnings per month and year; the client's organisation, booked minutes
// per week, and earnings paid and planned per month.
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
    const Order* order = nullptr;
    std::vector<Occurrence> occurrences;
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
    std::map<int, Money> paid_per_month;     // earnings so far
    std::map<int, Money> planned_per_month;  // live gigs not yet paid
    std::map<int, Money> planned_commission_per_year;  // the commission gigs among them, by year (YEL income)
};

OrderPlan plan_order(const Order& order, const WageLookup& wage);
// The client's situation, leaving out gigs on `except_order` (the order being matched).
ClientSituation situate_client(const Client& client, Organisation organisation, const ClientGigs* gigs,
                               const std::string& except_order, const WageLookup& wage);

// Earnings of `minutes` at the hourly wage, rounded half up to the cent.
Money earnings_of(int minutes, Money hourly);

}  // namespace jobcenter::matching
