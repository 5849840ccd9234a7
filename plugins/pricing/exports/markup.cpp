// Escaping markup and the document frame with its style sheet (A4, print-friendly, system fonts only).
#include "pricing/exports/markup.hpp"

namespace jobcenter::pricing {
namespace {

std::string_view reference_of(char c) {
    switch (c) {
        case '&': return "&amp;";
        case '<': return "&lt;";
        case '>': return "&gt;";
        case '"': return "&quot;";
        case '\'': return "&#39;";
        default: return {};
    }
}

constexpr std::string_view style = R"(body { font-family: "Helvetica Neue", Arial, sans-serif; color: #111; max-width: 56rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.35; font-size: 0.95rem; }
h1 { font-size: 1.7rem; margin: 0 0 1rem; }
h2 { font-size: 1.05rem; margin: 1.4rem 0 0.4rem; }
.parties { display: flex; gap: 2rem; justify-content: space-between; }
.parties section { flex: 1; }
.facts, .sums { width: auto; }
.facts th, .sums th { text-align: left; font-weight: normal; color: #444; }
.facts td, .facts th, .sums td, .sums th { border: none; padding: 0.1rem 2rem 0.1rem 0; }
.sums { margin: 1rem 0 0 auto; }
.sums .total th, .sums .total td { font-weight: bold; color: #111; border-top: 1px solid #888; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0; }
th, td { border: 1px solid #888; padding: 0.3rem 0.45rem; text-align: left; vertical-align: top; }
thead th { background: #eee; }
.num { text-align: right; white-space: nowrap; }
tfoot td { font-weight: bold; }
.setting { border: 1px dashed #666; padding: 0.5rem 0.7rem; }
.note { color: #444; font-size: 0.85rem; }
@page { size: A4; margin: 18mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }
  thead th { background: none; }
  thead { display: table-header-group; }
  tr { page-break-inside: avoid; }
})";

}  // namespace

std::string escape_markup(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        const std::string_view reference = reference_of(c);
        if (reference.empty())
            out += c;
        else
            out += reference;
    }
    return out;
}

std::string fact_row(std::string_view label, std::string_view value) {
    return "<tr><th>" + std::string(label) + "</th><td>" + escape_markup(value) + "</td></tr>\n";
}

std::string html_page(Language language, std::string_view title, std::string_view body) {
    std::string page = "<!DOCTYPE html>\n<html lang=\"";
    page += language_code(language);
    page += "\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>";
    page += escape_markup(title);
    page += "</title>\n<style>\n";
    page += style;
    page += "\n</style>\n</head>\n<body>\n";
    page += body;
    page += "</body>\n</html>\n";
    return page;
}

}  // namespace jobcenter::pricing
