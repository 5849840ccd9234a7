// Adding priced lines up.
#include "pricing/prices/line_totals.hpp"

namespace jobcenter::pricing {

void LineSums::add(const PricedLine& line) {
    minutes += line.work.minutes;
    amount += line.amount;
    discount += line.discount;
    net += line.net;
    pay += line.pay;
    side_costs += line.side_costs;
    service_costs += line.service_costs;
    vat += line.vat;
    gross += line.gross;
}

void LineTotals::add(const PricedLine& line) {
    all.add(line);
    auto& rate = by_vat_rate[line.vat_percent];
    rate.net += line.net;
    rate.vat += line.vat;
    rate.gross += line.gross;
}

}  // namespace jobcenter::pricing
