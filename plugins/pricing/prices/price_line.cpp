// Pricing one piece of work from the figures in force on its day.
#include "pricing/prices/price_line.hpp"

namespace jobcenter::pricing {

Money for_minutes(Money rate, std::int64_t minutes) { return rate.times_fraction(minutes, 60); }

DayRates rates_on(const FigureBook& figures, Contract contract, std::string_view date, Decimal coefficient) {
    const bool employment = contract == Contract::employment;
    return DayRates{.wage = figures.euros_on(employment ? Figure::wage_employment : Figure::wage_commission, date),
                    .coefficient = coefficient,
                    .side_cost_rate = employment ? figures.euros_on(Figure::side_costs_employment, date) : Money{},
                    .vat_percent = figures.value_on(Figure::vat_general, date)};
}

PricedLine price_work(const DayRates& rates, const WorkItem& work, Decimal discount_percent) {
    PricedLine line;
    line.work = work;
    line.wage = rates.wage;
    line.coefficient = rates.coefficient;
    line.unit_price = rates.wage.times(rates.coefficient);
    line.amount = for_minutes(line.unit_price, work.minutes);
    line.discount_percent = discount_percent;
    line.discount = line.amount.percent(discount_percent);
    line.net = line.amount - line.discount;
    line.pay = for_minutes(rates.wage, work.minutes);
    line.side_costs = for_minutes(rates.side_cost_rate, work.minutes);
    line.service_costs = line.net - line.pay - line.side_costs;
    line.vat_percent = rates.vat_percent;
    line.vat = line.net.percent(rates.vat_percent);
    line.gross = line.net + line.vat;
    return line;
}

PricedLine price_work(const FigureBook& figures, const WorkItem& work, const PriceTerms& terms) {
    return price_work(rates_on(figures, work.contract, work.date, terms.coefficient), work, terms.discount_percent);
}

}  // namespace jobcenter::pricing
