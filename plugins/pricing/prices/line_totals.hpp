// Sums of priced lines: every amount summed exactly (totals are sums of lines, never re-rounded), and the net,
// VAT and gross per VAT rate. LineSums is also the amounts of one payroll line and what earlier lines of an
// occurrence add up to (an adjustment is the price now minus those).
#pragma once

#include <cstdint>
#include <map>

#include "pricing/prices/price_line.hpp"

namespace jobcenter::pricing {

struct LineSums {
    std::int64_t minutes = 0;
    Money amount, discount, net, pay, side_costs, service_costs, vat, gross;

    static LineSums of(const PricedLine& line);
    void add(const PricedLine& line) { *this += of(line); }
    LineSums& operator+=(const LineSums& o);
    friend LineSums operator-(LineSums a, const LineSums& b);
    bool operator==(const LineSums&) const = default;
};

struct VatSums {
    Money net, vat, gross;
};

struct LineTotals {
    LineSums all;
    std::map<Decimal, VatSums> by_vat_rate;  // ascending rate

    void add(const PricedLine& line);
};

}  // namespace jobcenter::pricing
