// Building quotes from the figures, the calling unit's terms and, for an order, the matching plugin's order.
#include "pricing/quotes/quote.hpp"

#include "pricing/exports/hours_text.hpp"
#include "pricing/prices/unit_terms.hpp"

namespace jobcenter::pricing {
namespace json = boost::json;
namespace {

std::string text_of(const json::value& v) {
    if (v.is_string()) return std::string(v.get_string());
    return json::serialize(v);
}

json::object line_json(const PricedLine& line) {
    return json::object{{"date", line.work.date},
                        {"hours", hours_text(line.work.minutes)},
                        {"hourly_wage", line.wage.to_string()},
                        {"coefficient", line.coefficient.to_string()},
                        {"hourly_price", line.unit_price.to_string()},
                        {"amount", line.amount.to_string()},
                        {"discount_percent", line.discount_percent.to_string()},
                        {"discount", line.discount.to_string()},
                        {"net", line.net.to_string()},
                        {"wage", line.pay.to_string()},
                        {"side_costs", line.side_costs.to_string()},
                        {"service_costs", line.service_costs.to_string()},
                        {"vat_percent", line.vat_percent.to_string()},
                        {"vat", line.vat.to_string()},
                        {"gross", line.gross.to_string()}};
}

json::object sums_json(const LineSums& sums) {
    return json::object{{"hours", hours_text(sums.minutes)},
                        {"amount", sums.amount.to_string()},
                        {"discount", sums.discount.to_string()},
                        {"net", sums.net.to_string()},
                        {"wage", sums.pay.to_string()},
                        {"side_costs", sums.side_costs.to_string()},
                        {"service_costs", sums.service_costs.to_string()},
                        {"vat", sums.vat.to_string()},
                        {"gross", sums.gross.to_string()}};
}

}  // namespace

std::int64_t minutes_of_hours(const json::value& hours, std::string_view where) {
    const Decimal h = Decimal::parse(text_of(hours));
    if (h <= Decimal{} || h > Decimal::from_integer(1000))
        throw InputError("hours must be more than 0 and at most 1000, got " + h.to_string(), std::string(where));
    return divide_rounded(static_cast<Int128>(h.micros()) * 60, Decimal::scale, Rounding::half_up);
}

json::object order_for_discount(const json::object& order, std::int64_t minutes, std::int64_t occurrences) {
    json::object seen = order;
    const std::int64_t seats = order.contains("seats") ? order.at("seats").to_number<std::int64_t>() : 1;
    seen["occurrences"] = occurrences;
    seen["hours_total"] = hours_text(minutes * seats * occurrences);
    return seen;
}

Quote quote_work(Context& ctx, const FigureBook& figures, Contract contract, std::int64_t minutes, const std::string& date) {
    UnitTerms terms(ctx.scripts(), figures);
    Quote quote;
    quote.unit = ctx.unit();
    quote.contract = contract;
    quote.lines.push_back(price_work(terms.rates(contract, date), WorkItem{date, contract, minutes}, Decimal{}));
    quote.totals.add(quote.lines.back());
    return quote;
}

Quote quote_order(Context& ctx, const FigureBook& figures, const std::string& order_id) {
    const json::object order = ctx.call("matching.order-show", json::object{{"id", order_id}}).as_object();
    Quote quote;
    quote.order_id = order_id;
    quote.unit = ctx.unit();
    quote.contract = checked_contract(std::string(order.at("contract").as_string()), "the order's contract");
    quote.seats = static_cast<int>(order.at("seats").to_number<std::int64_t>());
    const std::int64_t minutes = minutes_of_hours(order.at("hours"), "the order's hours");
    const auto& occurrences = order.at("occurrences").as_array();
    UnitTerms terms(ctx.scripts(), figures);
    const std::string start_date = std::string(order.at("start").as_string()).substr(0, 10);
    const Decimal discount = terms.discount(order_for_discount(order, minutes, static_cast<std::int64_t>(occurrences.size())),
                                            json::object{{"unit", ctx.unit()}, {"date", start_date}});
    for (const auto& at : occurrences) {
        const std::string date = std::string(at.as_string()).substr(0, 10);
        const WorkItem work{date, quote.contract, minutes * quote.seats};
        quote.lines.push_back(price_work(terms.rates(quote.contract, date), work, discount));
        quote.totals.add(quote.lines.back());
    }
    return quote;
}

json::object quote_json(const Quote& quote) {
    json::array lines;
    for (const auto& line : quote.lines) lines.push_back(line_json(line));
    json::array rates;
    for (const auto& [rate, sums] : quote.totals.by_vat_rate)
        rates.push_back(json::object{{"vat_percent", rate.to_string()},
                                     {"net", sums.net.to_string()},
                                     {"vat", sums.vat.to_string()},
                                     {"gross", sums.gross.to_string()}});
    return json::object{{"order", quote.order_id ? json::value(*quote.order_id) : json::value(nullptr)},
                        {"unit", quote.unit.empty() ? json::value(nullptr) : json::value(quote.unit)},
                        {"contract", contract_name(quote.contract)},
                        {"seats", quote.seats},
                        {"lines", std::move(lines)},
                        {"vat_by_rate", std::move(rates)},
                        {"totals", sums_json(quote.totals.all)}};
}

}  // namespace jobcenter::pricing
