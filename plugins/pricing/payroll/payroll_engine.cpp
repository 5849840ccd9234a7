// Pricing the payable work and composing the run from it.
#include "pricing/payroll/payroll_engine.hpp"

#include "jobcenter/errors.hpp"
#include "pricing/payroll/payable_work.hpp"
#include "pricing/payroll/payroll_invoices.hpp"
#include "pricing/payroll/payroll_proof.hpp"
#include "pricing/payroll/worker_pay.hpp"
#include "pricing/prices/price_line.hpp"

namespace jobcenter::pricing {
namespace {

PriceTerms terms_of(const PayrollInput& input, const WorkedOccurrence& o) {
    auto coefficient = input.terms.coefficients.find({o.unit, o.contract, o.date});
    auto discount = input.terms.discounts.find({o.unit, o.order_id});
    if (coefficient == input.terms.coefficients.end() || discount == input.terms.discounts.end())
        throw InternalError("no terms of unit " + o.unit + " were read for order " + o.order_id + " on " + o.date);
    return {coefficient->second, discount->second};
}

PayrollLine priced_line(const PayrollInput& input, const PayableWork& work) {
    const WorkedOccurrence& o = *work.occurrence;
    const PricedLine now = price_work(*input.figures, {o.date, o.contract, o.minutes}, terms_of(input, o));
    PayrollLine line{.kind = work.kind,
                     .occurrence = &o,
                     .hourly_wage = now.wage,
                     .coefficient = now.coefficient,
                     .unit_price = now.unit_price,
                     .discount_percent = now.discount_percent,
                     .vat_percent = now.vat_percent,
                     .amounts = LineSums::of(now)};
    if (work.paid) line.amounts = line.amounts - work.paid->amounts;
    return line;
}

void add_to_contract(ContractTotals& totals, const LineSums& a) {
    totals.minutes += a.minutes;
    totals.net += a.net;
    totals.pay += a.pay;
    totals.side_costs += a.side_costs;
    totals.service_costs += a.service_costs;
}

CoverageSums coverage_sums(const PayrollInput& input, const PayrollRunResult& run) {
    CoverageSums sums;
    sums.side_costs_collected = run.employment.side_costs;
    sums.employment_minutes = run.employment.minutes;
    for (const auto& w : run.workers) sums.employer_costs_due += w.employer_contributions() + w.holiday_compensation;
    for (const auto& line : run.lines) {
        sums.service_costs_collected += line.amounts.service_costs;
        sums.service_costs_standard +=
            for_minutes(input.figures->euros_on(Figure::service_costs, line.occurrence->date), line.amounts.minutes);
        sums.minutes += line.amounts.minutes;
    }
    return sums;
}

}  // namespace

bool PayrollRunResult::proof_holds() const {
    for (const auto& item : proof)
        if (!item.holds()) return false;
    return true;
}

PayrollRunResult compute_payroll(const PayrollInput& input) {
    if (!input.figures) throw InternalError("a payroll run computed without figures");
    PayablePlan plan = payable_work(input);
    PayrollRunResult run;
    run.held = std::move(plan.held);
    run.lines.reserve(plan.pay.size());
    for (const auto& work : plan.pay) {
        run.lines.push_back(priced_line(input, work));
        const LineSums& a = run.lines.back().amounts;
        run.line_totals += a;
        add_to_contract(work.occurrence->contract == Contract::employment ? run.employment : run.commission, a);
    }
    run.workers = pay_statements(input, run.lines);
    run.invoices = orderer_invoices(input, run.lines);
    run.proof = payroll_proof(run);
    run.coverage = cost_coverage(coverage_sums(input, run));
    return run;
}

}  // namespace jobcenter::pricing
