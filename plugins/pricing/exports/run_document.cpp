// Building the run's JSON document from its rows, table by table.
#include "pricing/exports/run_document.hpp"

#include "pricing/exports/hours_text.hpp"

namespace jobcenter::pricing {
namespace json = boost::json;
namespace {

json::value optional_text(const std::optional<std::string>& text) {
    return text ? json::value(*text) : json::value(nullptr);
}

json::object run_header(const RunHeaderRecord& run) {
    return json::object{{"id", run.id},
                        {"period_from", run.period_from},
                        {"period_to", run.period_to},
                        {"pay_date", run.pay_date},
                        {"status", run.status},
                        {"created_at", run.created_at},
                        {"created_by", run.created_by},
                        {"paid_at", optional_text(run.paid_at)},
                        {"paid_by", optional_text(run.paid_by)},
                        {"cancelled_at", optional_text(run.cancelled_at)},
                        {"cancelled_by", optional_text(run.cancelled_by)},
                        {"cancel_reason", optional_text(run.cancel_reason)}};
}

// The totals and proof the run stored; text that is not JSON is shown as it is.
json::value stored_totals(const std::string& text) {
    boost::system::error_code error;
    json::value parsed = json::parse(text, error);
    return error ? json::value(text) : parsed;
}

json::object statement_row(const PayStatement& s) {
    return json::object{{"client", s.client_id},
                        {"name", s.client_name},
                        {"unit", s.unit},
                        {"hours", hours_text(s.minutes)},
                        {"wages", s.wages.to_string()},
                        {"holiday_compensation", s.holiday_compensation.to_string()},
                        {"gross", s.gross.to_string()},
                        {"tax_percent", s.tax_percent},
                        {"tax_card", s.tax_card},
                        {"tax_withheld", s.tax_withheld.to_string()},
                        {"employee_tyel", s.employee_tyel.to_string()},
                        {"employee_unemployment", s.employee_unemployment.to_string()},
                        {"net_paid", s.net_paid.to_string()}};
}

json::object contributions_row(const PayStatement& s) {
    return json::object{{"client", s.client_id},
                        {"tyel", s.employer.tyel.to_string()},
                        {"unemployment", s.employer.unemployment.to_string()},
                        {"health", s.employer.health.to_string()},
                        {"accident", s.employer.accident.to_string()},
                        {"group_life", s.employer.group_life.to_string()},
                        {"total", s.employer.total().to_string()}};
}

// The fields a pay line and an invoice line share, after the key naming their statement or invoice.
json::object line_row(std::string_view key, const std::string& value, const RunLine& l) {
    return json::object{{key, value},
                        {"line", l.id},
                        {"date", l.date},
                        {"kind", line_kind_name(l.kind)},
                        {"order", l.order_id},
                        {"task_type", l.task_type},
                        {"contract", l.contract},
                        {"hours", hours_text(l.minutes)}};
}

json::object pay_line_row(const PayStatement& s, const RunLine& l) {
    json::object row = line_row("client", s.client_id, l);
    row["hourly_wage"] = l.hourly_wage.to_string();
    row["pay"] = l.pay.to_string();
    return row;
}

json::object invoice_row(const InvoiceRecord& i) {
    return json::object{{"number", i.number},
                        {"orderer_id", i.orderer_id},
                        {"orderer", i.orderer_name},
                        {"business_id", optional_text(i.business_id)},
                        {"address", optional_text(i.address)},
                        {"invoice_date", i.invoice_date},
                        {"due_date", i.due_date},
                        {"net", i.net.to_string()},
                        {"vat", i.vat.to_string()},
                        {"gross", i.gross.to_string()}};
}

json::object vat_row(const InvoiceRecord& i, const VatTotalRecord& v) {
    return json::object{{"invoice", i.number},
                        {"vat_percent", v.vat_percent},
                        {"net", v.net.to_string()},
                        {"vat", v.vat.to_string()},
                        {"gross", v.gross.to_string()}};
}

json::object invoice_line_row(const InvoiceRecord& i, const RunLine& l) {
    json::object row = line_row("invoice", i.number, l);
    row["unit_price"] = l.unit_price.to_string();
    row["amount"] = l.amount.to_string();
    row["discount_percent"] = l.discount_percent;
    row["discount"] = l.discount.to_string();
    row["net"] = l.net.to_string();
    row["vat_percent"] = l.vat_percent;
    row["vat"] = l.vat.to_string();
    row["gross"] = l.gross.to_string();
    return row;
}

}  // namespace

json::object run_document(const RunView& view) {
    const RunRecord& record = *view.record;
    json::array statements, contributions, pay_lines;
    for (const auto* s : view.statements) {
        statements.push_back(statement_row(*s));
        contributions.push_back(contributions_row(*s));
        for (auto index : s->lines) pay_lines.push_back(pay_line_row(*s, record.lines[index]));
    }
    json::array invoices, vat_totals, invoice_lines;
    for (const auto& i : record.invoices) {
        invoices.push_back(invoice_row(i));
        for (const auto& v : i.vat_totals) vat_totals.push_back(vat_row(i, v));
        for (auto index : i.lines) invoice_lines.push_back(invoice_line_row(i, record.lines[index]));
    }
    json::object document{{"run", run_header(record.run)},
                          {"totals", stored_totals(record.run.totals)},
                          {"pay_statements", std::move(statements)},
                          {"pay_statements_not_shown", view.statements_not_shown}};
    if (view.statements_not_shown > 0) document["note"] = not_shown_note(view.statements_not_shown);
    document["employer_contributions"] = std::move(contributions);
    document["pay_lines"] = std::move(pay_lines);
    document["invoices"] = std::move(invoices);
    document["invoice_vat"] = std::move(vat_totals);
    document["invoice_lines"] = std::move(invoice_lines);
    return document;
}

}  // namespace jobcenter::pricing
