// Reading one payroll run's rows: the run, its pay statements, invoices, VAT totals and lines, each table once.
#include "pricing/exports/run_record.hpp"

#include <algorithm>
#include <map>

#include "jobcenter/errors.hpp"

namespace jobcenter::pricing {
namespace {

Money cents(const Statement& q, int column) { return Money::from_cents(q.get_int(column)); }

RunHeaderRecord read_header(Database& db, std::int64_t run_id, const std::string& where) {
    auto q = db.prepare("SELECT id, period_from, period_to, pay_date, status, created_at, created_by, paid_at, paid_by, "
                        "cancelled_at, cancelled_by, cancel_reason, totals FROM payroll_run WHERE id = ?");
    q.bind(1, run_id);
    if (!q.step())
        throw NotFoundError("no payroll run " + std::to_string(run_id) + ": list them with `jobcenter pricing payroll list`",
                            where);
    RunHeaderRecord run;
    run.id = q.get_int(0);
    run.period_from = q.get_text(1);
    run.period_to = q.get_text(2);
    run.pay_date = q.get_text(3);
    run.status = q.get_text(4);
    run.created_at = q.get_text(5);
    run.created_by = q.get_text(6);
    run.paid_at = q.get_optional_text(7);
    run.paid_by = q.get_optional_text(8);
    run.cancelled_at = q.get_optional_text(9);
    run.cancelled_by = q.get_optional_text(10);
    run.cancel_reason = q.get_optional_text(11);
    run.totals = q.get_text(12);
    return run;
}

std::vector<PayStatement> read_statements(Database& db, std::int64_t run_id) {
    auto q = db.prepare(
        "SELECT id, client_id, client_name, unit, minutes, wages_cents, holiday_compensation_cents, gross_cents, "
        "tax_percent, tax_card, tax_withheld_cents, employee_tyel_cents, employee_unemployment_cents, net_paid_cents, "
        "employer_tyel_cents, employer_unemployment_cents, employer_health_cents, employer_accident_cents, "
        "employer_group_life_cents FROM payroll_worker WHERE run_id = ? ORDER BY client_id, id");
    q.bind(1, run_id);
    std::vector<PayStatement> statements;
    while (q.step()) {
        PayStatement s;
        s.id = q.get_int(0);
        s.client_id = q.get_text(1);
        s.client_name = q.get_text(2);
        s.unit = q.get_text(3);
        s.minutes = q.get_int(4);
        s.wages = cents(q, 5);
        s.holiday_compensation = cents(q, 6);
        s.gross = cents(q, 7);
        s.tax_percent = q.get_text(8);
        s.tax_card = q.get_int(9) != 0;
        s.tax_withheld = cents(q, 10);
        s.employee_tyel = cents(q, 11);
        s.employee_unemployment = cents(q, 12);
        s.net_paid = cents(q, 13);
        s.employer = {cents(q, 14), cents(q, 15), cents(q, 16), cents(q, 17), cents(q, 18)};
        statements.push_back(std::move(s));
    }
    return statements;
}

std::vector<InvoiceRecord> read_invoices(Database& db, std::int64_t run_id) {
    auto q = db.prepare("SELECT id, number, orderer_id, orderer_name, business_id, address, invoice_date, due_date, "
                        "net_cents, vat_cents, gross_cents FROM payroll_invoice WHERE run_id = ? ORDER BY number, id");
    q.bind(1, run_id);
    std::vector<InvoiceRecord> invoices;
    while (q.step()) {
        InvoiceRecord i;
        i.id = q.get_int(0);
        i.number = q.get_text(1);
        i.orderer_id = q.get_int(2);
        i.orderer_name = q.get_text(3);
        i.business_id = q.get_optional_text(4);
        i.address = q.get_optional_text(5);
        i.invoice_date = q.get_text(6);
        i.due_date = q.get_text(7);
        i.net = cents(q, 8);
        i.vat = cents(q, 9);
        i.gross = cents(q, 10);
        invoices.push_back(std::move(i));
    }
    auto v = db.prepare("SELECT v.invoice_id, v.vat_percent, v.net_cents, v.vat_cents, v.gross_cents FROM "
                        "payroll_invoice_vat v JOIN payroll_invoice i ON i.id = v.invoice_id WHERE i.run_id = ?");
    v.bind(1, run_id);
    std::map<std::int64_t, std::vector<VatTotalRecord>> totals;
    while (v.step()) totals[v.get_int(0)].push_back({v.get_text(1), cents(v, 2), cents(v, 3), cents(v, 4)});
    for (auto& invoice : invoices) {
        invoice.vat_totals = std::move(totals[invoice.id]);
        std::sort(invoice.vat_totals.begin(), invoice.vat_totals.end(), [](const VatTotalRecord& a, const VatTotalRecord& b) {
            return Decimal::parse(a.vat_percent) < Decimal::parse(b.vat_percent);
        });
    }
    return invoices;
}

std::vector<RunLine> read_lines(Database& db, std::int64_t run_id) {
    auto q = db.prepare(
        "SELECT id, kind, gig_id, on_date, order_id, client_id, unit, orderer_id, task_type, contract, minutes, "
        "hourly_wage_cents, coefficient, unit_price_cents, amount_cents, discount_percent, discount_cents, net_cents, "
        "pay_cents, side_costs_cents, service_costs_cents, vat_percent, vat_cents, gross_cents, worker_id, invoice_id "
        "FROM payroll_line WHERE run_id = ? ORDER BY on_date, id");
    q.bind(1, run_id);
    std::vector<RunLine> lines;
    while (q.step()) {
        RunLine l;
        l.id = q.get_int(0);
        l.kind = q.get_text_view(1) == "adjustment" ? LineKind::adjustment : LineKind::work;
        l.gig_id = q.get_int(2);
        l.date = q.get_text(3);
        l.order_id = q.get_text(4);
        l.client_id = q.get_text(5);
        l.unit = q.get_text(6);
        l.orderer_id = q.get_int(7);
        l.task_type = q.get_text(8);
        l.contract = q.get_text(9);
        l.minutes = q.get_int(10);
        l.hourly_wage = cents(q, 11);
        l.coefficient = q.get_text(12);
        l.unit_price = cents(q, 13);
        l.amount = cents(q, 14);
        l.discount_percent = q.get_text(15);
        l.discount = cents(q, 16);
        l.net = cents(q, 17);
        l.pay = cents(q, 18);
        l.side_costs = cents(q, 19);
        l.service_costs = cents(q, 20);
        l.vat_percent = q.get_text(21);
        l.vat = cents(q, 22);
        l.gross = cents(q, 23);
        l.worker_id = q.get_int(24);
        l.invoice_id = q.get_int(25);
        lines.push_back(std::move(l));
    }
    return lines;
}

// Gives each pay statement and invoice the indexes of its lines, in the lines' order.
void attach_lines(RunRecord& record) {
    std::map<std::int64_t, PayStatement*> statements;
    for (auto& s : record.statements) statements[s.id] = &s;
    std::map<std::int64_t, InvoiceRecord*> invoices;
    for (auto& i : record.invoices) invoices[i.id] = &i;
    for (std::size_t index = 0; index < record.lines.size(); ++index) {
        const auto& line = record.lines[index];
        auto statement = statements.find(line.worker_id);
        auto invoice = invoices.find(line.invoice_id);
        if (statement == statements.end() || invoice == invoices.end())
            throw InternalError("payroll line " + std::to_string(line.id) + " names a pay statement or invoice of another run",
                                "payroll run " + std::to_string(record.run.id));
        statement->second->lines.push_back(index);
        invoice->second->lines.push_back(index);
    }
}

}  // namespace

RunRecord read_run(Database& db, std::int64_t run_id, const std::string& where) {
    RunRecord record;
    record.run = read_header(db, run_id, where);
    record.statements = read_statements(db, run_id);
    record.invoices = read_invoices(db, run_id);
    record.lines = read_lines(db, run_id);
    attach_lines(record);
    return record;
}

}  // namespace jobcenter::pricing
