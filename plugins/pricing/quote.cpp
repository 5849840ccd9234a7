// Quotes and the dated rates behind them.
#include "quote.hpp"

#include "jobcenter/params.hpp"

namespace jobcenter::pricing {
namespace json = boost::json;
namespace {

Money wage_on(Database& db, const std::string& contract_type, const std::string& date) {
    auto q = db.prepare(
        "SELECT hourly_cents FROM wage_rate WHERE contract_type = ? AND valid_from <= ?2 AND "
        "(valid_to IS NULL OR ?2 <= valid_to) ORDER BY valid_from DESC, id DESC LIMIT 1");
    q.bind(1, contract_type).bind(2, date);
    if (!q.step()) throw NotFoundError("no hourly wage for '" + contract_type + "' is in force on " + date, "wage_rate");
    return Money::from_cents(q.get_int(0));
}

Decimal vat_on(Database& db, const std::string& date) {
    auto q = db.prepare(
        "SELECT percent FROM vat_rate WHERE code = 'general' AND valid_from <= ?1 AND "
        "(valid_to IS NULL OR ?1 <= valid_to) ORDER BY valid_from DESC, id DESC LIMIT 1");
    q.bind(1, date);
    if (!q.step()) throw NotFoundError("no VAT rate is in force on " + date, "vat_rate");
    return Decimal::parse(q.get_text(0));
}

std::string checked_contract(const std::string& text) {
    if (text == "commission" || text == "employment") return text;
    throw InputError("unknown contract type '" + text + "': use commission or employment", "--contract");
}

json::object to_json(const Quote& q) {
    return json::object{{"date", q.date},
                        {"contract", q.contract_type},
                        {"hourly_wage", q.hourly_wage.to_string()},
                        {"coefficient", q.coefficient.to_string()},
                        {"hourly_price", q.hourly_price.to_string()},
                        {"hours", q.hours.to_string()},
                        {"net", q.net.to_string()},
                        {"vat_percent", q.vat_percent.to_string()},
                        {"vat", q.vat.to_string()},
                        {"gross", q.gross.to_string()}};
}

}  // namespace

Quote make_quote(Context& ctx, const std::string& contract_type, Decimal hours, const std::string& date) {
    if (hours <= Decimal::from_integer(0) || hours > Decimal::from_integer(1000))
        throw InputError("hours must be more than 0 and at most 1000, got " + hours.to_string(), "--hours");
    Quote q;
    q.date = date;
    q.contract_type = checked_contract(contract_type);
    q.hourly_wage = wage_on(ctx.db(), q.contract_type, date);
    auto result = ctx.scripts().call("pricing", "coefficient", json::array{json::value(q.contract_type), json::value(date)});
    q.coefficient = script_decimal(result, "coefficient", Decimal::from_integer(1), Decimal::from_integer(5));
    q.hourly_price = q.hourly_wage.times(q.coefficient);
    q.hours = hours;
    q.net = q.hourly_price.times(hours);
    q.vat_percent = vat_on(ctx.db(), date);
    q.vat = q.net.percent(q.vat_percent);
    q.gross = q.net + q.vat;
    return q;
}

json::value quote_command(Context& ctx, const json::object& request) {
    auto contract = params::optional_string(request, "contract").value_or("commission");
    auto hours_text = params::optional_string(request, "hours").value_or("1");
    auto date = params::optional_date(request, "on").value_or(ctx.clock().today_iso());
    return to_json(make_quote(ctx, contract, Decimal::parse(hours_text), date));
}

json::value rates_command(Context& ctx, const json::object& request) {
    auto date = params::optional_date(request, "on").value_or(ctx.clock().today_iso());
    json::array rows;
    for (const char* contract : {"commission", "employment"}) {
        Quote q = make_quote(ctx, contract, Decimal::from_integer(1), date);
        rows.push_back(json::object{{"contract", contract},
                                    {"hourly_wage", q.hourly_wage.to_string()},
                                    {"coefficient", q.coefficient.to_string()},
                                    {"hourly_price", q.hourly_price.to_string()},
                                    {"vat_percent", q.vat_percent.to_string()},
                                    {"hourly_gross", q.gross.to_string()}});
    }
    return json::object{{"date", date}, {"coefficients_from", ctx.scripts().file_of("pricing")}, {"rows", std::move(rows)}};
}

json::value demo_command(Context& ctx, const json::object&) {
    // The app model's commission price in 2022 (docs/domain.md §8.4: 14.50 + 24 % = 17.98), and the same hour
    // after the VAT change of 1.9.2024, and a three-hour employment-contract job today.
    json::array quotes;
    quotes.push_back(to_json(make_quote(ctx, "commission", Decimal::from_integer(1), "2022-06-01")));
    quotes.push_back(to_json(make_quote(ctx, "commission", Decimal::from_integer(1), "2026-01-15")));
    quotes.push_back(to_json(make_quote(ctx, "employment", Decimal::parse("3"), "2026-01-15")));
    return json::object{{"rows", std::move(quotes)}};
}

}  // namespace jobcenter::pricing
