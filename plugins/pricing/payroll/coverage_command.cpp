// Summing the stored lines and pay statements of the period's runs into coverage sums.
#include "pricing/payroll/coverage_command.hpp"

#include <map>

#include "pricing/figures/figure_book.hpp"
#include "pricing/payroll/cost_coverage.hpp"
#include "pricing/payroll/payroll_json.hpp"
#include "pricing/payroll/period_flags.hpp"
#include "pricing/prices/price_line.hpp"

namespace jobcenter::pricing {
namespace json = boost::json;
namespace {

const char* const runs_in_period = "FROM payroll_run r WHERE r.status <> 'cancelled' AND r.pay_date BETWEEN ?1 AND ?2";

void add_line_sums(Database& db, const FigureBook& figures, const std::string& from, const std::string& to,
                   std::map<std::int64_t, CoverageSums>& runs) {
    // Lines grouped by what their standard service costs depend on: the day of work and the minutes.
    auto q = db.prepare(std::string("SELECT l.run_id, l.contract, l.on_date, l.minutes, COUNT(*), SUM(l.side_costs_cents), "
                                    "SUM(l.service_costs_cents) FROM payroll_line l WHERE l.run_id IN (SELECT r.id ") +
                        runs_in_period + ") GROUP BY l.run_id, l.contract, l.on_date, l.minutes");
    q.bind(1, from).bind(2, to);
    while (q.step()) {
        CoverageSums& sums = runs[q.get_int(0)];
        const std::int64_t minutes = q.get_int(3) * q.get_int(4);
        if (q.get_text_view(1) == "employment") {
            sums.side_costs_collected += Money::from_cents(q.get_int(5));
            sums.employment_minutes += minutes;
        }
        sums.service_costs_collected += Money::from_cents(q.get_int(6));
        sums.service_costs_standard += for_minutes(figures.euros_on(Figure::service_costs, q.get_text(2)), q.get_int(3)) * q.get_int(4);
        sums.minutes += minutes;
    }
}

void add_employer_costs(Database& db, const std::string& from, const std::string& to, std::map<std::int64_t, CoverageSums>& runs) {
    auto q = db.prepare(std::string("SELECT w.run_id, SUM(w.employer_tyel_cents + w.employer_unemployment_cents + "
                                    "w.employer_health_cents + w.employer_accident_cents + w.employer_group_life_cents + "
                                    "w.holiday_compensation_cents) FROM payroll_worker w WHERE w.run_id IN (SELECT r.id ") +
                        runs_in_period + ") GROUP BY w.run_id");
    q.bind(1, from).bind(2, to);
    while (q.step()) runs[q.get_int(0)].employer_costs_due += Money::from_cents(q.get_int(1));
}


}  // namespace

json::value payroll_coverage_command(Context& ctx, const json::object& request) {
    const auto [from, to] = period_of(request);
    const FigureBook figures = FigureBook::load(ctx.db());
    std::map<std::int64_t, CoverageSums> runs;
    add_line_sums(ctx.db(), figures, from, to, runs);
    add_employer_costs(ctx.db(), from, to, runs);
    CoverageSums all;
    json::array rows;
    for (const auto& [run_id, sums] : runs) {
        all += sums;
        json::object row{{"run", run_id}};
        for (auto& [key, value] : coverage_json(cost_coverage(sums))) row[key] = value;
        rows.push_back(std::move(row));
    }
    json::object out{{"from", from}, {"to", to}, {"runs", runs.size()}};
    for (auto& [key, value] : coverage_json(cost_coverage(all))) out[key] = value;
    out["rows"] = std::move(rows);
    return out;
}

}  // namespace jobcenter::pricing
