// A payroll run as its tables hold it (schema/pricing/003_payroll.sql): the run, its pay statements and invoices
// with their lines and VAT totals, read whole for the exports. Amounts stay as stored: nothing is recomputed here.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "jobcenter/database.hpp"
#include "jobcenter/money.hpp"
#include "pricing/prices/line_kind.hpp"

namespace jobcenter::pricing {


// One payroll_line: a gig occurrence paid (or corrected) in the run, both the worker's pay and the invoice line.
struct RunLine {
    std::int64_t id = 0;
    LineKind kind = LineKind::work;
    std::int64_t gig_id = 0;
    std::string date;  // the day of work
    std::string order_id;
    std::string client_id;
    std::string unit;
    std::int64_t orderer_id = 0;
    std::string task_type;
    std::string contract;
    std::int64_t minutes = 0;
    Money hourly_wage;
    std::string coefficient;
    Money unit_price;
    Money amount;
    std::string discount_percent;
    Money discount;
    Money net;
    Money pay;
    Money side_costs;
    Money service_costs;
    std::string vat_percent;
    Money vat;
    Money gross;
    std::int64_t worker_id = 0;
    std::int64_t invoice_id = 0;
};

struct EmployerContributions {
    Money tyel, unemployment, health, accident, group_life;
    Money total() const { return tyel + unemployment + health + accident + group_life; }
};

// One payroll_worker row: a worker-client's pay in the run, and the indexes of its lines in RunRecord::lines.
struct PayStatement {
    std::int64_t id = 0;
    std::string client_id;
    std::string client_name;
    std::string unit;
    std::int64_t minutes = 0;
    Money wages;
    Money holiday_compensation;
    Money gross;
    std::string tax_percent;
    bool tax_card = false;  // false: withheld at the no-tax-card rate
    Money tax_withheld;
    Money employee_tyel;
    Money employee_unemployment;
    Money net_paid;
    EmployerContributions employer;
    std::vector<std::size_t> lines;
};

struct VatTotalRecord {
    std::string vat_percent;
    Money net, vat, gross;
};

// One payroll_invoice row with its totals per VAT rate and the indexes of its lines.
struct InvoiceRecord {
    std::int64_t id = 0;
    std::string number;
    std::int64_t orderer_id = 0;
    std::string orderer_name;
    std::optional<std::string> business_id;
    std::optional<std::string> address;
    std::string invoice_date;
    std::string due_date;
    Money net, vat, gross;
    std::vector<VatTotalRecord> vat_totals;  // by rate, as numbers
    std::vector<std::size_t> lines;
};

struct RunHeaderRecord {
    std::int64_t id = 0;
    std::string period_from, period_to, pay_date;
    std::string status;  // open, paid, cancelled
    std::string created_at, created_by;
    std::optional<std::string> paid_at, paid_by, cancelled_at, cancelled_by, cancel_reason;
    std::string totals;  // the JSON text stored with the run
};

struct RunRecord {
    RunHeaderRecord run;
    std::vector<PayStatement> statements;  // by client id
    std::vector<InvoiceRecord> invoices;         // by invoice number
    std::vector<RunLine> lines;            // by date, then line id
};

// The run `run_id` whole; throws NotFoundError "no payroll run N" naming `where`.
RunRecord read_run(Database& db, std::int64_t run_id, const std::string& where);

}  // namespace jobcenter::pricing
