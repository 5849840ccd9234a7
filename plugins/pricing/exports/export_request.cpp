// Reading the export flags and refusing the combinations that make no sense.
#include "pricing/exports/export_request.hpp"

#include "jobcenter/errors.hpp"
#include "jobcenter/params.hpp"

namespace jobcenter::pricing {
namespace {

ExportFormat format_named(const std::string& text) {
    if (text == "csv") return ExportFormat::csv;
    if (text == "json") return ExportFormat::json;
    if (text == "html") return ExportFormat::html;
    if (text == "finvoice") return ExportFormat::finvoice;
    throw InputError("unknown export format '" + text + "': use csv, json, html or finvoice", "--as");
}

void check_choice(const ExportRequest& r) {
    const bool documents = r.format == ExportFormat::html || r.format == ExportFormat::finvoice;
    if (!documents && (r.invoice || r.worker))
        throw UsageError("--invoice and --worker pick one document of --as html or finvoice; csv and json export the "
                         "whole run",
                         r.invoice ? "--invoice" : "--worker");
    if (r.invoice && r.worker) throw UsageError("give --invoice or --worker, not both", "--worker");
    if (r.format == ExportFormat::finvoice && r.worker)
        throw UsageError("Finvoice is an invoice format: a pay statement is exported with --as html", "--worker");
    if (r.out) return;
    if (r.format == ExportFormat::html && !r.invoice && !r.worker)
        throw UsageError("--as html prints one document: give --invoice NUMBER or --worker CLIENT, or --out DIR to write "
                         "every invoice and pay statement",
                         "--as");
    if (r.format == ExportFormat::finvoice && !r.invoice)
        throw UsageError("--as finvoice prints one invoice: give --invoice NUMBER, or --out DIR to write every invoice",
                         "--as");
}

}  // namespace

ExportRequest read_export_request(const boost::json::object& request) {
    ExportRequest r;
    r.run = params::required_integer(request, "run");
    r.format = format_named(params::required_string(request, "as"));
    r.invoice = params::optional_string(request, "invoice");
    r.worker = params::optional_string(request, "worker");
    r.out = params::optional_string(request, "out");
    if (auto code = params::optional_string(request, "lang")) {
        if (r.format == ExportFormat::csv || r.format == ExportFormat::json)
            throw UsageError("--lang sets the language of --as html and finvoice documents", "--lang");
        auto language = language_named(*code);
        if (!language) throw InputError("unknown language '" + *code + "': use fi or en", "--lang");
        r.language = *language;
    }
    check_choice(r);
    return r;
}

}  // namespace jobcenter::pricing
