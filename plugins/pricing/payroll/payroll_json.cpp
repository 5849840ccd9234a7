// Writing each part of a run as JSON, field names as in the payroll tables without their _cents.
#include "pricing/payroll/payroll_json.hpp"

namespace jobcenter::pricing {
namespace json = boost::json;
namespace {

json::string money(Money m) { return json::string(m.to_string()); }

json::object contract_json(const ContractTotals& t) {
    return {{"hours", hours_of(t.minutes)}, {"net", money(t.net)}, {"pay", money(t.pay)},
            {"side_costs", money(t.side_costs)}, {"service_costs", money(t.service_costs)}};
}

}  // namespace

std::string hours_of(std::int64_t minutes) {
    return Decimal::from_micros(divide_rounded(static_cast<Int128>(minutes) * Decimal::scale, 60, Rounding::half_up)).to_string();
}

json::array proof_json(const std::vector<ProofItem>& proof) {
    json::array out;
    for (const auto& item : proof)
        out.push_back(json::object{{"proof", item.name}, {"left", money(item.left)}, {"right", money(item.right)},
                                   {"holds", item.holds()}});
    return out;
}

json::object coverage_json(const CostCoverage& c) {
    return {{"side_costs_collected", money(c.sums.side_costs_collected)},
            {"employer_costs_due", money(c.sums.employer_costs_due)},
            {"employment_hours", hours_of(c.sums.employment_minutes)},
            {"side_costs_covered", c.side_costs_covered},
            {"service_costs_collected", money(c.sums.service_costs_collected)},
            {"service_costs_standard", money(c.sums.service_costs_standard)},
            {"hours", hours_of(c.sums.minutes)},
            {"service_costs_covered", c.service_costs_covered},
            {"side_costs", c.side_costs_line},
            {"service_costs", c.service_costs_line}};
}

json::object totals_json(const PayrollRunResult& run) {
    Money wages, holiday, gross, tax, employee_shares, net_paid, employer;
    for (const auto& w : run.workers) {
        wages += w.wages;
        holiday += w.holiday_compensation;
        gross += w.gross;
        tax += w.tax_withheld;
        employee_shares += w.employee_tyel + w.employee_unemployment;
        net_paid += w.net_paid;
        employer += w.employer_contributions();
    }
    const LineSums& l = run.line_totals;
    return {{"workers", run.workers.size()},
            {"invoices", run.invoices.size()},
            {"lines", run.lines.size()},
            {"held", run.held.size()},
            {"hours", hours_of(l.minutes)},
            {"net", money(l.net)},
            {"vat", money(l.vat)},
            {"gross", money(l.gross)},
            {"discount", money(l.discount)},
            {"pay", money(l.pay)},
            {"side_costs", money(l.side_costs)},
            {"service_costs", money(l.service_costs)},
            {"wages", money(wages)},
            {"holiday_compensation", money(holiday)},
            {"worker_gross", money(gross)},
            {"tax_withheld", money(tax)},
            {"employee_shares", money(employee_shares)},
            {"net_paid", money(net_paid)},
            {"employer_contributions", money(employer)},
            {"commission", contract_json(run.commission)},
            {"employment", contract_json(run.employment)},
            {"proof_holds", run.proof_holds()}};
}

json::array lines_json(const PayrollRunResult& run) {
    json::array out;
    out.reserve(run.lines.size());
    for (const auto& line : run.lines) {
        const WorkedOccurrence& o = *line.occurrence;
        const LineSums& a = line.amounts;
        out.push_back(json::object{{"kind", line_kind_name(line.kind)},
                                   {"gig", o.gig},
                                   {"date", o.date},
                                   {"order", o.order_id},
                                   {"client", o.client_id},
                                   {"unit", o.unit},
                                   {"orderer", o.orderer_id},
                                   {"task_type", o.task_type},
                                   {"contract", contract_name(o.contract)},
                                   {"hours", hours_of(a.minutes)},
                                   {"hourly_wage", money(line.hourly_wage)},
                                   {"coefficient", line.coefficient.to_string()},
                                   {"unit_price", money(line.unit_price)},
                                   {"amount", money(a.amount)},
                                   {"discount_percent", line.discount_percent.to_string()},
                                   {"discount", money(a.discount)},
                                   {"net", money(a.net)},
                                   {"pay", money(a.pay)},
                                   {"side_costs", money(a.side_costs)},
                                   {"service_costs", money(a.service_costs)},
                                   {"vat_percent", line.vat_percent.to_string()},
                                   {"vat", money(a.vat)},
                                   {"gross", money(a.gross)},
                                   {"invoice", run.invoices.at(line.invoice).number}});
    }
    return out;
}

json::array workers_json(const std::vector<WorkerPay>& workers) {
    json::array out;
    out.reserve(workers.size());
    for (const auto& w : workers)
        out.push_back(json::object{{"client", w.client_id},
                                   {"name", w.client_name},
                                   {"unit", w.unit},
                                   {"hours", hours_of(w.minutes)},
                                   {"wages", money(w.wages)},
                                   {"holiday_compensation", money(w.holiday_compensation)},
                                   {"gross", money(w.gross)},
                                   {"tax_percent", w.tax_percent.to_string()},
                                   {"tax_card", w.tax_card},
                                   {"tax_withheld", money(w.tax_withheld)},
                                   {"employee_tyel", money(w.employee_tyel)},
                                   {"employee_unemployment", money(w.employee_unemployment)},
                                   {"net_paid", money(w.net_paid)},
                                   {"employer_tyel", money(w.employer_tyel)},
                                   {"employer_unemployment", money(w.employer_unemployment)},
                                   {"employer_health", money(w.employer_health)},
                                   {"employer_accident", money(w.employer_accident)},
                                   {"employer_group_life", money(w.employer_group_life)}});
    return out;
}

json::array invoices_json(const std::vector<Invoice>& invoices) {
    json::array out;
    out.reserve(invoices.size());
    for (const auto& invoice : invoices) {
        json::array rates;
        for (const auto& r : invoice.vat_totals)
            rates.push_back(json::object{{"vat_percent", r.vat_percent.to_string()}, {"net", money(r.net)},
                                         {"vat", money(r.vat)}, {"gross", money(r.gross)}});
        auto text_or_null = [](const std::optional<std::string>& t) { return t ? json::value(*t) : json::value(nullptr); };
        out.push_back(json::object{{"number", invoice.number},
                                   {"orderer", invoice.orderer.id},
                                   {"orderer_name", invoice.orderer.name},
                                   {"business_id", text_or_null(invoice.orderer.business_id)},
                                   {"address", text_or_null(invoice.orderer.address)},
                                   {"invoice_date", invoice.invoice_date},
                                   {"due_date", invoice.due_date},
                                   {"lines", invoice.lines},
                                   {"net", money(invoice.net)},
                                   {"vat", money(invoice.vat)},
                                   {"gross", money(invoice.gross)},
                                   {"vat_rates", std::move(rates)}});
    }
    return out;
}

json::array held_json(const std::vector<HeldWork>& held) {
    json::array out;
    for (const auto& h : held)
        out.push_back(json::object{{"gig", h.occurrence->gig},
                                   {"date", h.occurrence->date},
                                   {"order", h.occurrence->order_id},
                                   {"client", h.occurrence->client_id},
                                   {"contract", contract_name(h.occurrence->contract)},
                                   {"hours", hours_of(h.minutes)},
                                   {"reason", h.reason}});
    return out;
}

}  // namespace jobcenter::pricing
