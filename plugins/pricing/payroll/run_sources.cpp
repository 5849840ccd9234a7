// Asking the units' scripts and the register, once per distinct question.
#include "pricing/payroll/run_sources.hpp"

#include <memory>
#include <set>

#include "jobcenter/errors.hpp"
#include "pricing/prices/unit_terms.hpp"

namespace jobcenter::pricing {
namespace json = boost::json;
namespace {

std::optional<std::string> optional_text(const json::object& o, std::string_view key) {
    const json::value* v = o.if_contains(key);
    if (!v || !v->is_string() || v->get_string().empty()) return std::nullopt;
    return std::string(v->get_string());
}

// "Street 1, 00100 Helsinki" from the parts the record has; none when it has none.
std::optional<std::string> address_line(const json::object& orderer) {
    const auto street = optional_text(orderer, "street");
    std::string place = optional_text(orderer, "postcode").value_or("");
    if (auto city = optional_text(orderer, "city")) place += (place.empty() ? "" : " ") + *city;
    if (!street && place.empty()) return std::nullopt;
    if (!street) return place;
    return place.empty() ? *street : *street + ", " + place;
}

OrdererRecord golden_record(Context& ctx, std::int64_t orderer_id) {
    const json::value reply = ctx.call("register.show", json::object{{"id", orderer_id}});
    const json::value* orderer = reply.is_object() ? reply.get_object().if_contains("orderer") : nullptr;
    if (!orderer || !orderer->is_object())
        throw InternalError("register.show replied without the orderer", "orderer " + std::to_string(orderer_id));
    const json::object& o = orderer->get_object();
    return {orderer_id, optional_text(o, "name").value_or(""), optional_text(o, "business_id"), address_line(o)};
}

}  // namespace

UnitTermsTable unit_terms_for(Context& ctx, const PayrollInput& input, const std::vector<PayableWork>& work) {
    std::map<std::string, std::unique_ptr<UnitTerms>> units;
    UnitTermsTable table;
    for (const auto& item : work) {
        const WorkedOccurrence& o = *item.occurrence;
        auto& terms = units[o.unit];
        if (!terms) terms = std::make_unique<UnitTerms>(ctx.scripts_of(o.unit), *input.figures);
        auto coefficient_key = std::make_tuple(o.unit, o.contract, o.date);
        if (!table.coefficients.contains(coefficient_key))
            table.coefficients.emplace(std::move(coefficient_key), terms->coefficient(o.contract, o.date));
        auto discount_key = std::make_pair(o.unit, o.order_id);
        if (table.discounts.contains(discount_key)) continue;
        auto order = input.orders.find(o.order_id);
        if (order == input.orders.end())
            throw InternalError("matching.gig-worked listed gig " + std::to_string(o.gig) + " of order " + o.order_id +
                                " but not the order");
        const json::object context{{"unit", o.unit}, {"date", order->second.start_date}};
        table.discounts.emplace(std::move(discount_key), terms->discount(order->second.json, context));
    }
    return table;
}

std::map<std::int64_t, OrdererRecord> golden_records(Context& ctx, const std::vector<PayableWork>& work) {
    std::set<std::int64_t> ids;
    for (const auto& item : work) ids.insert(item.occurrence->orderer_id);
    std::map<std::int64_t, OrdererRecord> records;
    for (std::int64_t id : ids) records.emplace(id, golden_record(ctx, id));
    return records;
}

}  // namespace jobcenter::pricing
