// Writing and reading the register's decision history (see register_events.hpp).
#include "register/review/register_events.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "jobcenter/params.hpp"
#include "register/store/values_batch.hpp"

namespace jobcenter::register_plugin {
namespace json = boost::json;

Actor actor_of(Context& ctx, const json::object& request) {
    Actor actor;
    actor.by = params::required_string(request, "by");
    if (actor.by.find_first_not_of(" \t") == std::string::npos) throw InputError("say who decides: --by is empty", "--by");
    actor.reason = params::required_string(request, "reason");
    if (actor.reason.find_first_not_of(" \t") == std::string::npos)
        throw InputError("say why: --reason is empty", "--reason");
    actor.unit = ctx.unit();
    actor.role = std::string(role_name(ctx.role()));
    actor.at = ctx.clock().now_iso();
    return actor;
}

std::int64_t record_event(Database& db, const NewEvent& event, const Actor& actor) {
    auto nullable = [](std::int64_t id) { return id ? std::optional<std::int64_t>(id) : std::nullopt; };
    auto& insert = db.cached(
        "INSERT INTO register_event(kind, orderer_id, other_id, review_id, undoes, decided_by, unit, role, decided_at, "
        "reason, detail) VALUES(?,?,?,?,?,?,?,?,?,?,?)");
    insert.bind_all(event.kind, event.orderer_id, nullable(event.other_id), nullable(event.review_id),
                    nullable(event.undoes), actor.by, actor.unit, actor.role, actor.at, actor.reason, event.detail);
    insert.run();
    return db.last_insert_id();
}

void add_event_records(Database& db, std::int64_t event_id, const std::vector<std::int64_t>& records, char side,
                       std::int64_t from_orderer) {
    auto& insert = db.cached("INSERT INTO event_record(event_id, record_id, side, from_orderer) VALUES(?,?,?,?)");
    for (auto record : records) {
        insert.bind_all(event_id, record, std::string(1, side),
                        from_orderer ? std::optional<std::int64_t>(from_orderer) : std::nullopt);
        insert.run();
    }
}

void record_move_events(Database& db, const std::string& kind, const std::vector<MoveEvent>& moves, const Actor& actor) {
    if (moves.empty()) return;
    // The ids SQLite would give the events one by one: the table's rows are never deleted and it has no
    // AUTOINCREMENT, so each new row takes the largest id so far plus one.
    std::int64_t first_id = 1;
    if (auto q = db.prepare("SELECT max(id) FROM register_event"); q.step() && !q.is_null(0)) first_id = q.get_int(0) + 1;
    run_batched(db,
                "INSERT INTO register_event(id, kind, orderer_id, other_id, decided_by, unit, role, decided_at, reason) "
                "VALUES $ROWS",
                9, moves.size(), [&](Statement& s, int at, std::size_t i) {
                    s.bind(at, first_id + static_cast<std::int64_t>(i)).bind_view(at + 1, kind).bind(at + 2, moves[i].to);
                    s.bind(at + 3, moves[i].from ? std::optional<std::int64_t>(moves[i].from) : std::nullopt);
                    s.bind_view(at + 4, actor.by).bind_view(at + 5, actor.unit).bind_view(at + 6, actor.role);
                    s.bind_view(at + 7, actor.at).bind_view(at + 8, actor.reason);
                });
    struct Row {
        std::int64_t event, record, from;
    };
    std::vector<Row> rows;
    for (std::size_t i = 0; i < moves.size(); ++i)
        for (auto record : *moves[i].records) rows.push_back({first_id + static_cast<std::int64_t>(i), record, moves[i].from});
    run_batched(db, "INSERT INTO event_record(event_id, record_id, side, from_orderer) VALUES $ROWS", 4, rows.size(),
                [&](Statement& s, int at, std::size_t i) {
                    s.bind(at, rows[i].event).bind(at + 1, rows[i].record).bind_view(at + 2, std::string_view("b"));
                    s.bind(at + 3, rows[i].from ? std::optional<std::int64_t>(rows[i].from) : std::nullopt);
                });
}

std::vector<std::int64_t> records_of(Database& db, std::int64_t orderer_id) {
    auto& q = db.cached("SELECT id FROM source_record WHERE orderer_id = ? ORDER BY id");
    q.bind(1, orderer_id);
    std::vector<std::int64_t> out;
    while (q.step()) out.push_back(q.get_int(0));
    return out;
}

StandingDecisions load_standing_decisions(Database& db) {
    // Decisions in the order they were made; a later merge lifts an earlier "not the same" between its
    // records. Undone merges are not decisions; their unmerge is a "not the same".
    auto q = db.prepare(
        "SELECT e.id, e.kind, r.record_id, r.side FROM register_event e JOIN event_record r ON r.event_id = e.id "
        "WHERE (e.kind = 'merge' AND e.undone_by IS NULL) OR e.kind IN ('unmerge', 'not_same') ORDER BY e.id, r.side, r.record_id");
    struct Sides {
        bool same = false;
        std::vector<std::int64_t> a, b;
    };
    std::map<std::int64_t, Sides> events;
    while (q.step()) {
        Sides& s = events[q.get_int(0)];
        s.same = q.get_text_view(1) == "merge";
        (q.get_text_view(3) == "a" ? s.a : s.b).push_back(q.get_int(2));
    }
    std::set<std::pair<std::int64_t, std::int64_t>> forbidden;
    std::vector<std::vector<std::int64_t>> groups;
    auto ordered = [](std::int64_t x, std::int64_t y) { return std::pair(std::min(x, y), std::max(x, y)); };
    for (auto& [id, s] : events) {
        if (s.same) {
            std::vector<std::int64_t> group(s.a);
            group.insert(group.end(), s.b.begin(), s.b.end());
            std::sort(group.begin(), group.end());
            for (auto it = forbidden.begin(); it != forbidden.end();)
                if (std::binary_search(group.begin(), group.end(), it->first) &&
                    std::binary_search(group.begin(), group.end(), it->second))
                    it = forbidden.erase(it);
                else
                    ++it;
            groups.push_back(std::move(group));
        } else {
            for (auto x : s.a)
                for (auto y : s.b)
                    if (x != y) forbidden.insert(ordered(x, y));
        }
    }
    StandingDecisions out;
    out.not_same.assign(forbidden.begin(), forbidden.end());
    for (const auto& group : groups)
        for (std::size_t i = 1; i < group.size(); ++i) out.same.emplace_back(group.front(), group[i]);
    std::sort(out.same.begin(), out.same.end());
    out.same.erase(std::unique(out.same.begin(), out.same.end()), out.same.end());
    return out;
}

namespace {

// The categories people set on the orderer (or on any, when 0), merged into `rows` (events, newest first)
// by their time, the newest `limit` kept.
void add_category_choices(Database& db, std::int64_t orderer_id, std::int64_t limit, json::array& rows) {
    auto q = db.prepare("SELECT id, orderer_id, category, previous, decided_by, unit, role, decided_at, reason "
                        "FROM orderer_category_choice WHERE ?1 = 0 OR orderer_id = ?1 ORDER BY id DESC LIMIT ?2");
    q.bind(1, orderer_id).bind(2, limit);
    json::array choices;
    while (q.step())
        choices.push_back(json::object{{"kind", "category"},        {"choice", q.get_int(0)},   {"orderer", q.get_int(1)},
                                       {"category", q.get_text(2)}, {"previous", q.get_text(3)}, {"by", q.get_text(4)},
                                       {"unit", q.get_text(5)},     {"role", q.get_text(6)},     {"at", q.get_text(7)},
                                       {"reason", q.get_text(8)}});
    if (choices.empty()) return;
    // Both lists are newest first; at one time, a choice comes after the events.
    json::array merged;
    std::size_t e = 0, c = 0;
    auto at = [](const json::value& row) { return std::string_view(row.at("at").as_string()); };
    while (merged.size() < static_cast<std::size_t>(limit) && (e < rows.size() || c < choices.size())) {
        if (c == choices.size() || (e < rows.size() && at(rows[e]) >= at(choices[c]))) merged.push_back(rows[e++]);
        else merged.push_back(choices[c++]);
    }
    rows = std::move(merged);
}

}  // namespace

json::array history_json(Database& db, std::int64_t orderer_id, std::int64_t limit) {
    auto q = db.prepare(
        "SELECT e.id, e.kind, e.orderer_id, e.other_id, e.review_id, e.undoes, e.undone_by, e.decided_by, e.unit, e.role, "
        "e.decided_at, e.reason, (SELECT count(*) FROM event_record r WHERE r.event_id = e.id AND r.side = 'b') "
        "FROM register_event e WHERE ?1 = 0 OR e.orderer_id = ?1 OR e.other_id = ?1 ORDER BY e.id DESC LIMIT ?2");
    q.bind(1, orderer_id).bind(2, limit);
    json::array rows;
    auto id_or_null = [&](int column) { return q.is_null(column) ? json::value(nullptr) : json::value(q.get_int(column)); };
    while (q.step()) {
        json::object row{{"event", q.get_int(0)},        {"kind", q.get_text(1)},      {"orderer", q.get_int(2)},
                         {"other", id_or_null(3)},       {"review_item", id_or_null(4)}, {"undoes", id_or_null(5)},
                         {"undone_by", id_or_null(6)},   {"by", q.get_text(7)},         {"unit", q.get_text(8)},
                         {"role", q.get_text(9)},        {"at", q.get_text(10)},        {"reason", q.get_text(11)},
                         {"records", q.get_int(12)}};
        rows.push_back(std::move(row));
    }
    add_category_choices(db, orderer_id, limit, rows);
    return rows;
}

}  // namespace jobcenter::register_plugin
