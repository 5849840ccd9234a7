// Writing an invoice as HTML: the words of each language, the two parties, the invoice's facts, its lines, its
// VAT totals and the payment details.
#include "pricing/exports/invoice_html.hpp"

#include "pricing/exports/hours_text.hpp"
#include "pricing/exports/markup.hpp"
#include "pricing/exports/payment_codes.hpp"

namespace jobcenter::pricing {
namespace {

struct InvoiceWords {
    std::string_view title, credit_title, seller, buyer, business_id, vat_number, address, email, phone;
    std::string_view seller_from_settings, seller_not_set;
    std::string_view number, invoice_date, due_date, reference, delivery_period, account, bic, run;
    std::string_view date, task, hours, unit_price, discount, net, vat_percent, adjustment, per_hour;
    std::string_view vat_by_rate, vat, gross, total_net, total_vat, total_to_pay;
};

constexpr InvoiceWords finnish_invoice_words{
    "Lasku", "Hyvityslasku", "Laskuttaja", "Tilaaja", "Y-tunnus", "ALV-tunnus", "Osoite", "Sähköposti", "Puhelin",
    "Laskuttajan tiedot ovat asennuksen asetuksista (jobcenter pricing seller), voimassa alkaen",
    "Laskuttajan tietoja ei ole asetettu: ylläpitäjä asettaa ne komennolla jobcenter pricing seller set.",
    "Laskun numero", "Laskun päivämäärä", "Eräpäivä", "Viitenumero", "Toimitusaika", "Tilinumero (IBAN)", "BIC",
    "Palkka-ajo",
    "Päivä", "Tehtävä", "Tunnit", "À-hinta", "Alennus", "Veroton", "ALV %", "oikaisu", "/h",
    "Arvonlisävero eriteltynä", "Vero", "Verollinen", "Veroton yhteensä", "Arvonlisävero yhteensä", "Maksettava yhteensä"};
constexpr InvoiceWords english_invoice_words{
    "Invoice", "Credit note", "Seller", "Buyer", "Business ID", "VAT number", "Address", "Email", "Phone",
    "The seller's details come from the installation's settings (jobcenter pricing seller), in force from",
    "The seller's details are not set: an administrator sets them with jobcenter pricing seller set.",
    "Invoice number", "Invoice date", "Due date", "Reference number", "Delivery period", "Account (IBAN)", "BIC",
    "Payroll run",
    "Date", "Task", "Hours", "Unit price", "Discount", "Net", "VAT %", "adjustment", "/h",
    "VAT by rate", "VAT", "Gross", "Total excluding VAT", "Total VAT", "Total to pay"};

const InvoiceWords& invoice_words_of(Language language) { return language == Language::fi ? finnish_invoice_words : english_invoice_words; }

std::string text_line(std::string_view text) { return escape_markup(text) + "<br>\n"; }

std::string labelled_line(std::string_view label, const std::optional<std::string>& value) {
    return value ? std::string(label) + " " + text_line(*value) : std::string();
}

// The address on one line "street, postcode city" printed as lines.
std::string address_lines(const std::optional<std::string>& address) {
    if (!address) return {};
    std::string out;
    std::string_view rest = *address;
    for (auto comma = rest.find(", "); comma != std::string_view::npos; comma = rest.find(", ")) {
        out += text_line(rest.substr(0, comma));
        rest.remove_prefix(comma + 2);
    }
    return out + text_line(rest);
}

std::string seller_section(const std::optional<Seller>& seller, const InvoiceWords& w, Language language) {
    std::string out = "<section class=\"setting\">\n<h2>" + std::string(w.seller) + "</h2>\n";
    if (!seller) return out + "<p class=\"note\">" + std::string(w.seller_not_set) + "</p>\n</section>\n";
    out += "<p><strong>" + escape_markup(seller->name) + "</strong><br>\n" + address_lines(seller->address) +
           labelled_line(w.business_id, seller->business_id) + labelled_line(w.vat_number, seller->vat_number) +
           labelled_line(w.email, seller->email) + labelled_line(w.phone, seller->phone) + "</p>\n";
    return out + "<p class=\"note\">" + std::string(w.seller_from_settings) + " " + date_in(seller->valid_from, language) +
           ".</p>\n</section>\n";
}

std::string buyer_section(const InvoiceRecord& invoice, const InvoiceWords& w) {
    return "<section>\n<h2>" + std::string(w.buyer) + "</h2>\n<p><strong>" + escape_markup(invoice.orderer_name) +
           "</strong><br>\n" + address_lines(invoice.address) + labelled_line(w.business_id, invoice.business_id) +
           "</p>\n</section>\n";
}

std::string facts(const InvoicePage& page, const InvoiceWords& w, Language language) {
    const InvoiceRecord& i = *page.invoice;
    const auto& run = page.record->run;
    std::string out = "<table class=\"facts\">\n" + fact_row(w.number, i.number) +
                      fact_row(w.invoice_date, date_in(i.invoice_date, language)) +
                      fact_row(w.due_date, date_in(i.due_date, language));
    if (auto reference = finnish_reference(i.number)) out += fact_row(w.reference, grouped_reference(*reference));
    out += fact_row(w.delivery_period, date_in(run.period_from, language) + " – " + date_in(run.period_to, language));
    if (page.seller && page.seller->iban) out += fact_row(w.account, *page.seller->iban);
    if (page.seller && page.seller->bic) out += fact_row(w.bic, *page.seller->bic);
    return out + fact_row(w.run, std::to_string(run.id)) + "</table>\n";
}

std::string discount_text(const RunLine& l, Language language) {
    if (l.discount == Money{}) return "–";
    return decimal_in(l.discount_percent, language) + " % (" + money_in(l.discount, language) + ")";
}

std::string line_row(const RunLine& l, const InvoicePage& page, const InvoiceWords& w, Language language) {
    std::string task = page.tasks->name_of(l.task_type, language);
    if (l.kind == LineKind::adjustment) task += " (" + std::string(w.adjustment) + ")";
    return "<tr><td>" + date_in(l.date, language) + "</td><td>" + escape_markup(task) + "</td><td class=\"num\">" +
           decimal_in(hours_text(l.minutes), language) + "</td><td class=\"num\">" + money_in(l.unit_price, language) +
           std::string(w.per_hour) + "</td><td class=\"num\">" + discount_text(l, language) + "</td><td class=\"num\">" +
           money_in(l.net, language) + "</td><td class=\"num\">" + decimal_in(l.vat_percent, language) + "</td></tr>\n";
}

std::string lines_table(const InvoicePage& page, const InvoiceWords& w, Language language) {
    std::string out = "<table>\n<thead><tr><th>" + std::string(w.date) + "</th><th>" + std::string(w.task) +
                      "</th><th class=\"num\">" + std::string(w.hours) + "</th><th class=\"num\">" +
                      std::string(w.unit_price) + "</th><th class=\"num\">" + std::string(w.discount) +
                      "</th><th class=\"num\">" + std::string(w.net) + "</th><th class=\"num\">" +
                      std::string(w.vat_percent) + "</th></tr></thead>\n<tbody>\n";
    for (auto index : page.invoice->lines) out += line_row(page.record->lines[index], page, w, language);
    return out + "</tbody>\n</table>\n";
}

std::string vat_table(const InvoiceRecord& i, const InvoiceWords& w, Language language) {
    std::string out = "<h2>" + std::string(w.vat_by_rate) + "</h2>\n<table>\n<thead><tr><th>" + std::string(w.vat_percent) +
                      "</th><th class=\"num\">" + std::string(w.net) + "</th><th class=\"num\">" + std::string(w.vat) +
                      "</th><th class=\"num\">" + std::string(w.gross) + "</th></tr></thead>\n<tbody>\n";
    for (const auto& v : i.vat_totals)
        out += "<tr><td>" + decimal_in(v.vat_percent, language) + "</td><td class=\"num\">" + money_in(v.net, language) +
               "</td><td class=\"num\">" + money_in(v.vat, language) + "</td><td class=\"num\">" +
               money_in(v.gross, language) + "</td></tr>\n";
    out += "</tbody>\n</table>\n<table class=\"sums\">\n";
    out += "<tr><th>" + std::string(w.total_net) + "</th><td class=\"num\">" + money_in(i.net, language) + "</td></tr>\n";
    out += "<tr><th>" + std::string(w.total_vat) + "</th><td class=\"num\">" + money_in(i.vat, language) + "</td></tr>\n";
    out += "<tr class=\"total\"><th>" + std::string(w.total_to_pay) + "</th><td class=\"num\">" + money_in(i.gross, language) +
           "</td></tr>\n";
    return out + "</table>\n";
}

}  // namespace

std::string invoice_html(const InvoicePage& page, Language language) {
    const InvoiceWords& w = invoice_words_of(language);
    const std::string_view title = page.invoice->gross < Money{} ? w.credit_title : w.title;
    const std::string body = "<h1>" + std::string(title) + " " + escape_markup(page.invoice->number) + "</h1>\n" +
                             "<div class=\"parties\">\n" + seller_section(page.seller, w, language) +
                             buyer_section(*page.invoice, w) + "</div>\n" + facts(page, w, language) +
                             lines_table(page, w, language) + vat_table(*page.invoice, w, language);
    return html_page(language, std::string(title) + " " + page.invoice->number, body);
}

}  // namespace jobcenter::pricing
