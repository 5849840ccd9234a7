// Pricing one piece of work from the figures in force on its day.
#include "pricing/prices/price_line.hpp"

namespace jobcenter::pricing {

Money for_minutes(Money rate, std::int64_t minutes) { return rate.times_fraction(minutes, 60); }

PricedLine price_work(const FigureBook& figures, const WorkItem& work, const PriceTerms& terms) {
    const bool employment = work.contract == Contract::employment;
    PricedLine line;
    line.work = work;
    line.wage = figures.euros_on(employment ? Figure::wage_employment : Figure::wage_commission, work.date);
    line.coefficient = terms.coefficient;
    line.unit_price = line.wage.times(terms.coefficient);
    line.amount = for_minutes(line.unit_price, work.minutes);
    line.discount_percent = terms.discount_percent;
    line.discount = line.amount.percent(terms.discount_percent);
    line.net = line.amount - line.discount;
    line.pay = for_minutes(line.wage, work.minutes);
    line.side_costs = employment ? for_minutes(figures.euros_on(Figure::side_costs_employment, work.date), work.minutes) : Money{};
    line.service_costs = line.net - line.pay - line.side_costs;
    line.vat_percent = figures.value_on(Figure::vat_general, work.date);
    line.vat = line.net.percent(line.vat_percent);
    line.gross = line.net + line.vat;
    return line;
}

}  // namespace jobcenter::pricing
