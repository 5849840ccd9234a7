// Contact log commands and recent-contact warnings.
#include "register/contacts/contact_log.hpp"

#include <chrono>
#include <cstdio>

#include "jobcenter/params.hpp"

namespace jobcenter::register_plugin {
namespace json = boost::json;
namespace {

struct Outcome {
    const char* code;   // what a user types
    const char* label;  // what is stored and shown: the units' own words
};
const Outcome outcomes[] = {
    {"waiting", "ODOTTAMASSA"},
    {"follow-up", "JATKOTAPAAMINEN SOVITTU"},
    {"failed", "EI ONNISTUNUT"},
    {"no-answer", "EI VASTAUSTA / UUSI YHTEYDENOTTO"},
};

std::string checked_outcome(const std::string& text) {
    for (const auto& o : outcomes)
        if (text == o.code || text == o.label) return o.label;
    throw InputError("unknown outcome '" + text + "': use waiting (ODOTTAMASSA), follow-up (JATKOTAPAAMINEN SOVITTU), "
                     "failed (EI ONNISTUNUT) or no-answer (EI VASTAUSTA / UUSI YHTEYDENOTTO)", "--outcome");
}

std::string checked_channel(const std::string& text) {
    for (const char* c : {"phone", "email", "visit", "meeting", "other"})
        if (text == c) return text;
    throw InputError("unknown channel '" + text + "': use phone, email, visit, meeting or other", "--channel");
}

// The ISO date `days` before `date`.
std::string days_before(const std::string& date, int days) {
    using namespace std::chrono;
    int y = 0;
    unsigned m = 0, d = 0;
    std::sscanf(date.c_str(), "%d-%u-%u", &y, &m, &d);
    year_month_day shifted{sys_days{year_month_day{year{y}, month{m}, day{d}}} - std::chrono::days{days}};
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", int(shifted.year()), unsigned(shifted.month()),
                  unsigned(shifted.day()));
    return buffer;
}

int recent_contact_days(Context& ctx) {
    if (!ctx.scripts().has("register", "recent_contact_days")) return 30;
    return static_cast<int>(script_integer(ctx.scripts().get("register", "recent_contact_days"), "recent_contact_days", 0, 3650));
}

}  // namespace

std::int64_t current_orderer(Database& db, std::int64_t orderer_id) {
    auto& q = db.cached("SELECT merged_into FROM orderer WHERE id = ?");
    std::int64_t id = orderer_id;
    for (int hops = 0; hops < 1000; ++hops) {
        q.bind(1, id);
        if (!q.step()) {
            q.reset();
            throw NotFoundError("no orderer has the id " + std::to_string(orderer_id));
        }
        auto next = q.get_optional_int(0);
        q.reset();
        if (!next) return id;
        id = *next;
    }
    throw InternalError("orderer " + std::to_string(orderer_id) + " is merged in a loop");
}

json::value contact_add_command(Context& ctx, const json::object& request) {
    const std::string& unit = ctx.require_unit();
    auto asked = params::required_integer(request, "orderer");
    auto orderer = current_orderer(ctx.db(), asked);
    auto staff = params::required_string(request, "staff");
    auto channel = checked_channel(params::optional_string(request, "channel").value_or("phone"));
    auto outcome = checked_outcome(params::required_string(request, "outcome"));
    auto date = params::optional_date(request, "on").value_or(ctx.clock().today_iso());
    auto next = params::optional_date(request, "next_action");
    auto note = params::optional_string(request, "note").value_or("");
    // Warn before recording, so the warning is about the others, not this contact.
    json::array warnings = recent_contacts_by_others(ctx, orderer);
    ctx.db()
        .prepare("INSERT INTO contact_log(orderer_id, unit, staff, contacted_at, channel, outcome, next_action_date, note, "
                 "recorded_at) VALUES(?,?,?,?,?,?,?,?,?)")
        .bind_all(orderer, unit, staff, date, channel, outcome, next, note, ctx.clock().now_iso())
        .run();
    json::object result{{"id", ctx.db().last_insert_id()}, {"orderer", orderer}, {"unit", unit}, {"date", date},
                        {"outcome", outcome}};
    if (orderer != asked) result["note"] = "orderer " + std::to_string(asked) + " was merged into " + std::to_string(orderer);
    if (!warnings.empty()) result["warnings"] = std::move(warnings);
    return result;
}

