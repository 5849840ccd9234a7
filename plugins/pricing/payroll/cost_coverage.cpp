// The coverage sums compared, and the line that says whether the price covers the costs.
#include "pricing/payroll/cost_coverage.hpp"

namespace jobcenter::pricing {
namespace {

// "(0.62 €/h)" for `amount` over `minutes` of work; nothing when there was none.
std::string per_hour(Money amount, std::int64_t minutes) {
    if (minutes <= 0) return "";
    return " (" + amount.times_fraction(60, minutes).to_string() + " €/h)";
}

std::string comparison(std::string_view what, Money collected, Money due, std::string_view due_word, std::int64_t minutes,
                       std::string_view remedy) {
    std::string line = std::string(what) + " " + collected.to_string() + " collected, " + due.to_string() + " " +
                       std::string(due_word) + ": ";
    if (collected < due) return line + "short by " + (due - collected).to_string() + per_hour(due - collected, minutes) + "; " + std::string(remedy);
    if (collected == due) return line + "covered exactly";
    return line + "covered, " + (collected - due).to_string() + " to spare" + per_hour(collected - due, minutes);
}

}  // namespace

CoverageSums& CoverageSums::operator+=(const CoverageSums& o) {
    side_costs_collected += o.side_costs_collected;
    employer_costs_due += o.employer_costs_due;
    employment_minutes += o.employment_minutes;
    service_costs_collected += o.service_costs_collected;
    service_costs_standard += o.service_costs_standard;
    minutes += o.minutes;
    return *this;
}

CostCoverage cost_coverage(const CoverageSums& sums) {
    CostCoverage c;
    c.sums = sums;
    c.side_costs_covered = sums.side_costs_collected >= sums.employer_costs_due;
    c.service_costs_covered = sums.service_costs_collected >= sums.service_costs_standard;
    c.side_costs_line = comparison("side costs", sums.side_costs_collected, sums.employer_costs_due, "due",
                                   sums.employment_minutes, "raise side-costs.employment or coefficient.employment");
    c.service_costs_line = comparison("service costs", sums.service_costs_collected, sums.service_costs_standard, "standard",
                                      sums.minutes,
                                      "discounts and unit coefficients below the standard come out of the service costs");
    return c;
}

}  // namespace jobcenter::pricing
