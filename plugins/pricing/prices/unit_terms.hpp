// A unit's pricing terms from its script (scripts/units/<unit>/pricing.lua, else the defaults):
// M.coefficient(contract, date, standard) -> the hourly-price coefficient, 1 to 5, where `standard` is the
// dated figure coefficient.<contract>; and M.discount(order, context) -> a large-order discount in percent,
// which the host holds to 0-30. Both are pure functions of their arguments, so the coefficient is asked once
// per contract and day.
#pragma once

#include <boost/json.hpp>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "jobcenter/scripts.hpp"
#include "pricing/figures/figure_book.hpp"
#include "pricing/prices/contract.hpp"
#include "pricing/prices/price_line.hpp"

namespace jobcenter::pricing {

inline constexpr Decimal max_discount_percent = Decimal::from_integer(30);

class UnitTerms {
public:
    UnitTerms(Scripts& scripts, const FigureBook& figures) : scripts_(scripts), figures_(figures) {}

    // Throws ScriptError naming the unit's file when the script fails or returns something outside 1-5.
    Decimal coefficient(Contract contract, std::string_view date) { return rates(contract, date).coefficient; }
    // The figures of `date` for `contract` with the unit's coefficient, asked of the script once.
    const DayRates& rates(Contract contract, std::string_view date);

    // The discount for an order (its JSON as `matching order show` gives it, with `hours_total` and
    // `occurrences` added); `context` carries the unit and the day priced. Throws ScriptError outside 0-30.
    Decimal discount(const boost::json::object& order, const boost::json::object& context);
    // The discounts of many orders in one batch of script calls: each entry is {order, context}.
    std::vector<Decimal> discounts(const std::vector<boost::json::array>& orders_and_contexts);

private:
    Scripts& scripts_;
    const FigureBook& figures_;
    std::unordered_map<std::int64_t, DayRates> rates_;  // by contract and day (see day_key)
};

// The script entry points `jobcenter script check` verifies (with sample arguments).
std::vector<ScriptEntry> pricing_script_entries();

}  // namespace jobcenter::pricing
