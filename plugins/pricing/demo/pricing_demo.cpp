// The pricing demo, step by step through the plugin's own commands (Context::call), so that it shows what a
// coordinator would type. Its dates are fixed: the sample's orders run January to March 2026.
#include "pricing/demo/pricing_demo.hpp"

#include "pricing/exports/hours_text.hpp"
#include "pricing/quotes/quote.hpp"

namespace jobcenter::pricing {
namespace json = boost::json;
namespace {

constexpr const char* period_from = "2026-01-01";
constexpr const char* period_to = "2026-03-31";
constexpr const char* pay_date = "2026-04-10";

// The three worked examples of docs/domain.md §8.4 as one table.
json::array known_prices(Context& ctx, const FigureBook& figures) {
    struct Example {
        Contract contract;
        std::int64_t minutes;
        const char* date;
    };
    json::array rows;
    for (const Example& e : {Example{Contract::commission, 60, "2022-06-01"}, Example{Contract::commission, 60, "2026-01-15"},
                             Example{Contract::employment, 180, "2026-01-15"}}) {
        const Quote quote = quote_work(ctx, figures, e.contract, e.minutes, e.date);
        const PricedLine& line = quote.lines.front();
        rows.push_back(json::object{{"work", std::string(contract_name(e.contract)) + " " + hours_text(e.minutes) + " h"},
                                    {"day", e.date},
                                    {"hourly_price", line.unit_price.to_string()},
                                    {"net", line.net.to_string()},
                                    {"vat_percent", line.vat_percent.to_string()},
                                    {"vat", line.vat.to_string()},
                                    {"gross", line.gross.to_string()}});
    }
    return rows;
}

json::object order_quote_summary(Context& ctx, const FigureBook& figures, const std::string& order) {
    const Quote quote = quote_order(ctx, figures, order);
    const auto& t = quote.totals.all;
    return json::object{{"order", order},          {"occurrences", quote.lines.size()}, {"seats", quote.seats},
                        {"hours", hours_text(t.minutes)}, {"net", t.net.to_string()},      {"vat", t.vat.to_string()},
                        {"gross", t.gross.to_string()}};
}

// The first row of an array field of `from`, or null.
json::value first_of(const json::value& from, const char* field) {
    const auto& rows = from.at(field).as_array();
    return rows.empty() ? json::value(nullptr) : rows.front();
}

json::value demo_command(Context& ctx, const json::object&) {
    const FigureBook figures = FigureBook::load(ctx.db());
    json::object out;
    out["known_prices"] = known_prices(ctx, figures);

    // The matching demo's approved gig: the work of its client on T-100, January to March.
    const json::value worked = ctx.call("matching.gig-worked", json::object{{"from", period_from}, {"to", period_to}});
    const auto& occurrences = worked.at("occurrences").as_array();
    if (occurrences.empty()) {
        out["payroll"] = "no approved gig work between " + std::string(period_from) + " and " + period_to +
                         ": run `jobcenter demo`, whose matching demo approves one";
        return out;
    }
    const std::string client = std::string(occurrences.front().at("client").as_string());
    const std::string order = std::string(occurrences.front().at("order").as_string());
    out["order_quote"] = order_quote_summary(ctx, figures, order);

    ctx.call("pricing.tax-card-set", json::object{{"client", client}, {"percent", "12.5"}, {"from", period_from}});
    out["tax_card"] = client + ": 12.5 % from " + period_from;

    const json::value run = ctx.call("pricing.payroll-run", json::object{{"from", period_from}, {"to", period_to}, {"pay_date", pay_date}});
    const std::int64_t run_id = run.at("run").to_number<std::int64_t>();
    const auto& totals = run.at("totals");
    out["payroll_run"] = json::object{{"run", run_id},
                                      {"period", std::string(period_from) + ".." + period_to},
                                      {"pay_date", pay_date},
                                      {"lines", totals.at("lines")},
                                      {"hours", totals.at("hours")},
                                      {"invoiced_net", totals.at("net")},
                                      {"invoiced_vat", totals.at("vat")},
                                      {"invoiced_gross", totals.at("gross")},
                                      {"wages", totals.at("wages")},
                                      {"tax_withheld", totals.at("tax_withheld")},
                                      {"net_paid", totals.at("net_paid")}};
    out["proof"] = run.at("proof");
    out["coverage"] = json::array{run.at("coverage").at("side_costs"), run.at("coverage").at("service_costs")};

    const json::value shown = ctx.call("pricing.payroll-show", json::object{{"run", run_id}});
    out["invoice"] = first_of(shown, "invoices");
    out["invoice_lines"] = shown.at("invoice_lines");
    out["pay_statement"] = first_of(shown, "pay_statements");

    const json::value paid = ctx.call("pricing.payroll-mark-paid", json::object{{"run", run_id}});
    out["marked_paid"] = "run " + std::to_string(run_id) + " " + std::string(paid.at("status").as_string()) + ", " +
                         std::to_string(paid.at("lines_recorded").to_number<std::int64_t>()) + " lines recorded as the client's paid earnings";

    const json::value benefits = ctx.call("pricing.benefits", json::object{{"client", client}, {"on", pay_date}});
    json::array limits;
    for (const auto& limit : benefits.at("limits").as_array()) {
        const auto& period = limit.at("period").as_string();
        if (period.size() == 7 && period != "2026-03") continue;  // one month of the monthly limits: March
        limits.push_back(json::object{{"benefit", limit.at("benefit")},
                                      {"period", limit.at("period")},
                                      {"limit", limit.at("amount")},
                                      {"earnings", limit.at("earnings")},
                                      {"headroom", limit.at("headroom")},
                                      {"verified", limit.at("verified")}});
    }
    out["benefit_watch"] = json::object{{"client", client}, {"year_total", benefits.at("year_total")}, {"limits", std::move(limits)}};
    return out;
}

}  // namespace

Command pricing_demo_command() {
    return Command{.name = "demo",
                   .summary = "the app model's prices, then pay and invoice the matching demo's approved gig",
                   .help = "Run by `jobcenter demo` after the matching demo, whose approved gig it quotes, pays, invoices\n"
                           "and marks paid, and whose client's earnings it holds against their benefit limits.",
                   .access = Access::write,
                   .min_role = Role::coordinator,
                   .run = demo_command};
}

}  // namespace jobcenter::pricing
