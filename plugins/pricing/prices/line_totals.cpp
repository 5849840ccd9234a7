// Adding priced lines up.
#include "pricing/prices/line_totals.hpp"

namespace jobcenter::pricing {

LineSums LineSums::of(const PricedLine& line) {
    return {line.work.minutes, line.amount, line.discount, line.net, line.pay, line.side_costs, line.service_costs,
            line.vat, line.gross};
}

LineSums& LineSums::operator+=(const LineSums& o) {
    minutes += o.minutes;
    amount += o.amount;
    discount += o.discount;
    net += o.net;
    pay += o.pay;
    side_costs += o.side_costs;
    service_costs += o.service_costs;
    vat += o.vat;
    gross += o.gross;
    return *this;
}

LineSums operator-(LineSums a, const LineSums& b) {
    a.minutes -= b.minutes;
    a.amount -= b.amount;
    a.discount -= b.discount;
    a.net -= b.net;
    a.pay -= b.pay;
    a.side_costs -= b.side_costs;
    a.service_costs -= b.service_costs;
    a.vat -= b.vat;
    a.gross -= b.gross;
    return a;
}

void LineTotals::add(const PricedLine& line) {
    all.add(line);
    auto& rate = by_vat_rate[line.vat_percent];
    rate.net += line.net;
    rate.vat += line.vat;
    rate.gross += line.gross;
}

}  // namespace jobcenter::pricing
