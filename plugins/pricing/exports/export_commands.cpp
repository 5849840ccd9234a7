// The handlers and command table of `pricing payroll show`, `pricing payroll export` and `pricing seller`. Both
// payroll commands audit every pay statement they read, so they run as writers.
#include "pricing/exports/export_commands.hpp"

#include "jobcenter/document.hpp"
#include "jobcenter/params.hpp"
#include "pricing/exports/run_document.hpp"
#include "pricing/exports/run_exports.hpp"
#include "pricing/exports/seller_commands.hpp"

namespace jobcenter::pricing {
namespace json = boost::json;
namespace {

json::value payroll_show_command(Context& ctx, const json::object& request) {
    const RunRecord record = read_run(ctx.db(), params::required_integer(request, "run"), "RUN");
    const RunView view = visible_part(ctx, record);
    audit_statements(ctx, "pricing.payroll-show", view, view.statements, "pay statement shown");
    return run_document(view);
}

json::object files_written(const ExportRequest& request, const RunView& view, const std::vector<ExportDocument>& documents) {
    json::array files;
    for (const auto& document : documents)
        files.push_back(json::object{{"file", document.file_name}, {"document", document.title}, {"bytes", document.content.size()}});
    json::object result{{"run", view.record->run.id}, {"folder", *request.out}, {"files", std::move(files)}};
    if (exports_pay_statements(request)) {
        result["pay_statements_not_shown"] = view.statements_not_shown;
        if (view.statements_not_shown > 0) result["note"] = not_shown_note(view.statements_not_shown);
    }
    return result;
}

json::value payroll_export_command(Context& ctx, const json::object& request) {
    const ExportRequest asked = read_export_request(request);
    const RunRecord record = read_run(ctx.db(), asked.run, "RUN");
    const RunView view = visible_part(ctx, record);
    const std::vector<ExportDocument> documents = run_exports(ctx, asked, view);
    if (!asked.out) return document_result(documents.front().media_type, documents.front().content);
    write_documents(*asked.out, documents);
    return files_written(asked, view, documents);
}

Flag run_argument() {
    return {.name = "run", .type = FlagType::integer, .help = "the payroll run's number", .required = true, .positional = true};
}

}  // namespace

std::vector<Command> export_commands() {
    const Command show{
        .name = "payroll-show",
        .summary = "show a payroll run whole: the run, its totals, pay statements, invoices and their lines",
        .help = "Pay statements are client data: staff and viewers (with --unit) see their own unit's workers only and\n"
                "are told how many were left out; coordinators and administrators see every one. Every pay statement\n"
                "shown is written to the audit trail. --format json gives the document `payroll export --as json` writes.",
        .flags = {run_argument()},
        .access = Access::write,
        .min_role = Role::viewer,
        .run = payroll_show_command};
    const Command export_run{
        .name = "payroll-export",
        .summary = "export a payroll run: CSV for the finance system, JSON, printable HTML, Finvoice invoices",
        .help = "--as csv: a record per invoice line and per pay line; json: the document of `payroll show`;\n"
                "html: an invoice per orderer and a pay statement per worker; finvoice: invoices as Finvoice 3.0 XML.\n"
                "Without --out the one document is printed (html needs --invoice or --worker, finvoice --invoice);\n"
                "with --out DIR a file per document is written there (never over an existing file) and listed.\n"
                "Columns and documents: docs/pricing-exports.md.",
        .flags = {run_argument(),
                  {.name = "as", .type = FlagType::string, .help = "csv, json, html or finvoice", .required = true},
                  {.name = "invoice", .type = FlagType::string, .help = "only this invoice (its number)"},
                  {.name = "worker", .type = FlagType::string, .help = "only this worker's pay statement (the client id)"},
                  {.name = "lang", .type = FlagType::string, .help = "fi (default) or en, for html and finvoice"},
                  {.name = "out", .type = FlagType::string, .help = "an existing folder to write one file per document in"}},
        .access = Access::write,
        .min_role = Role::viewer,
        .run = payroll_export_command};
    std::vector<Command> commands{show, export_run};
    for (auto&& command : seller_commands()) commands.push_back(std::move(command));
    return commands;
}

}  // namespace jobcenter::pricing
