// Writes a consistent payroll run straight into the tables of schema/pricing/003_payroll.sql, for the export and
// report tests until `pricing payroll run` is on main: every line priced by price_work() on the dated figures, a pay
// statement per worker and an invoice per orderer whose amounts are exact sums of their lines, totals per VAT rate,
// and the run's totals JSON.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "jobcenter/database.hpp"
#include "jobcenter/money.hpp"
#include "pricing/figures/figure_book.hpp"
#include "pricing/prices/price_line.hpp"

namespace jobcenter::testing {

struct WorkRow {
    std::string client = "C-1001";
    std::string client_name = "Aino K.";
    std::string unit = "pakila";
    std::int64_t orderer_id = 42;
    std::string task_type = "office-cleaning";
    std::string contract = "commission";
    std::string date = "2026-01-05";
    std::int64_t minutes = 120;  // negative for an adjustment that takes hours back
    std::string order_id = "T-100";
    std::int64_t gig_id = 1;
    std::string kind = "work";
    std::string discount_percent = "0";
};

struct OrdererRow {
    std::string name;
    std::optional<std::string> business_id;
    std::optional<std::string> address;
};

struct RunRows {
    std::string period_from = "2026-01-01";
    std::string period_to = "2026-01-31";
    std::string pay_date = "2026-02-05";
    std::string status = "open";  // open, paid or cancelled
    std::vector<WorkRow> work;
    std::map<std::int64_t, OrdererRow> orderers;
    std::map<std::string, std::string> tax_percent;  // client -> percent on a tax card; others the no-tax-card rate
};

namespace payroll_rows_detail {

inline std::string text_of(Database& db, const std::string& sql, const std::string& arg) {
    auto q = db.prepare(sql);
    q.bind(1, arg);
    q.step();
    return q.get_text(0);
}

struct WorkerSums {
    std::string name, unit;
    std::int64_t minutes = 0;
    Money wages, employment_wages;
};

struct InvoiceSums {
    Money net, vat, gross;
    std::map<std::string, std::array<Money, 3>> by_rate;  // vat percent -> net, vat, gross
};

}  // namespace payroll_rows_detail

// Returns the new run's id.
inline std::int64_t write_payroll_run(Database& db, const RunRows& rows) {
    using namespace pricing;
    using namespace payroll_rows_detail;
    const FigureBook figures = FigureBook::load(db);
    Transaction transaction(db);

    std::vector<PricedLine> priced;
    std::map<std::string, WorkerSums> workers;
    std::map<std::int64_t, InvoiceSums> invoices;
    Money run_net, run_pay;
    for (const auto& w : rows.work) {
        const Contract contract = *contract_named(w.contract);
        const Figure standard = contract == Contract::commission ? Figure::coefficient_commission : Figure::coefficient_employment;
        const PriceTerms terms{figures.value_on(standard, w.date), Decimal::parse(w.discount_percent)};
        priced.push_back(price_work(figures, WorkItem{w.date, contract, w.minutes}, terms));
        const PricedLine& line = priced.back();
        auto& worker = workers[w.client];
        worker.name = w.client_name;
        worker.unit = w.unit;
        worker.minutes += w.minutes;
        worker.wages += line.pay;
        if (contract == Contract::employment) worker.employment_wages += line.pay;
        auto& invoice = invoices[w.orderer_id];
        invoice.net += line.net;
        invoice.vat += line.vat;
        invoice.gross += line.gross;
        auto& rate = invoice.by_rate[line.vat_percent.to_string()];
        rate[0] += line.net;
        rate[1] += line.vat;
        rate[2] += line.gross;
        run_net += line.net;
        run_pay += line.pay;
    }

    const bool paid = rows.status == "paid", cancelled = rows.status == "cancelled";
    const std::string totals = "{\"lines\": " + std::to_string(priced.size()) + ", \"net\": \"" + run_net.to_string() +
                               "\", \"pay\": \"" + run_pay.to_string() + "\", \"proof\": {\"invoices_equal_lines\": true}}";
    db.prepare("INSERT INTO payroll_run(period_from, period_to, pay_date, status, created_at, created_by, paid_at, paid_by, "
               "cancelled_at, cancelled_by, cancel_reason, totals) VALUES(?,?,?,?,?,?,?,?,?,?,?,?)")
        .bind_all(rows.period_from, rows.period_to, rows.pay_date, rows.status, std::string("2026-02-01T08:00:00Z"),
                  std::string("coordinator"), paid ? std::optional<std::string>("2026-02-05T08:00:00Z") : std::nullopt,
                  paid ? std::optional<std::string>("coordinator") : std::nullopt,
                  cancelled ? std::optional<std::string>("2026-02-02T08:00:00Z") : std::nullopt,
                  cancelled ? std::optional<std::string>("coordinator") : std::nullopt,
                  cancelled ? std::optional<std::string>("entered twice") : std::nullopt, totals)
        .run();
    const std::int64_t run_id = db.last_insert_id();

    const std::string date = rows.pay_date;
    std::map<std::string, std::int64_t> worker_ids;
    for (const auto& [client, w] : workers) {
        const auto card = rows.tax_percent.find(client);
        const Decimal tax_percent = card != rows.tax_percent.end() ? Decimal::parse(card->second)
                                                                   : figures.value_on(Figure::withholding_no_tax_card, date);
        const Money holiday = w.employment_wages.percent(figures.value_on(Figure::holiday_compensation, date));
        const Money gross = w.wages + holiday;
        const Money employment_gross = w.employment_wages + holiday;
        const Money tax = gross.percent(tax_percent);
        const Money tyel = employment_gross.percent(figures.value_on(Figure::employee_tyel, date));
        const Money unemployment = employment_gross.percent(figures.value_on(Figure::employee_unemployment_insurance, date));
        auto employer = [&](Figure f) { return employment_gross.percent(figures.value_on(f, date)).cents(); };
        db.prepare("INSERT INTO payroll_worker(run_id, client_id, client_name, unit, minutes, wages_cents, "
                   "holiday_compensation_cents, gross_cents, tax_percent, tax_card, tax_withheld_cents, employee_tyel_cents, "
                   "employee_unemployment_cents, net_paid_cents, employer_tyel_cents, employer_unemployment_cents, "
                   "employer_health_cents, employer_accident_cents, employer_group_life_cents) "
                   "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
            .bind_all(run_id, client, w.name, w.unit, w.minutes, w.wages.cents(), holiday.cents(), gross.cents(),
                      tax_percent.to_string(), card != rows.tax_percent.end() ? 1 : 0, tax.cents(), tyel.cents(),
                      unemployment.cents(), (gross - tax - tyel - unemployment).cents(), employer(Figure::employer_tyel),
                      employer(Figure::employer_unemployment_insurance), employer(Figure::employer_health_insurance),
                      employer(Figure::employer_accident_insurance), employer(Figure::employer_group_life_insurance))
            .run();
        worker_ids[client] = db.last_insert_id();
    }

    const std::string due_date = text_of(db, "SELECT date(?, '+14 days')", date);
    std::map<std::int64_t, std::int64_t> invoice_ids;
    for (const auto& [orderer_id, sums] : invoices) {
        auto count = db.prepare("SELECT COUNT(*) + 1 FROM payroll_invoice");
        count.step();
        std::string sequence = std::to_string(count.get_int(0));
        const std::string number = date.substr(0, 4) + "-" + std::string(6 - sequence.size(), '0') + sequence;
        const auto known = rows.orderers.find(orderer_id);
        const OrdererRow orderer = known != rows.orderers.end() ? known->second
                                                                : OrdererRow{"Orderer " + std::to_string(orderer_id), {}, {}};
        db.prepare("INSERT INTO payroll_invoice(run_id, number, orderer_id, orderer_name, business_id, address, "
                   "invoice_date, due_date, net_cents, vat_cents, gross_cents) VALUES(?,?,?,?,?,?,?,?,?,?,?)")
            .bind_all(run_id, number, orderer_id, orderer.name, orderer.business_id, orderer.address, date, due_date,
                      sums.net.cents(), sums.vat.cents(), sums.gross.cents())
            .run();
        const std::int64_t invoice_id = db.last_insert_id();
        invoice_ids[orderer_id] = invoice_id;
        for (const auto& [rate, amounts] : sums.by_rate)
            db.prepare("INSERT INTO payroll_invoice_vat(invoice_id, vat_percent, net_cents, vat_cents, gross_cents) "
                       "VALUES(?,?,?,?,?)")
                .bind_all(invoice_id, rate, amounts[0].cents(), amounts[1].cents(), amounts[2].cents())
                .run();
    }

    for (std::size_t i = 0; i < rows.work.size(); ++i) {
        const WorkRow& w = rows.work[i];
        const PricedLine& l = priced[i];
        db.prepare("INSERT INTO payroll_line(run_id, kind, gig_id, on_date, order_id, client_id, unit, orderer_id, task_type, "
                   "contract, minutes, hourly_wage_cents, coefficient, unit_price_cents, amount_cents, discount_percent, "
                   "discount_cents, net_cents, pay_cents, side_costs_cents, service_costs_cents, vat_percent, vat_cents, "
                   "gross_cents, worker_id, invoice_id) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
            .bind_all(run_id, w.kind, w.gig_id, w.date, w.order_id, w.client, w.unit, w.orderer_id, w.task_type, w.contract,
                      w.minutes, l.wage.cents(), l.coefficient.to_string(), l.unit_price.cents(), l.amount.cents(),
                      l.discount_percent.to_string(), l.discount.cents(), l.net.cents(), l.pay.cents(),
                      l.side_costs.cents(), l.service_costs.cents(), l.vat_percent.to_string(), l.vat.cents(),
                      l.gross.cents(), worker_ids.at(w.client), invoice_ids.at(w.orderer_id))
            .run();
    }
    transaction.commit();
    return run_id;
}

}  // namespace jobcenter::testing
