// What a payroll run comes to: the pay lines (one per occurrence paid or corrected), a pay statement per
// worker, an invoice per orderer with its totals per VAT rate, the work held back, the proof that every sum
// reconciles, and the cost coverage. Written to the tables of schema/pricing/003_payroll.sql as it stands.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "pricing/payroll/cost_coverage.hpp"
#include "pricing/payroll/payroll_input.hpp"
#include "pricing/prices/line_kind.hpp"

namespace jobcenter::pricing {


struct PayrollLine {
    LineKind kind = LineKind::work;
    const WorkedOccurrence* occurrence = nullptr;  // into the input's occurrences
    Money hourly_wage;
    Decimal coefficient;
    Money unit_price;
    Decimal discount_percent;
    Decimal vat_percent;
    LineSums amounts;  // work: the price now; adjustment: the price now less what was paid
    std::size_t worker = 0;   // index into PayrollRunResult::workers
    std::size_t invoice = 0;  // index into PayrollRunResult::invoices
};

struct WorkerPay {
    std::string client_id;
    std::string client_name;
    std::string unit;
    std::int64_t minutes = 0;
    Money wages;                 // the sum of the lines' pay
    Money employment_wages;      // of which under employment contracts
    Money holiday_compensation;  // employment contracts only
    Money gross;                 // wages + holiday compensation
    Decimal tax_percent;
    bool tax_card = false;       // false: the no-tax-card rate
    Money tax_withheld;
    Money employee_tyel, employee_unemployment;
    Money net_paid;              // gross - tax - the employee's shares
    Money employer_tyel, employer_unemployment, employer_health, employer_accident, employer_group_life;
    Money employer_contributions() const {
        return employer_tyel + employer_unemployment + employer_health + employer_accident + employer_group_life;
    }
};

struct VatTotal {
    Decimal vat_percent;
    Money net, vat, gross;
};

struct Invoice {
    std::string number;  // "YYYY-NNNNNN"
    OrdererRecord orderer;
    std::string invoice_date;
    std::string due_date;
    std::size_t lines = 0;
    Money net, vat, gross;
    std::vector<VatTotal> vat_totals;  // by rate, lowest first
};

// An occurrence not paid, and why (a commission contract of a client on an unemployment benefit).
struct HeldWork {
    const WorkedOccurrence* occurrence = nullptr;
    std::int64_t minutes = 0;  // what would have been paid
    std::string reason;
};

// One reconciliation: its two sides and whether they are equal.
struct ProofItem {
    std::string name;
    Money left, right;
    bool holds() const { return left == right; }
};

// The run's sums by contract type, for the proof and the totals.
struct ContractTotals {
    std::int64_t minutes = 0;
    Money net, pay, side_costs, service_costs;
};

struct PayrollRunResult {
    std::vector<PayrollLine> lines;  // in the order of the occurrences: date, gig
    std::vector<WorkerPay> workers;  // by client id
    std::vector<Invoice> invoices;   // by orderer id
    std::vector<HeldWork> held;
    LineSums line_totals;
    ContractTotals commission, employment;
    std::vector<ProofItem> proof;
    CostCoverage coverage;

    bool proof_holds() const;
};

}  // namespace jobcenter::pricing
