// One piece of work priced to the cent: what the orderer pays for it (with the unit's coefficient and
// discount, and the VAT in force on the day of work) and how that net splits into the worker's pay, side
// costs and service costs. The rounding rule (README, docs/pricing.md): every amount is rounded half up to
// the cent once, on its own line, and totals are sums of lines.
#pragma once

#include <cstdint>
#include <string>

#include "jobcenter/money.hpp"
#include "pricing/figures/figure_book.hpp"
#include "pricing/prices/contract.hpp"

namespace jobcenter::pricing {

struct WorkItem {
    std::string date;  // the day the work is done, YYYY-MM-DD
    Contract contract = Contract::commission;
    std::int64_t minutes = 0;  // negative for a correction that takes hours back
};

// What the unit's pricing script sets for the work (pricing/prices/unit_terms.hpp).
struct PriceTerms {
    Decimal coefficient;
    Decimal discount_percent;
};

struct PricedLine {
    WorkItem work;
    Money wage;              // the hourly wage in force
    Decimal coefficient;
    Money unit_price;        // hourly price before discount: wage x coefficient
    Money amount;            // unit_price x hours
    Decimal discount_percent;
    Money discount;          // amount x discount %
    Money net;               // amount - discount: what VAT is charged on
    Money pay;               // the worker's gross pay for the hours: wage x hours
    Money side_costs;        // employment: the side-cost rate x hours; commission: none
    Money service_costs;     // net - pay - side_costs: what is left for the service
    Decimal vat_percent;
    Money vat;               // net x VAT %
    Money gross;             // net + vat
};

// The figures a line of one contract on one day is priced with, and the unit's coefficient for it.
struct DayRates {
    Money wage;              // hourly
    Decimal coefficient;
    Money side_cost_rate;    // hourly; none for a commission contract
    Decimal vat_percent;
};

DayRates rates_on(const FigureBook& figures, Contract contract, std::string_view date, Decimal coefficient);

PricedLine price_work(const DayRates& rates, const WorkItem& work, Decimal discount_percent);
PricedLine price_work(const FigureBook& figures, const WorkItem& work, const PriceTerms& terms);

// `rate` (per hour) x minutes / 60, rounded half up to the cent.
Money for_minutes(Money rate, std::int64_t minutes);

}  // namespace jobcenter::pricing
