// Writing a pay statement as HTML: the words of each language, the facts of the run, the lines and the sums.
#include "pricing/exports/pay_statement_html.hpp"

#include "pricing/exports/hours_text.hpp"
#include "pricing/exports/markup.hpp"

namespace jobcenter::pricing {
namespace {

struct PayWords {
    std::string_view title, worker, client, unit, period, pay_date, run;
    std::string_view date, task, contract, hours, hourly_wage, pay, adjustment, no_lines, total;
    std::string_view commission, employment;
    std::string_view wages, holiday_compensation, gross, tax_withheld, by_tax_card, no_tax_card;
    std::string_view employee_tyel, employee_unemployment, net_paid;
};

constexpr PayWords finnish_pay_words{
    "Palkkalaskelma", "Työntekijä", "Asiakasnumero", "Yksikkö", "Palkkajakso", "Maksupäivä", "Palkka-ajo",
    "Päivä", "Tehtävä", "Sopimus", "Tunnit", "Tuntipalkka", "Palkka", "oikaisu", "Ei työrivejä.", "Yhteensä",
    "toimeksianto", "työsopimus",
    "Palkat", "Lomakorvaus", "Bruttopalkka", "Ennakonpidätys", "verokortin mukaan", "ei verokorttia: pidätys ilman verokorttia",
    "Työntekijän työeläkemaksu (TyEL)", "Työntekijän työttömyysvakuutusmaksu", "Maksetaan"};
constexpr PayWords english_pay_words{
    "Pay statement", "Worker", "Client number", "Unit", "Pay period", "Pay date", "Payroll run",
    "Date", "Task", "Contract", "Hours", "Hourly wage", "Pay", "adjustment", "No lines of work.", "Total",
    "commission", "employment",
    "Wages", "Holiday compensation", "Gross pay", "Tax withheld", "by the tax card", "no tax card: the rate without one",
    "Employee's pension contribution (TyEL)", "Employee's unemployment insurance contribution", "Net paid"};

const PayWords& pay_words_of(Language language) { return language == Language::fi ? finnish_pay_words : english_pay_words; }

std::string facts(const PayStatementPage& page, const PayWords& w, Language language) {
    const auto& run = page.record->run;
    return "<table class=\"facts\">\n" + fact_row(w.worker, page.statement->client_name) +
           fact_row(w.client, page.statement->client_id) + fact_row(w.unit, page.unit_title) +
           fact_row(w.period, date_in(run.period_from, language) + " – " + date_in(run.period_to, language)) +
           fact_row(w.pay_date, date_in(run.pay_date, language)) + fact_row(w.run, std::to_string(run.id)) + "</table>\n";
}

std::string line_row(const RunLine& l, const PayStatementPage& page, const PayWords& w, Language language) {
    std::string task = page.tasks->name_of(l.task_type, language);
    if (l.kind == LineKind::adjustment) task += " (" + std::string(w.adjustment) + ")";
    const std::string_view contract = l.contract == "employment" ? w.employment : w.commission;
    return "<tr><td>" + date_in(l.date, language) + "</td><td>" + escape_markup(task) + "</td><td>" +
           std::string(contract) + "</td><td class=\"num\">" + decimal_in(hours_text(l.minutes), language) +
           "</td><td class=\"num\">" + money_in(l.hourly_wage, language) + "</td><td class=\"num\">" +
           money_in(l.pay, language) + "</td></tr>\n";
}

std::string lines_table(const PayStatementPage& page, const PayWords& w, Language language) {
    const PayStatement& s = *page.statement;
    if (s.lines.empty()) return "<p>" + std::string(w.no_lines) + "</p>\n";
    std::string out = "<table>\n<thead><tr><th>" + std::string(w.date) + "</th><th>" + std::string(w.task) + "</th><th>" +
                      std::string(w.contract) + "</th><th class=\"num\">" + std::string(w.hours) +
                      "</th><th class=\"num\">" + std::string(w.hourly_wage) + "</th><th class=\"num\">" +
                      std::string(w.pay) + "</th></tr></thead>\n<tbody>\n";
    for (auto index : s.lines) out += line_row(page.record->lines[index], page, w, language);
    out += "</tbody>\n<tfoot><tr><td colspan=\"3\">" + std::string(w.total) + "</td><td class=\"num\">" +
           decimal_in(hours_text(s.minutes), language) + "</td><td></td><td class=\"num\">" + money_in(s.wages, language) +
           "</td></tr></tfoot>\n</table>\n";
    return out;
}

std::string sum_row(std::string_view label, Money amount, Language language, bool total = false) {
    return std::string(total ? "<tr class=\"total\">" : "<tr>") + "<th>" + escape_markup(label) + "</th><td class=\"num\">" +
           money_in(amount, language) + "</td></tr>\n";
}

std::string sums(const PayStatement& s, const PayWords& w, Language language) {
    const std::string tax = std::string(w.tax_withheld) + " " + decimal_in(s.tax_percent, language) + " % (" +
                            std::string(s.tax_card ? w.by_tax_card : w.no_tax_card) + ")";
    return "<table class=\"sums\">\n" + sum_row(w.wages, s.wages, language) +
           sum_row(w.holiday_compensation, s.holiday_compensation, language) + sum_row(w.gross, s.gross, language, true) +
           sum_row(tax, -s.tax_withheld, language) + sum_row(w.employee_tyel, -s.employee_tyel, language) +
           sum_row(w.employee_unemployment, -s.employee_unemployment, language) +
           sum_row(w.net_paid, s.net_paid, language, true) + "</table>\n";
}

}  // namespace

std::string pay_statement_html(const PayStatementPage& page, Language language) {
    const PayWords& w = pay_words_of(language);
    const std::string body = "<h1>" + std::string(w.title) + "</h1>\n" + facts(page, w, language) + lines_table(page, w, language) +
                             sums(*page.statement, w, language);
    return html_page(language, std::string(w.title) + " – " + page.statement->client_name, body);
}

}  // namespace jobcenter::pricing
