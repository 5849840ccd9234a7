// Writing the work certificate as HTML: the words of each language, dates and hours as each language writes
// them, and the document around the table of work.
#include "matching/gigs/certificate_html.hpp"

#include <array>
#include <sstream>

namespace jobcenter::matching {
namespace {

struct CertificateWords {
    std::string_view lang;
    std::string_view title;
    std::string_view name;
    std::string_view intro;  // follows the client's name
    std::string_view task, orderer, dates, hours, feedback;
    std::string_view total;
    std::string_view no_work;
    std::string_view made_on;
    std::string_view signature;
};

constexpr CertificateWords finnish{
    "fi", "Työtodistus", "Nimi", "on tehnyt seuraavat palkalliset täsmätyöt työtoimintayksikön kautta.",
    "Tehtävä", "Tilaaja", "Päivät", "Tunnit", "Tilaajan palaute",
    "Tunnit yhteensä", "Tehtyjä töitä ei ole kirjattu.", "Annettu", "Allekirjoitus ja nimenselvennys"};
constexpr CertificateWords english{
    "en", "Work certificate", "Name", "has done the following paid targeted work through the work-activity unit.",
    "Task", "Orderer", "Dates", "Hours", "Orderer's feedback",
    "Total hours", "No work has been recorded.", "Issued on", "Signature and name in print"};

const CertificateWords& words_of(CertificateLanguage language) {
    return language == CertificateLanguage::fi ? finnish : english;
}

constexpr std::array<std::string_view, 12> english_months{"January", "February", "March",     "April",   "May",      "June",
                                                          "July",    "August",   "September", "October", "November", "December"};

// "15.1.2026" in Finnish, "15 January 2026" in English.
std::string date_text(Day day, CertificateLanguage language) {
    const std::string iso = day_text(day);
    const int year = std::stoi(iso.substr(0, 4)), month = std::stoi(iso.substr(5, 2)), dom = std::stoi(iso.substr(8, 2));
    if (language == CertificateLanguage::fi)
        return std::to_string(dom) + "." + std::to_string(month) + "." + std::to_string(year);
    return std::to_string(dom) + " " + std::string(english_months[static_cast<std::size_t>(month - 1)]) + " " +
           std::to_string(year);
}

// Decimal hours with the language's decimal mark: "1,5" in Finnish.
std::string hours_in(std::int64_t minutes, CertificateLanguage language) {
    std::string text = hours_text(minutes);
    if (language == CertificateLanguage::fi)
        for (auto& c : text)
            if (c == '.') c = ',';
    return text;
}

// The task's name in the language; the English list is lower case, a table cell starts with a capital.
std::string task_name(const WorkEntry& entry, CertificateLanguage language) {
    std::string name = language == CertificateLanguage::fi ? entry.task_fi : entry.task_en;
    if (!name.empty() && name.front() >= 'a' && name.front() <= 'z') name.front() = static_cast<char>(name.front() - 'a' + 'A');
    return name;
}

constexpr std::string_view style = R"(body { font-family: "Helvetica Neue", Arial, sans-serif; color: #111; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.4; }
header { border-bottom: 2px solid #111; margin-bottom: 1.5rem; }
.unit { font-size: 1.1rem; margin: 0; }
h1 { font-size: 1.8rem; margin: 0.3rem 0 0.8rem; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
th, td { border: 1px solid #777; padding: 0.35rem 0.5rem; text-align: left; vertical-align: top; }
th { background: #eee; }
.hours { text-align: right; white-space: nowrap; }
tfoot td { font-weight: bold; }
.signature { margin-top: 3.5rem; border-top: 1px solid #111; width: 20rem; padding-top: 0.3rem; }
@page { size: A4; margin: 20mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 11pt; }
  th { background: none; }
  thead { display: table-header-group; }
  tr { page-break-inside: avoid; }
})";

void write_work_row(std::ostringstream& out, const WorkEntry& entry, CertificateLanguage language) {
    std::string dates;
    for (const auto& h : entry.worked) dates += (dates.empty() ? "" : ", ") + date_text(h.day, language);
    out << "<tr><td>" << html_escape(task_name(entry, language)) << "</td><td>" << html_escape(entry.orderer)
        << "</td><td>" << html_escape(dates) << "</td><td class=\"hours\">" << html_escape(hours_in(entry.minutes, language))
        << "</td><td>" << html_escape(entry.feedback.value_or("")) << "</td></tr>\n";
}

void write_work_table(std::ostringstream& out, const WorkHistory& history, CertificateLanguage language) {
    const CertificateWords& w = words_of(language);
    if (history.entries.empty()) {
        out << "<p>" << w.no_work << "</p>\n";
        return;
    }
    out << "<table>\n<thead><tr><th>" << w.task << "</th><th>" << w.orderer << "</th><th>" << w.dates
        << "</th><th class=\"hours\">" << w.hours << "</th><th>" << w.feedback << "</th></tr></thead>\n<tbody>\n";
    for (const auto& entry : history.entries) write_work_row(out, entry, language);
    out << "</tbody>\n<tfoot><tr><td colspan=\"3\">" << w.total << "</td><td class=\"hours\">"
        << html_escape(hours_in(history.total_minutes, language)) << "</td><td></td></tr></tfoot>\n</table>\n";
}

}  // namespace

std::optional<CertificateLanguage> parse_certificate_language(std::string_view code) {
    if (code == "fi") return CertificateLanguage::fi;
    if (code == "en") return CertificateLanguage::en;
    return std::nullopt;
}

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string certificate_html(const WorkHistory& history, CertificateLanguage language, Day made_on) {
    const CertificateWords& w = words_of(language);
    const std::string name = html_escape(history.client.name);
    std::ostringstream out;
    out << "<!DOCTYPE html>\n<html lang=\"" << w.lang << "\">\n<head>\n<meta charset=\"utf-8\">\n"
        << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        << "<title>" << w.title << " – " << name << "</title>\n<style>\n" << style << "\n</style>\n</head>\n<body>\n"
        << "<header>\n<p class=\"unit\">" << html_escape(history.unit_title) << "</p>\n<h1>" << w.title << "</h1>\n</header>\n"
        << "<p class=\"client\">" << w.name << ": <strong>" << name << "</strong></p>\n"
        << "<p>" << name << " " << w.intro << "</p>\n";
    write_work_table(out, history, language);
    out << "<p class=\"made\">" << w.made_on << " " << date_text(made_on, language) << "</p>\n"
        << "<p class=\"signature\">" << w.signature << "</p>\n</body>\n</html>\n";
    return out.str();
}

}  // namespace jobcenter::matching
