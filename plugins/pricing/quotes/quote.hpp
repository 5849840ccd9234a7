// A quote: the priced lines of a piece of work or of a whole order (one line per occurrence, every seat), with
// the unit's coefficient and discount and the VAT in force on each line's day, and their totals.
#pragma once

#include <boost/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "jobcenter/context.hpp"
#include "pricing/prices/line_totals.hpp"

namespace jobcenter::pricing {

struct Quote {
    std::optional<std::string> order_id;
    std::string unit;  // whose script priced it; empty: the defaults
    Contract contract = Contract::commission;
    int seats = 1;
    std::vector<PricedLine> lines;  // by date
    LineTotals totals;
};

// `minutes` of work under `contract` on `date`, priced for the calling unit (no discount: there is no order).
Quote quote_work(Context& ctx, const FigureBook& figures, Contract contract, std::int64_t minutes, const std::string& date);

// Every occurrence of the order (from `matching order show`), all seats, with the unit's discount for it.
Quote quote_order(Context& ctx, const FigureBook& figures, const std::string& order_id);

// The order as the unit's M.discount sees it: the order object with `occurrences` (a count) and `hours_total`.
boost::json::object order_for_discount(const boost::json::object& order, std::int64_t minutes, std::int64_t occurrences);

// Whole minutes of decimal hours given as a JSON number or string ("2.5", "2,5"), half a minute up.
std::int64_t minutes_of_hours(const boost::json::value& hours, std::string_view where);

boost::json::object quote_json(const Quote& quote);

}  // namespace jobcenter::pricing
