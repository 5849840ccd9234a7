// Quotes of an order or of work on a day, and the rates in force.
#include "pricing/quotes/quote_commands.hpp"

#include "jobcenter/params.hpp"
#include "pricing/quotes/quote.hpp"

namespace jobcenter::pricing {
namespace json = boost::json;
namespace {

json::value quote_command(Context& ctx, const json::object& request) {
    const FigureBook figures = FigureBook::load(ctx.db());
    if (auto order = params::optional_string(request, "order")) {
        for (const char* flag : {"contract", "hours", "on"})
            if (request.contains(flag))
                throw UsageError(std::string("--order prices the order's own contract, hours and dates: leave out --") + flag, "--order");
        return quote_json(quote_order(ctx, figures, *order));
    }
    const Contract contract = checked_contract(params::optional_string(request, "contract").value_or("commission"), "--contract");
    const std::int64_t minutes = minutes_of_hours(json::value(params::optional_string(request, "hours").value_or("1")), "--hours");
    const std::string date = params::optional_date(request, "on").value_or(ctx.clock().today_iso());
    return quote_json(quote_work(ctx, figures, contract, minutes, date));
}

json::value rates_command(Context& ctx, const json::object& request) {
    const std::string date = params::optional_date(request, "on").value_or(ctx.clock().today_iso());
    const FigureBook figures = FigureBook::load(ctx.db());
    json::array rows;
    for (Contract contract : {Contract::commission, Contract::employment}) {
        const PricedLine line = quote_work(ctx, figures, contract, 60, date).lines.front();
        rows.push_back(json::object{{"contract", contract_name(contract)},
                                    {"hourly_wage", line.wage.to_string()},
                                    {"coefficient", line.coefficient.to_string()},
                                    {"hourly_price", line.unit_price.to_string()},
                                    {"vat_percent", line.vat_percent.to_string()},
                                    {"hourly_gross", line.gross.to_string()}});
    }
    return json::object{{"date", date}, {"coefficients_from", ctx.scripts().file_of("pricing")}, {"rows", std::move(rows)}};
}

}  // namespace

std::vector<Command> quote_commands() {
    const Command quote{
        .name = "quote",
        .summary = "price an order (every occurrence) or some hours of work on a date",
        .help = "With --order, one line per occurrence of the order (every seat) with the VAT in force on its day and the\n"
                "unit's discount for the order; otherwise --contract, --hours and --on price one piece of work. Every\n"
                "amount is rounded half up to the cent on its line; totals are sums of lines.",
        .flags = {{.name = "order", .type = FlagType::string, .help = "a work order, e.g. T-100"},
                  {.name = "contract", .type = FlagType::string, .help = "commission (default) or employment"},
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
    return {quote, rates};
}

}  // namespace jobcenter::pricing