json::value contact_list_command(Context& ctx, const json::object& request) {
    auto orderer = params::optional_integer(request, "orderer");
    if (orderer) orderer = current_orderer(ctx.db(), *orderer);
    auto unit = params::optional_string(request, "of_unit");
    auto days = params::optional_integer(request, "days");
    std::optional<std::string> since;
    if (days) {
        if (*days < 0 || *days > 36500) throw InputError("days must be between 0 and 36500", "--days");
        since = days_before(ctx.clock().today_iso(), static_cast<int>(*days));
    }
    // An orderer's contacts include those logged on orderers merged into it; they show under the live one.
    auto q = ctx.db().prepare(std::string(family_cte) +
        "SELECT c.id, coalesce(?1, c.orderer_id), o.name, c.unit, c.staff, c.contacted_at, c.channel, c.outcome, "
        "c.next_action_date, c.note FROM contact_log c JOIN orderer o ON o.id = coalesce(?1, c.orderer_id) "
        "WHERE (?1 IS NULL OR c.orderer_id IN (SELECT id FROM family)) AND (?2 IS NULL OR c.unit = ?2) "
        "AND (?3 IS NULL OR c.contacted_at >= ?3) ORDER BY c.contacted_at DESC, c.id DESC");
    q.bind(1, orderer).bind(2, unit).bind(3, since);
    json::array rows;
    while (q.step())
        rows.push_back(json::object{{"id", q.get_int(0)}, {"orderer", q.get_int(1)}, {"orderer_name", q.get_text(2)},
                                    {"unit", q.get_text(3)}, {"staff", q.get_text(4)}, {"date", q.get_text(5)},
                                    {"channel", q.get_text(6)}, {"outcome", q.get_text(7)},
                                    {"next_action", q.is_null(8) ? json::value(nullptr) : json::value(q.get_text(8))},
                                    {"note", q.get_text(9)}});
    return json::object{{"count", rows.size()}, {"rows", std::move(rows)}};
}

json::array recent_contacts_by_others(Context& ctx, std::int64_t orderer_id) { return RecentContacts(ctx).by_others(orderer_id); }

RecentContacts::RecentContacts(Context& ctx)
    : ctx_(ctx), since_(days_before(ctx.clock().today_iso(), recent_contact_days(ctx))) {}

json::array RecentContacts::by_others(std::int64_t orderer_id) {
    auto& q = ctx_.db().cached(std::string(family_cte) +
        "SELECT unit, staff, contacted_at, outcome, next_action_date FROM contact_log WHERE orderer_id IN "
        "(SELECT id FROM family) AND unit <> ?2 AND contacted_at >= ?3 ORDER BY contacted_at DESC, id DESC");
    q.bind(1, orderer_id).bind(2, ctx_.unit()).bind(3, since_);
    json::array warnings;
    while (q.step()) {
        std::string message = "unit " + q.get_text(0) + " (" + q.get_text(1) + ") contacted this orderer on " +
                              q.get_text(2) + ": " + q.get_text(3);
        if (!q.is_null(4)) message += ", next action " + q.get_text(4);
        warnings.push_back(json::object{{"unit", q.get_text(0)}, {"staff", q.get_text(1)}, {"date", q.get_text(2)},
                                        {"outcome", q.get_text(3)}, {"message", message}});
    }
    q.reset();
    return warnings;
}

}  // namespace jobcenter::register_plugin
