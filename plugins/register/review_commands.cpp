// The review queue (see review_commands.hpp).
#include "review_commands.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_set>

#include "bridge_review.hpp"
#include "explanation.hpp"
#include "golden_record.hpp"
#include "jobcenter/params.hpp"
#include "merge_commands.hpp"
#include "register_events.hpp"

namespace jobcenter::register_plugin {
namespace json = boost::json;
namespace {

struct Item {
    std::int64_t id = 0;
    std::int64_t record_a = 0, record_b = 0;
    double score = 0;
    std::string status;
    std::int64_t skips = 0;
    std::int64_t orderer_a = 0, orderer_b = 0;
    std::string evidence;
    std::string kind;  // pair, bridge
};

const char* const item_select =
    "SELECT i.id, i.record_a, i.record_b, i.score, i.status, i.skips, a.orderer_id, b.orderer_id, i.evidence, i.kind, "
    "coalesce(i.average, 0), coalesce(json_array_length(i.part), 0) "
    "FROM review_item i JOIN source_record a ON a.id = i.record_a JOIN source_record b ON b.id = i.record_b ";

Item read_item(Statement& q) {
    return Item{q.get_int(0), q.get_int(1), q.get_int(2), q.get_double(3), q.get_text(4),
                q.get_int(5), q.get_int(6), q.get_int(7), q.get_text(8), q.get_text(9)};
}

Item load_item(Database& db, std::int64_t id) {
    auto q = db.prepare(std::string(item_select) + "WHERE i.id = ?");
    q.bind(1, id);
    if (!q.step()) throw NotFoundError("no review item has the id " + std::to_string(id) + " (see register review list)");
    return read_item(q);
}

std::string orderer_name(Database& db, std::int64_t id) {
    auto& q = db.cached("SELECT name FROM orderer WHERE id = ?");
    q.bind(1, id);
    std::string name = q.step() ? q.get_text(0) : std::string();
    q.reset();
    return name;
}

json::array units_of(const std::vector<SourceValues>& sources) {
    std::set<std::string> units;
    for (const auto& s : sources) units.insert(s.unit);
    json::array out;
    for (const auto& u : units) out.push_back(json::value(u));
    return out;
}

}  // namespace

json::object review_side_json(Database& db, std::int64_t orderer, const std::vector<SourceValues>& sources,
                              const GoldenRecord& golden) {
    json::object side{{"orderer", orderer}, {"name", orderer_name(db, orderer)}, {"units", units_of(sources)}};
    json::object fields;
    for (std::size_t f = 0; f < golden_field_count; ++f)
        fields[golden_fields[f]] = golden.fields[f].value.empty() ? json::value(nullptr) : json::value(golden.fields[f].value);
    side["golden"] = std::move(fields);
    json::array records;
    for (const auto& s : sources) {
        json::object r{{"unit", s.unit}, {"source_id", s.source_id}};
        for (std::size_t f = 0; f < golden_field_count; ++f)
            if (!s.shown[f].empty()) r[golden_fields[f]] = s.shown[f];
        if (s.shown[1].empty() && !s.business_id_raw.empty()) r["business_id_invalid"] = s.business_id_raw;
        records.push_back(std::move(r));
    }
    side["sources"] = std::move(records);
    return side;
}

namespace {

// The item's two orderers, or an InputError when they are one orderer by now.
void require_apart(const Item& item) {
    if (item.orderer_a == item.orderer_b)
        throw InputError("review item " + std::to_string(item.id) + " is settled: both records now belong to orderer " +
                             std::to_string(item.orderer_a), "ITEM");
    if (item.status != "open" && item.status != "skipped")
        throw InputError("review item " + std::to_string(item.id) + " was already decided (" + item.status + ")", "ITEM");
}

}  // namespace

QueueUpdate update_review_queue(Database& db, const RecordIndex& index, const MatchRules& rules,
                                const Clustering& clustering,
                                const std::vector<std::pair<std::uint32_t, std::uint32_t>>& forbidden,
                                const std::vector<char>& in_scope, const std::string& now) {
    auto cluster_pair = [&](std::uint32_t a, std::uint32_t b) {
        auto x = clustering.cluster_of[a], y = clustering.cluster_of[b];
        return std::pair(std::min(x, y), std::max(x, y));
    };
    std::set<std::pair<std::uint32_t, std::uint32_t>> kept_apart;
    for (auto [a, b] : forbidden) kept_apart.insert(cluster_pair(a, b));
    std::set<std::pair<std::uint32_t, std::uint32_t>> seen;
    std::vector<ScoredPair> chosen;  // strongest first, as clustering ordered them
    for (const auto& p : clustering.review) {
        auto key = cluster_pair(p.a, p.b);
        if (key.first == key.second || kept_apart.count(key) || !seen.insert(key).second) continue;
        chosen.push_back(p);
    }

    // Open or skipped items this run could have proposed again: those with a record in its scope.
    std::unordered_set<std::int64_t> scope_ids;
    for (std::size_t i = 0; i < index.size(); ++i)
        if (in_scope[i]) scope_ids.insert(index.records[i].id);
    std::map<std::pair<std::int64_t, std::int64_t>, std::int64_t> waiting;
    {
        auto q = db.prepare("SELECT record_a, record_b, id FROM review_item WHERE kind = 'pair' AND status IN ('open', 'skipped')");
        while (q.step())
            if (scope_ids.count(q.get_int(0)) || scope_ids.count(q.get_int(1))) waiting[{q.get_int(0), q.get_int(1)}] = q.get_int(2);
    }
    auto& exists = db.cached("SELECT 1 FROM review_item WHERE record_a = ? AND record_b = ?");
    auto& upsert = db.cached(
        "INSERT INTO review_item(record_a, record_b, score, evidence, found_at) VALUES(?1, ?2, ?3, ?4, ?5) "
        "ON CONFLICT(record_a, record_b) DO UPDATE SET score = ?3, evidence = ?4, "
        "status = CASE WHEN status = 'obsolete' OR kind <> 'pair' THEN 'open' ELSE status END, "
        "skips = CASE WHEN kind <> 'pair' THEN 0 ELSE skips END, kind = 'pair', part = NULL, average = NULL");
    QueueUpdate update;
    for (const auto& p : chosen) {
        auto ra = index.records[p.a].id, rb = index.records[p.b].id;
        const IndexedRecord& first = ra < rb ? index.records[p.a] : index.records[p.b];
        const IndexedRecord& second = ra < rb ? index.records[p.b] : index.records[p.a];
        std::vector<Evidence> evidence;
        score_pair(index, first, second, rules, &evidence);
        exists.bind(1, first.id).bind(2, second.id);
        if (!exists.step()) ++update.added;
        exists.reset();
        upsert.bind_all(first.id, second.id, p.score, json::serialize(evidence_json(evidence)), now);
        upsert.run();
        waiting.erase({first.id, second.id});
    }
    auto& retire = db.cached("UPDATE review_item SET status = 'obsolete' WHERE id = ?");
    for (const auto& [pair, id] : waiting) {
        retire.bind(1, id);
        retire.run();
        ++update.obsolete;
    }
    auto q = db.prepare("SELECT count(*) FROM review_item WHERE kind = 'pair' AND status IN ('open', 'skipped')");
    q.step();
    update.open = static_cast<std::size_t>(q.get_int(0));
    return update;
}

json::value review_list_command(Context& ctx, const json::object& request) {
    auto limit = params::optional_integer(request, "limit").value_or(20);
    if (limit < 1 || limit > 10000) throw InputError("limit must be between 1 and 10000", "--limit");
    auto q = ctx.db().prepare(std::string(item_select) +
                              "WHERE i.status IN ('open', 'skipped') ORDER BY i.skips, i.score DESC, i.id");
    json::array rows;
    std::size_t waiting = 0;
    while (q.step()) {
        Item item = read_item(q);
        const bool bridge = item.kind == "bridge";
        // Settled since: a pair's records joined, or a bridge's parts moved apart.
        if ((item.orderer_a == item.orderer_b) != bridge) continue;
        if (++waiting > static_cast<std::size_t>(limit)) continue;
        if (bridge) {
            rows.push_back(json::object{{"item", item.id},
                                        {"kind", "bridge"},
                                        {"score", std::round(item.score * 10) / 10},
                                        {"average", std::round(q.get_double(10) * 10) / 10},
                                        {"orderer", item.orderer_a},
                                        {"name", orderer_name(ctx.db(), item.orderer_a)},
                                        {"part_records", q.get_int(11)},
                                        {"skipped", item.skips}});
            continue;
        }
        rows.push_back(json::object{{"item", item.id},
                                    {"kind", "pair"},
                                    {"score", std::round(item.score * 10) / 10},
                                    {"probability", std::round(probability(item.score) * 1000) / 1000},
                                    {"orderer_a", item.orderer_a},
                                    {"name_a", orderer_name(ctx.db(), item.orderer_a)},
                                    {"orderer_b", item.orderer_b},
                                    {"name_b", orderer_name(ctx.db(), item.orderer_b)},
                                    {"skipped", item.skips}});
    }
    return json::object{{"waiting", waiting}, {"rows", std::move(rows)}};
}

json::value review_show_command(Context& ctx, const json::object& request) {
    Database& db = ctx.db();
    Item item = load_item(db, params::required_integer(request, "item"));
    if (item.kind == "bridge") return show_bridge(db, item.id);
    auto sources_a = load_sources(db, item.orderer_a), sources_b = load_sources(db, item.orderer_b);
    GoldenRecord golden_a = choose_golden(sources_a, load_choices(db, item.orderer_a));
    GoldenRecord golden_b = choose_golden(sources_b, load_choices(db, item.orderer_b));
    json::array fields;
    for (std::size_t f = 0; f < golden_field_count; ++f) {
        const auto& a = golden_a.fields[f].value;
        const auto& b = golden_b.fields[f].value;
        if (a.empty() && b.empty()) continue;
        const char* verdict = a.empty() || b.empty() ? "one missing" : a == b ? "same" : "different";
        fields.push_back(json::object{{"field", golden_fields[f]},
                                      {"a", a.empty() ? json::value(nullptr) : json::value(a)},
                                      {"b", b.empty() ? json::value(nullptr) : json::value(b)},
                                      {"comparison", verdict}});
    }
    json::object result{{"item", item.id},
                        {"status", item.orderer_a == item.orderer_b ? std::string("settled") : item.status},
                        {"score", std::round(item.score * 10) / 10},
                        {"probability", std::round(probability(item.score) * 1000) / 1000},
                        {"fields", std::move(fields)},
                        {"evidence", json::parse(item.evidence)},
                        {"a", review_side_json(db, item.orderer_a, sources_a, golden_a)},
                        {"b", review_side_json(db, item.orderer_b, sources_b, golden_b)}};
    auto decisions = db.prepare("SELECT id, kind, decided_by, unit, decided_at, reason FROM register_event "
                                "WHERE review_id = ? ORDER BY id");
    decisions.bind(1, item.id);
    json::array history;
    while (decisions.step())
        history.push_back(json::object{{"event", decisions.get_int(0)}, {"kind", decisions.get_text(1)},
                                       {"by", decisions.get_text(2)},    {"unit", decisions.get_text(3)},
                                       {"at", decisions.get_text(4)},    {"reason", decisions.get_text(5)}});
    result["history"] = std::move(history);
    return result;
}

json::value review_decide_command(Context& ctx, const json::object& request) {
    Database& db = ctx.db();
    Actor actor = actor_of(ctx, request);
    Item item = load_item(db, params::required_integer(request, "item"));
    const auto verdict = params::required_string(request, "verdict");
    if (verdict != "same" && verdict != "not-same" && verdict != "skip")
        throw InputError("unknown verdict '" + verdict + "': use same, not-same or skip", "--verdict");
    if (item.kind == "bridge") {
        if (request.contains("keep") || request.contains("into"))
            throw InputError("--keep and --into go with a pair of orderers; item " + std::to_string(item.id) +
                                 " is a weak bridge inside one orderer", "--keep");
        json::object result = decide_bridge(db, actor, item.id, verdict);
        ctx.audit("register.review", "review_item", std::to_string(item.id), verdict);
        return result;
    }
    require_apart(item);
    const auto keep = params::string_list(request, "keep");
    if (!keep.empty() && verdict != "same") throw InputError("--keep goes with --verdict same", "--keep");
    json::object result{{"item", item.id}, {"verdict", verdict}};
    if (verdict == "same") {
        // The orderer with more source records survives (ties: the older id), unless --into says otherwise.
        auto count_a = records_of(db, item.orderer_a).size(), count_b = records_of(db, item.orderer_b).size();
        std::int64_t survivor = count_a > count_b || (count_a == count_b && item.orderer_a < item.orderer_b)
                                    ? item.orderer_a : item.orderer_b;
        if (auto into = params::optional_integer(request, "into")) {
            if (*into != item.orderer_a && *into != item.orderer_b)
                throw InputError("--into must be " + std::to_string(item.orderer_a) + " or " +
                                     std::to_string(item.orderer_b), "--into");
            survivor = *into;
        }
        const std::int64_t other = survivor == item.orderer_a ? item.orderer_b : item.orderer_a;
        result["event"] = merge_orderers(db, actor, survivor, other, keep, item.id);
        result["survivor"] = survivor;
        result["merged"] = other;
        db.prepare("UPDATE review_item SET status = 'same' WHERE id = ?").bind(1, item.id).run();
    } else if (verdict == "not-same") {
        result["event"] = record_not_same(db, actor, item.orderer_a, item.orderer_b, item.id);
        db.prepare("UPDATE review_item SET status = 'not_same' WHERE id = ?").bind(1, item.id).run();
    } else {
        result["event"] = record_event(db, NewEvent{"skip", item.orderer_a, item.orderer_b, item.id, 0, "{}"}, actor);
        db.prepare("UPDATE review_item SET status = 'skipped', skips = skips + 1 WHERE id = ?").bind(1, item.id).run();
    }
    ctx.audit("register.review", "review_item", std::to_string(item.id), verdict);
    return result;
}

}  // namespace jobcenter::register_plugin
