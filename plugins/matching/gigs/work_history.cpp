// Gathering a client's done and approved gigs, with their task names, orderer, hours and feedback.
#include "matching/gigs/work_history.hpp"

#include <algorithm>

#include "matching/gigs/gig_record.hpp"

namespace jobcenter::matching {
namespace {

std::string unit_title(Database& db, const std::string& unit) {
    auto& query = db.cached("SELECT title FROM unit WHERE name = ?");
    query.bind(1, unit);
    std::string title = query.step() ? query.get_text(0) : unit;
    query.reset();
    return title;
}

Day first_day(const WorkEntry& entry) { return entry.worked.empty() ? 0 : entry.worked.front().day; }

}  // namespace

WorkHistory read_work_history(Context& ctx, const std::string& client_id, std::string_view where) {
    WorkHistory history;
    history.client = visible_client(ctx, client_id, where);
    history.unit_title = unit_title(ctx.db(), history.client.unit);
    auto query = ctx.db().prepare(
        "SELECT g.id, g.status, o.task_type, t.name_fi, t.name_en, o.orderer_name, g.feedback FROM gig g "
        "JOIN work_order o ON o.id = g.order_id JOIN task_type t ON t.code = o.task_type "
        "WHERE g.client_id = ? AND g.status IN ('done', 'approved') ORDER BY g.id");
    query.bind(1, history.client.id);
    while (query.step()) {
        WorkEntry entry;
        entry.gig_id = query.get_int(0);
        entry.status = stored_gig_status(query.get_text(1));
        entry.task_type = query.get_text(2);
        entry.task_fi = query.get_text(3);
        entry.task_en = query.get_text(4);
        entry.orderer = query.get_text(5);
        entry.feedback = query.get_optional_text(6);
        history.entries.push_back(std::move(entry));
    }
    for (auto& entry : history.entries) {
        for (const auto& h : read_gig_hours(ctx.db(), entry.gig_id))
            if (h.minutes > 0) entry.worked.push_back(h);
        entry.minutes = total_minutes(entry.worked);
        history.total_minutes += entry.minutes;
    }
    std::stable_sort(history.entries.begin(), history.entries.end(),
                     [](const WorkEntry& a, const WorkEntry& b) { return first_day(a) < first_day(b); });
    return history;
}

}  // namespace jobcenter::matching
