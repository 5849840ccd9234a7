// Calling the unit's pricing script for its coefficient and discount, and checking what comes back.
#include "pricing/prices/unit_terms.hpp"

namespace jobcenter::pricing {
namespace json = boost::json;
namespace {

Decimal checked_coefficient(const ScriptValue& v) {
    return script_decimal(v, "coefficient", Decimal::from_integer(1), Decimal::from_integer(5));
}

Decimal checked_discount(const ScriptValue& v) {
    return script_decimal(v, "discount", Decimal::from_integer(0), max_discount_percent);
}

// "YYYY-MM-DD" and the contract as one number, e.g. 202601151 (a key only: the text is checked elsewhere).
std::int64_t day_key(Contract contract, std::string_view date) {
    std::int64_t key = 0;
    for (char c : date)
        if (c >= '0' && c <= '9') key = key * 10 + (c - '0');
    return key * 2 + (contract == Contract::employment ? 1 : 0);
}

}  // namespace

const DayRates& UnitTerms::rates(Contract contract, std::string_view date) {
    const std::int64_t key = day_key(contract, date);
    auto it = rates_.find(key);
    if (it != rates_.end()) return it->second;
    const Figure standard_figure = contract == Contract::commission ? Figure::coefficient_commission
                                                                     : Figure::coefficient_employment;
    const Decimal standard = figures_.value_on(standard_figure, date);
    auto result = scripts_.call("pricing", "coefficient",
                                json::array{json::value(contract_name(contract)), json::value(date),
                                            json::value(standard.to_string())});
    return rates_.emplace(key, rates_on(figures_, contract, date, checked_coefficient(result))).first->second;
}

Decimal UnitTerms::discount(const json::object& order, const json::object& context) {
    if (!scripts_.has("pricing", "discount")) return Decimal{};
    return checked_discount(scripts_.call("pricing", "discount", json::array{order, context}));
}

std::vector<Decimal> UnitTerms::discounts(const std::vector<json::array>& orders_and_contexts) {
    std::vector<Decimal> result;
    result.reserve(orders_and_contexts.size());
    if (orders_and_contexts.empty()) return result;
    if (!scripts_.has("pricing", "discount")) {
        result.resize(orders_and_contexts.size());
        return result;
    }
    const ScriptValues values = scripts_.call_each("pricing", "discount", orders_and_contexts);
    for (const auto& value : values.values) result.push_back(checked_discount(ScriptValue{value, values.site}));
    return result;
}

std::vector<ScriptEntry> pricing_script_entries() {
    ScriptEntry coefficient;
    coefficient.module = "pricing";
    coefficient.name = "coefficient";
    coefficient.kind = ScriptEntry::Kind::function;
    coefficient.summary = "coefficient(contract_type, date, standard) -> number between 1 and 5";
    coefficient.sample_args = {json::value("commission"), json::value("2026-01-15"), json::value("1.45")};
    coefficient.validate = [](const ScriptValue& v) { checked_coefficient(v); };
    ScriptEntry employment = coefficient;
    employment.sample_args = {json::value("employment"), json::value("2026-01-15"), json::value("2.00")};

    ScriptEntry discount;
    discount.module = "pricing";
    discount.name = "discount";
    discount.kind = ScriptEntry::Kind::function;
    discount.required = false;
    discount.summary = "discount(order, context) -> percent between 0 and 30";
    discount.sample_args = {json::object{{"id", "T-1"}, {"orderer_id", 1}, {"task_type", "office-cleaning"},
                                         {"contract", "commission"}, {"seats", 4}, {"minutes", 180},
                                         {"occurrences", 12}, {"hours_total", "144"}},
                            json::object{{"unit", "pakila"}, {"date", "2026-01-15"}}};
    discount.validate = [](const ScriptValue& v) { checked_discount(v); };
    ScriptEntry large = discount;
    large.sample_args = {json::object{{"id", "T-2"}, {"orderer_id", 2}, {"task_type", "packing-bagging"},
                                      {"contract", "employment"}, {"seats", 20}, {"minutes", 480},
                                      {"occurrences", 52}, {"hours_total", "8320"}},
                         json::object{{"unit", "pakila"}, {"date", "2026-01-15"}}};
    return {coefficient, employment, discount, large};
}

}  // namespace jobcenter::pricing
