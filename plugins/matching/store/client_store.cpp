// Reading and writing worker-clients: the row's columns for queries and scoping, the profile as the
// interchange JSON (without earnings, which live in client_earning so payroll can add to them).
#include "matching/store/client_store.hpp"

#include <map>

#include "jobcenter/errors.hpp"
#include "matching/interchange/client_json.hpp"

namespace jobcenter::matching {
namespace json = boost::json;
namespace {

std::optional<std::string> optional_day_text(const std::optional<Day>& d) {
    return d ? std::optional<std::string>(day_text(*d)) : std::nullopt;
}

std::string profile_of(Client client) {
    client.earnings.clear();
    return json::serialize(client_to_json(client));
}

Client client_from_row(Statement& q, const std::set<std::string>& task_types) {
    const std::string id = q.get_text(0);
    json::error_code ec;
    auto profile = json::parse(q.get_text_view(1), ec);
    if (ec) throw InternalError("the stored profile of client '" + id + "' is not JSON", "client.profile");
    return client_from_json(profile, "client " + id, task_types);
}

void attach_earnings(Database& db, std::map<std::string, Client*>& by_id, const std::string& unit) {
    auto q = db.prepare(
        "SELECT e.client_id, e.month, e.cents FROM client_earning e JOIN client c ON c.id = e.client_id "
        "WHERE ?1 = '' OR c.unit = ?1 ORDER BY e.client_id, e.month");
    q.bind(1, unit);
    while (q.step()) {
        auto it = by_id.find(q.get_text(0));
        if (it == by_id.end()) continue;
        it->second->earnings.push_back({*parse_month(q.get_text_view(1)), Money::from_cents(q.get_int(2))});
    }
}

}  // namespace

std::set<std::string> task_type_codes(Database& db) {
    std::set<std::string> codes;
    auto q = db.prepare("SELECT code FROM task_type");
    while (q.step()) codes.insert(q.get_text(0));
    return codes;
}

WriteOutcome write_client(Database& db, const Client& c, const std::string& now_iso) {
    const std::string profile = profile_of(c);
    auto& existing = db.cached("SELECT profile FROM client WHERE id = ?");
    existing.bind(1, c.id);
    std::optional<std::string> old_profile;
    if (existing.step()) old_profile = existing.get_text(0);
    existing.reset();

    auto& upsert = db.cached(
        "INSERT INTO client(id, unit, name, wants_paid_work, approved_by, approved_on, consent_y100, skills_recognised, "
        "income_survey, home_postcode, weekly_minutes_max, criminal_record_extract, profile, created_at, updated_at) "
        "VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?14) ON CONFLICT(id) DO UPDATE SET unit = ?2, name = ?3, "
        "wants_paid_work = ?4, approved_by = ?5, approved_on = ?6, consent_y100 = ?7, skills_recognised = ?8, "
        "income_survey = ?9, home_postcode = ?10, weekly_minutes_max = ?11, criminal_record_extract = ?12, profile = ?13, "
        "updated_at = CASE WHEN profile = ?13 THEN updated_at ELSE ?14 END");
    upsert.bind(1, c.id).bind(2, c.unit).bind(3, c.name).bind(4, c.wants_paid_work);
    if (c.approved) upsert.bind(5, code_of(c.approved->by)).bind(6, day_text(c.approved->on));
    upsert.bind(7, optional_day_text(c.consent_y100)).bind(8, optional_day_text(c.skills_recognised));
    upsert.bind(9, optional_day_text(c.income_survey)).bind(10, c.home_postcode).bind(11, c.weekly_minutes_max);
    upsert.bind(12, optional_day_text(c.criminal_record_extract)).bind(13, profile).bind(14, now_iso);
    upsert.run();

    if (old_profile != profile) {
        db.cached("DELETE FROM client_skill WHERE client_id = ?").bind(1, c.id).run();
        auto& skill = db.cached("INSERT INTO client_skill(client_id, task_type, level, practised) VALUES(?,?,?,?)");
        for (const auto& s : c.skills) skill.bind_all(c.id, s.task_type, s.level, s.practised_in_work_activity).run();
    }
    bool earnings_changed = false;
    auto& earning = db.cached(
        "INSERT INTO client_earning(client_id, month, cents) VALUES(?,?,?) "
        "ON CONFLICT(client_id, month) DO UPDATE SET cents = excluded.cents WHERE cents <> excluded.cents");
    for (const auto& e : c.earnings) {
        earning.bind_all(c.id, month_text(e.month), e.amount.cents()).run();
        earnings_changed = earnings_changed || db.changes() > 0;
    }
    if (!old_profile) return WriteOutcome::added;
    return old_profile != profile || earnings_changed ? WriteOutcome::updated : WriteOutcome::unchanged;
}

std::optional<std::string> client_unit(Database& db, const std::string& id) {
    auto& q = db.cached("SELECT unit FROM client WHERE id = ?");
    q.bind(1, id);
    std::optional<std::string> unit;
    if (q.step()) unit = q.get_text(0);
    q.reset();
    return unit;
}

std::optional<Client> read_client(Database& db, const std::string& id, const std::set<std::string>& task_types) {
    auto q = db.prepare("SELECT id, profile, unit FROM client WHERE id = ?");
    q.bind(1, id);
    if (!q.step()) return std::nullopt;
    Client c = client_from_row(q, task_types);
    std::map<std::string, Client*> by_id{{c.id, &c}};
    attach_earnings(db, by_id, q.get_text(2));
    return c;
}

std::vector<Client> read_clients(Database& db, const std::string& unit, const std::set<std::string>& task_types) {
    std::vector<Client> clients;
    auto q = db.prepare("SELECT id, profile FROM client WHERE ?1 = '' OR unit = ?1 ORDER BY id");
    q.bind(1, unit);
    while (q.step()) clients.push_back(client_from_row(q, task_types));
    std::map<std::string, Client*> by_id;
    for (auto& c : clients) by_id.emplace(c.id, &c);
    attach_earnings(db, by_id, unit);
    return clients;
}

}  // namespace jobcenter::matching
