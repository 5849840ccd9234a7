// Reading and writing the payroll tables with bound statements, one pass each.
#include "pricing/payroll/payroll_store.hpp"

#include "jobcenter/errors.hpp"

namespace jobcenter::pricing {

std::map<OccurrenceKey, PaidSoFar> paid_so_far(Database& db, const std::string& from, const std::string& to) {
    auto q = db.prepare(
        "SELECT l.gig_id, l.on_date, COUNT(*), SUM(l.minutes), SUM(l.amount_cents), SUM(l.discount_cents), SUM(l.net_cents), "
        "SUM(l.pay_cents), SUM(l.side_costs_cents), SUM(l.service_costs_cents), SUM(l.vat_cents), SUM(l.gross_cents) "
        "FROM payroll_line l JOIN payroll_run r ON r.id = l.run_id "
        "WHERE r.status <> 'cancelled' AND l.on_date BETWEEN ?1 AND ?2 GROUP BY l.gig_id, l.on_date");
    q.bind(1, from).bind(2, to);
    std::map<OccurrenceKey, PaidSoFar> paid;
    while (q.step()) {
        PaidSoFar p;
        p.lines = q.get_int(2);
        p.amounts = {q.get_int(3),
                     Money::from_cents(q.get_int(4)),
                     Money::from_cents(q.get_int(5)),
                     Money::from_cents(q.get_int(6)),
                     Money::from_cents(q.get_int(7)),
                     Money::from_cents(q.get_int(8)),
                     Money::from_cents(q.get_int(9)),
                     Money::from_cents(q.get_int(10)),
                     Money::from_cents(q.get_int(11))};
        paid.emplace(OccurrenceKey{q.get_int(0), q.get_text(1)}, p);
    }
    return paid;
}

std::map<std::string, Decimal> tax_cards_in_force(Database& db, const std::string& day) {
    auto q = db.prepare("SELECT client_id, percent FROM tax_card WHERE valid_from <= ?1 AND (valid_to IS NULL OR valid_to >= ?1) "
                        "ORDER BY client_id, valid_from, id");
    q.bind(1, day);
    std::map<std::string, Decimal> cards;
    while (q.step()) cards[q.get_text(0)] = Decimal::parse(q.get_text_view(1));
    return cards;
}

std::int64_t next_invoice_sequence(Database& db) {
    auto q = db.prepare("SELECT MAX(CAST(substr(number, 6) AS INTEGER)) FROM payroll_invoice");
    return q.step() && !q.is_null(0) ? q.get_int(0) + 1 : 1;
}

namespace {

std::vector<std::int64_t> write_workers(Database& db, std::int64_t run_id, const std::vector<WorkerPay>& workers) {
    auto insert = db.prepare(
        "INSERT INTO payroll_worker(run_id, client_id, client_name, unit, minutes, wages_cents, holiday_compensation_cents, "
        "gross_cents, tax_percent, tax_card, tax_withheld_cents, employee_tyel_cents, employee_unemployment_cents, "
        "net_paid_cents, employer_tyel_cents, employer_unemployment_cents, employer_health_cents, employer_accident_cents, "
        "employer_group_life_cents) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    std::vector<std::int64_t> ids;
    ids.reserve(workers.size());
    for (const auto& w : workers) {
        insert.bind_all(run_id, w.client_id, w.client_name, w.unit, w.minutes, w.wages.cents(), w.holiday_compensation.cents(),
                        w.gross.cents(), w.tax_percent.to_string(), w.tax_card ? 1 : 0, w.tax_withheld.cents(),
                        w.employee_tyel.cents(), w.employee_unemployment.cents(), w.net_paid.cents(), w.employer_tyel.cents(),
                        w.employer_unemployment.cents(), w.employer_health.cents(), w.employer_accident.cents(),
                        w.employer_group_life.cents());
        insert.run();
        ids.push_back(db.last_insert_id());
    }
    return ids;
}

std::vector<std::int64_t> write_invoices(Database& db, std::int64_t run_id, const std::vector<Invoice>& invoices) {
    auto insert = db.prepare(
        "INSERT INTO payroll_invoice(run_id, number, orderer_id, orderer_name, business_id, address, invoice_date, due_date, "
        "net_cents, vat_cents, gross_cents) VALUES(?,?,?,?,?,?,?,?,?,?,?)");
    auto insert_vat = db.prepare(
        "INSERT INTO payroll_invoice_vat(invoice_id, vat_percent, net_cents, vat_cents, gross_cents) VALUES(?,?,?,?,?)");
    std::vector<std::int64_t> ids;
    ids.reserve(invoices.size());
    for (const auto& invoice : invoices) {
        insert.bind_all(run_id, invoice.number, invoice.orderer.id, invoice.orderer.name, invoice.orderer.business_id,
                        invoice.orderer.address, invoice.invoice_date, invoice.due_date, invoice.net.cents(),
                        invoice.vat.cents(), invoice.gross.cents());
        insert.run();
        ids.push_back(db.last_insert_id());
        for (const auto& rate : invoice.vat_totals) {
            insert_vat.bind_all(ids.back(), rate.vat_percent.to_string(), rate.net.cents(), rate.vat.cents(), rate.gross.cents());
            insert_vat.run();
        }
    }
    return ids;
}

void write_lines(Database& db, std::int64_t run_id, const PayrollRunResult& run, const std::vector<std::int64_t>& worker_ids,
                 const std::vector<std::int64_t>& invoice_ids) {
    auto insert = db.prepare(
        "INSERT INTO payroll_line(run_id, kind, gig_id, on_date, order_id, client_id, unit, orderer_id, task_type, contract, "
        "minutes, hourly_wage_cents, coefficient, unit_price_cents, amount_cents, discount_percent, discount_cents, net_cents, "
        "pay_cents, side_costs_cents, service_costs_cents, vat_percent, vat_cents, gross_cents, worker_id, invoice_id) "
        "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    for (const auto& line : run.lines) {
        const WorkedOccurrence& o = *line.occurrence;
        const LineSums& a = line.amounts;
        insert.bind(1, run_id).bind(2, line_kind_name(line.kind)).bind(3, o.gig).bind_view(4, o.date).bind_view(5, o.order_id);
        insert.bind_view(6, o.client_id).bind_view(7, o.unit).bind(8, o.orderer_id).bind_view(9, o.task_type);
        insert.bind(10, contract_name(o.contract)).bind(11, a.minutes).bind(12, line.hourly_wage.cents());
        insert.bind(13, line.coefficient.to_string()).bind(14, line.unit_price.cents()).bind(15, a.amount.cents());
        insert.bind(16, line.discount_percent.to_string()).bind(17, a.discount.cents()).bind(18, a.net.cents());
        insert.bind(19, a.pay.cents()).bind(20, a.side_costs.cents()).bind(21, a.service_costs.cents());
        insert.bind(22, line.vat_percent.to_string()).bind(23, a.vat.cents()).bind(24, a.gross.cents());
        insert.bind(25, worker_ids.at(line.worker)).bind(26, invoice_ids.at(line.invoice));
        insert.run();
    }
}

}  // namespace

std::int64_t write_payroll_run(Database& db, const RunHeader& header, const PayrollRunResult& run) {
    db.prepare("INSERT INTO payroll_run(period_from, period_to, pay_date, status, created_at, created_by, totals) "
               "VALUES(?,?,?,'open',?,?,?)")
        .bind_all(header.period_from, header.period_to, header.pay_date, header.created_at, header.created_by, header.totals)
        .run();
    const std::int64_t run_id = db.last_insert_id();
    const auto worker_ids = write_workers(db, run_id, run.workers);
    const auto invoice_ids = write_invoices(db, run_id, run.invoices);
    write_lines(db, run_id, run, worker_ids, invoice_ids);
    return run_id;
}

std::optional<RunStatus> run_status_named(std::string_view text) {
    if (text == "open") return RunStatus::open;
    if (text == "paid") return RunStatus::paid;
    if (text == "cancelled") return RunStatus::cancelled;
    return std::nullopt;
}

std::string_view run_status_name(RunStatus status) {
    switch (status) {
        case RunStatus::open: return "open";
        case RunStatus::paid: return "paid";
        case RunStatus::cancelled: return "cancelled";
    }
    return "open";
}

StoredRun stored_run(Database& db, std::int64_t id) {
    auto q = db.prepare("SELECT period_from, period_to, pay_date, status, created_at, paid_at, cancelled_at, cancel_reason "
                        "FROM payroll_run WHERE id = ?");
    q.bind(1, id);
    if (!q.step()) throw NotFoundError("no payroll run " + std::to_string(id), "RUN");
    StoredRun run;
    run.id = id;
    run.period_from = q.get_text(0);
    run.period_to = q.get_text(1);
    run.pay_date = q.get_text(2);
    auto status = run_status_named(q.get_text_view(3));
    if (!status) throw InternalError("payroll run " + std::to_string(id) + " has the unknown status " + q.get_text(3));
    run.status = *status;
    run.created_at = q.get_text(4);
    run.paid_at = q.get_optional_text(5);
    run.cancelled_at = q.get_optional_text(6);
    run.cancel_reason = q.get_optional_text(7);
    return run;
}

}  // namespace jobcenter::pricing
