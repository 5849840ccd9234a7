// Making each kind of export document from a run and auditing the pay statements in them.
#include "pricing/exports/run_exports.hpp"

#include "pricing/exports/finvoice_xml.hpp"
#include "pricing/exports/invoice_html.hpp"
#include "pricing/exports/pay_statement_html.hpp"
#include "pricing/exports/run_csv.hpp"
#include "pricing/exports/run_document.hpp"

namespace jobcenter::pricing {
namespace {

constexpr std::string_view audit_action = "pricing.payroll-export";

std::string run_stem(const RunView& view) { return "run-" + std::to_string(view.record->run.id); }

ExportDocument csv_export(Context& ctx, const RunView& view) {
    audit_statements(ctx, audit_action, view, view.statements, "pay lines in CSV");
    if (view.statements_not_shown > 0) ctx.log().warn("pricing payroll export: " + not_shown_note(view.statements_not_shown));
    return {run_stem(view) + ".csv", "run " + std::to_string(view.record->run.id) + " as CSV", "text/csv", run_csv(view)};
}

ExportDocument json_export(Context& ctx, const RunView& view) {
    audit_statements(ctx, audit_action, view, view.statements, "pay statement in JSON");
    return {run_stem(view) + ".json", "run " + std::to_string(view.record->run.id) + " as JSON", "application/json",
            boost::json::serialize(run_document(view)) + "\n"};
}

const InvoiceRecord& invoice_numbered(const RunRecord& record, const std::string& number) {
    for (const auto& invoice : record.invoices)
        if (invoice.number == number) return invoice;
    throw NotFoundError("no invoice '" + number + "' in payroll run " + std::to_string(record.run.id), "--invoice");
}

std::vector<const InvoiceRecord*> chosen_invoices(const ExportRequest& request, const RunRecord& record) {
    if (request.invoice) return {&invoice_numbered(record, *request.invoice)};
    if (request.worker) return {};
    std::vector<const InvoiceRecord*> all;
    for (const auto& invoice : record.invoices) all.push_back(&invoice);
    return all;
}

std::vector<const PayStatement*> chosen_statements(const ExportRequest& request, const RunView& view) {
    if (request.worker) return {&visible_statement(view, *request.worker, "--worker")};
    if (request.invoice || request.format == ExportFormat::finvoice) return {};
    return view.statements;
}

ExportDocument invoice_export(Context& ctx, const ExportRequest& request, const RunRecord& record, const InvoiceRecord& invoice,
                              const TaskNames& tasks) {
    const InvoicePage page{&record, &invoice, seller_on(ctx.db(), invoice.invoice_date), &tasks};
    const std::string stem = "invoice-" + safe_file_stem(invoice.number);
    if (request.format == ExportFormat::finvoice)
        return {stem + ".xml", "invoice " + invoice.number + " as Finvoice", "application/xml",
                finvoice_xml(page, request.language)};
    return {stem + ".html", "invoice " + invoice.number, "text/html", invoice_html(page, request.language)};
}

ExportDocument pay_statement_export(Context& ctx, const ExportRequest& request, const RunRecord& record,
                                    const PayStatement& statement, const TaskNames& tasks) {
    const PayStatementPage page{&record, &statement, unit_title(ctx.db(), statement.unit), &tasks};
    return {"pay-" + safe_file_stem(statement.client_id) + ".html", "pay statement " + statement.client_id, "text/html",
            pay_statement_html(page, request.language)};
}

std::vector<ExportDocument> printed_exports(Context& ctx, const ExportRequest& request, const RunView& view) {
    const RunRecord& record = *view.record;
    const auto invoices = chosen_invoices(request, record);
    const auto statements = chosen_statements(request, view);
    const TaskNames tasks = TaskNames::load(ctx);
    std::vector<ExportDocument> documents;
    for (const auto* invoice : invoices) documents.push_back(invoice_export(ctx, request, record, *invoice, tasks));
    for (const auto* statement : statements)
        documents.push_back(pay_statement_export(ctx, request, record, *statement, tasks));
    audit_statements(ctx, audit_action, view, statements,
                     std::string("pay statement in HTML (") + std::string(language_code(request.language)) + ")");
    return documents;
}

}  // namespace

bool exports_pay_statements(const ExportRequest& request) {
    if (request.format == ExportFormat::csv || request.format == ExportFormat::json) return true;
    return request.format == ExportFormat::html && !request.invoice;
}

std::vector<ExportDocument> run_exports(Context& ctx, const ExportRequest& request, const RunView& view) {
    switch (request.format) {
        case ExportFormat::csv: return {csv_export(ctx, view)};
        case ExportFormat::json: return {json_export(ctx, view)};
        case ExportFormat::html:
        case ExportFormat::finvoice: return printed_exports(ctx, request, view);
    }
    return {};
}

}  // namespace jobcenter::pricing
