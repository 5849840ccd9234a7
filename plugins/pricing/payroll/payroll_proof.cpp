// Each reconciliation of a run, its two sides summed independently.
#include "pricing/payroll/payroll_proof.hpp"

namespace jobcenter::pricing {
namespace {

void add_invoice_proofs(const PayrollRunResult& run, std::vector<ProofItem>& proof) {
    Money net, vat, gross, rates_gross;
    for (const auto& invoice : run.invoices) {
        net += invoice.net;
        vat += invoice.vat;
        gross += invoice.gross;
        for (const auto& rate : invoice.vat_totals) rates_gross += rate.gross;
    }
    proof.push_back({"invoices net = lines net", net, run.line_totals.net});
    proof.push_back({"invoices VAT = lines VAT", vat, run.line_totals.vat});
    proof.push_back({"invoices gross = lines gross", gross, run.line_totals.gross});
    proof.push_back({"VAT rate totals gross = invoices gross", rates_gross, gross});
}

void add_contract_proof(std::string_view contract, const ContractTotals& totals, std::vector<ProofItem>& proof) {
    proof.push_back({std::string(contract) + " net = pay + side costs + service costs", totals.net,
                     totals.pay + totals.side_costs + totals.service_costs});
}

void add_pay_proofs(const PayrollRunResult& run, std::vector<ProofItem>& proof) {
    Money wages, withheld, paid_out, gross;
    for (const auto& w : run.workers) {
        wages += w.wages;
        withheld += w.tax_withheld + w.employee_tyel + w.employee_unemployment;
        paid_out += w.net_paid;
        gross += w.gross;
    }
    proof.push_back({"pay statements wages = lines pay", wages, run.line_totals.pay});
    proof.push_back({"withheld + paid out = gross", withheld + paid_out, gross});
}

}  // namespace

std::vector<ProofItem> payroll_proof(const PayrollRunResult& run) {
    std::vector<ProofItem> proof;
    add_invoice_proofs(run, proof);
    add_contract_proof("commission", run.commission, proof);
    add_contract_proof("employment", run.employment, proof);
    add_pay_proofs(run, proof);
    return proof;
}

}  // namespace jobcenter::pricing
