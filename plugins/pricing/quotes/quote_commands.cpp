// Quotes of work on a day, the rates in force, and the demo's sample prices.
#include "pricing/quotes/quote_commands.hpp"

#include "jobcenter/params.hpp"
#include "pricing/prices/price_line.hpp"
#include "pricing/prices/unit_terms.hpp"

namespace jobcenter::pricing {
namespace json = boost::json;
namespace {

// Decimal hours "2.5" or "2,5", more than 0 and at most 1000, as whole minutes (half a minute up).
std::int64_t minutes_of_hours(const std::string& text) {
    const Decimal hours = Decimal::parse(text);
    if (hours <= Decimal{} || hours > Decimal::from_integer(1000))
        throw InputError("hours must be more than 0 and at most 1000, got " + hours.to_string(), "--hours");
    return divide_rounded(static_cast<Int128>(hours.micros()) * 60, Decimal::scale, Rounding::half_up);
}

std::string hours_text(std::int64_t minutes) {
    return Decimal::from_micros(divide_rounded(static_cast<Int128>(minutes) * Decimal::scale, 60, Rounding::half_up))
        .to_string();
}

json::object line_json(const PricedLine& line) {
    return json::object{{"date", line.work.date},
                        {"contract", contract_name(line.work.contract)},
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

PricedLine quote_line(Context& ctx, const FigureBook& figures, Contract contract, std::int64_t minutes, const std::string& date) {
    UnitTerms terms(ctx.scripts(), figures);
    const WorkItem work{date, contract, minutes};
    return price_work(figures, work, PriceTerms{terms.coefficient(contract, date), Decimal{}});
}

json::value quote_command(Context& ctx, const json::object& request) {
    const Contract contract = checked_contract(params::optional_string(request, "contract").value_or("commission"), "--contract");
    const std::int64_t minutes = minutes_of_hours(params::optional_string(request, "hours").value_or("1"));
    const std::string date = params::optional_date(request, "on").value_or(ctx.clock().today_iso());
    const FigureBook figures = FigureBook::load(ctx.db());
    return line_json(quote_line(ctx, figures, contract, minutes, date));
}

json::value rates_command(Context& ctx, const json::object& request) {
    const std::string date = params::optional_date(request, "on").value_or(ctx.clock().today_iso());
    const FigureBook figures = FigureBook::load(ctx.db());
    json::array rows;
    for (Contract contract : {Contract::commission, Contract::employment}) {
        const PricedLine line = quote_line(ctx, figures, contract, 60, date);
        rows.push_back(json::object{{"contract", contract_name(contract)},
                                    {"hourly_wage", line.wage.to_string()},
                                    {"coefficient", line.coefficient.to_string()},
                                    {"hourly_price", line.unit_price.to_string()},
                                    {"vat_percent", line.vat_percent.to_string()},
                                    {"hourly_gross", line.gross.to_string()}});
    }
    return json::object{{"date", date}, {"coefficients_from", ctx.scripts().file_of("pricing")}, {"rows", std::move(rows)}};
}

json::value demo_command(Context& ctx, const json::object&) {
    // The app model's commission price in 2022 (docs/domain.md §8.4: 14.50 + 24 % = 17.98), the same hour
    // after the VAT change of 1.9.2024, and a three-hour employment-contract job.
    const FigureBook figures = FigureBook::load(ctx.db());
    json::array quotes;
    quotes.push_back(line_json(quote_line(ctx, figures, Contract::commission, 60, "2022-06-01")));
    quotes.push_back(line_json(quote_line(ctx, figures, Contract::commission, 60, "2026-01-15")));
    quotes.push_back(line_json(quote_line(ctx, figures, Contract::employment, 180, "2026-01-15")));
    return json::object{{"rows", std::move(quotes)}};
}

}  // namespace

std::vector<Command> quote_commands() {
    const Command quote{
        .name = "quote",
        .summary = "price work for an orderer on a date",
        .flags = {{.name = "contract", .type = FlagType::string, .help = "commission (default) or employment"},
                  {.name = "hours", .type = FlagType::string, .help = "hours of work, e.g. 2.5 (default 1)"},
                  {.name = "on", .type = FlagType::date, .help = "the date the work is done (default today)"}},
        .access = Access::read,
        .min_role = Role::viewer,
        .run = quote_command};
    const Command rates{.name = "rates",
                        .summary = "show the wage, coefficient and VAT in force on a date",
                        .flags = {{.name = "on", .type = FlagType::date, .help = "the date (default today)"}},
                        .access = Access::read,
                        .min_role = Role::viewer,
                        .run = rates_command};
    const Command demo{.name = "demo",
                       .summary = "price sample work before and after the 2024 VAT change",
                       .access = Access::read,
                       .min_role = Role::viewer,
                       .run = demo_command};
    return {quote, rates, demo};
}

}  // namespace jobcenter::pricing
