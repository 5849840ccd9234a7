// The CV command: the work history as JSON rows, or the certificate document; the read is audited.
#include "matching/gigs/cv_command.hpp"

#include "jobcenter/document.hpp"
#include "jobcenter/params.hpp"
#include "matching/gigs/certificate_html.hpp"
#include "matching/gigs/work_history.hpp"

namespace jobcenter::matching {
namespace json = boost::json;
namespace {

json::object history_view(const WorkHistory& history) {
    json::array work;
    for (const auto& entry : history.entries) {
        json::array dates;
        for (const auto& h : entry.worked) dates.push_back(json::value(day_text(h.day)));
        work.push_back(json::object{{"gig", entry.gig_id},
                                    {"status", code_of(entry.status)},
                                    {"task_type", entry.task_type},
                                    {"task_fi", entry.task_fi},
                                    {"task_en", entry.task_en},
                                    {"orderer", entry.orderer},
                                    {"dates", std::move(dates)},
                                    {"hours", hours_text(entry.minutes)},
                                    {"feedback", entry.feedback ? json::value(*entry.feedback) : json::value(nullptr)}});
    }
    return json::object{{"client", history.client.id},
                        {"name", history.client.name},
                        {"unit", history.client.unit},
                        {"unit_title", history.unit_title},
                        {"gigs", history.entries.size()},
                        {"total_hours", hours_text(history.total_minutes)},
                        {"work", std::move(work)}};
}

std::optional<CertificateLanguage> certificate_language(const json::object& request) {
    auto code = params::optional_string(request, "certificate");
    if (!code) return std::nullopt;
    auto language = parse_certificate_language(*code);
    if (!language) throw InputError("unknown certificate language '" + *code + "': use fi or en", "--certificate");
    return language;
}

}  // namespace

json::value cv_command(Context& ctx, const json::object& request) {
    const auto language = certificate_language(request);
    const WorkHistory history = read_work_history(ctx, params::required_string(request, "client"), "CLIENT");
    if (!language) {
        ctx.audit("matching.cv", "client", history.client.id, "work history");
        return history_view(history);
    }
    ctx.audit("matching.cv", "client", history.client.id,
              std::string("certificate ") + (*language == CertificateLanguage::fi ? "fi" : "en"));
    return document_result("text/html", certificate_html(history, *language, today_of(ctx)));
}

}  // namespace jobcenter::matching
