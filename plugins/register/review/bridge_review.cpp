// Weak bridges in the review queue (see bridge_review.hpp).
#include "register/review/bridge_review.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

#include "register/clustering/golden_record.hpp"
#include "register/review/review_commands.hpp"
#include "register/review/review_item.hpp"
#include "register/scoring/explanation.hpp"

namespace jobcenter::register_plugin {
namespace json = boost::json;
namespace {

// The orderer's records split into the part that stays and the part joined through the bridge; throws
// when the item no longer describes the register (the records have moved apart since).
std::pair<std::vector<std::int64_t>, std::vector<std::int64_t>> current_parts(Database& db, const ReviewItem& item) {
    if (item.orderer_a != item.orderer_b)
        throw InputError("review item " + std::to_string(item.id) + " is settled: its records are in orderers " +
                             std::to_string(item.orderer_a) + " and " + std::to_string(item.orderer_b) + " by now",
                         "ITEM");
    const auto records = records_of(db, item.orderer_a);
    const std::set<std::int64_t> in_part(item.part.begin(), item.part.end());
    std::vector<std::int64_t> stays, joined;
    for (auto r : records) (in_part.count(r) ? joined : stays).push_back(r);
    if (joined.size() != in_part.size() || stays.empty())
        throw InputError("review item " + std::to_string(item.id) + " is settled: orderer " + std::to_string(item.orderer_a) +
                             " has changed since the run that found it (run register dedupe again)",
                         "ITEM");
    return {stays, joined};
}

std::vector<SourceValues> only(const std::vector<SourceValues>& sources, const std::vector<std::int64_t>& ids) {
    std::vector<SourceValues> out;
    for (const auto& s : sources)
        if (std::binary_search(ids.begin(), ids.end(), s.record_id)) out.push_back(s);
    return out;
}

// The orderer the part goes to when split off: the emptied orderer its records came from, if there is
// one, else a new orderer made from the part's oldest record.
std::int64_t orderer_for_part(Database& db, std::int64_t holder, const std::vector<std::int64_t>& part, const std::string& now) {
    json::array ids(part.begin(), part.end());
    auto q = db.prepare(
        "SELECT min(o.id) FROM orderer o WHERE o.id <> ?2 AND o.id IN (SELECT e.from_orderer FROM event_record e "
        "WHERE e.record_id IN (SELECT value FROM json_each(?1))) "
        "AND NOT EXISTS (SELECT 1 FROM source_record s WHERE s.orderer_id = o.id)");
    q.bind(1, json::serialize(ids)).bind(2, holder);
    if (q.step() && !q.is_null(0)) {
        const std::int64_t emptied = q.get_int(0);
        q.reset();
        db.prepare("UPDATE orderer SET merged_into = NULL, updated_at = ? WHERE id = ?").bind(1, now).bind(2, emptied).run();
        return emptied;
    }
    q.reset();
    return create_orderer_from_record(db, part.front(), now);
}

}  // namespace

BridgeQueueUpdate update_bridge_queue(Database& db, const RecordIndex& index, const MatchRules& rules,
                                      const Clustering& clustering, const std::vector<char>& in_scope,
                                      const std::string& now) {
    // Whether a record is in this run's scope: the index is in id order, so its position is found by search.
    auto in_scope_id = [&](std::int64_t id) {
        const auto position = index.position_of(id);
        return position && in_scope[*position];
    };
    std::set<std::pair<std::int64_t, std::int64_t>> waiting;
    {
        auto q = db.prepare("SELECT record_a, record_b FROM review_item WHERE kind = 'bridge' AND status IN ('open', 'skipped')");
        while (q.step())
            if (in_scope_id(q.get_int(0)) || in_scope_id(q.get_int(1))) waiting.insert({q.get_int(0), q.get_int(1)});
    }
    auto count_bridges = [&db] {
        auto q = db.prepare("SELECT count(*) FROM review_item WHERE kind = 'bridge'");
        q.step();
        return q.get_int(0);
    };
    const std::int64_t bridges_before = count_bridges();
    auto& upsert = db.cached(
        "INSERT INTO review_item(record_a, record_b, score, evidence, found_at, kind, part, average) "
        "VALUES(?1, ?2, ?3, ?4, ?5, 'bridge', ?6, ?7) "
        "ON CONFLICT(record_a, record_b) DO UPDATE SET score = ?3, evidence = ?4, part = ?6, average = ?7, "
        "status = CASE WHEN status = 'obsolete' OR kind <> 'bridge' THEN 'open' ELSE status END, "
        "skips = CASE WHEN kind <> 'bridge' THEN 0 ELSE skips END, kind = 'bridge'");
    BridgeQueueUpdate update;
    for (const auto& bridge : clustering.bridges) {
        if (!in_scope[bridge.pair.a] || !in_scope[bridge.pair.b]) continue;
        const IndexedRecord& x = index.records[bridge.pair.a];
        const IndexedRecord& y = index.records[bridge.pair.b];
        const IndexedRecord& first = x.id < y.id ? x : y;
        const IndexedRecord& second = x.id < y.id ? y : x;
        std::vector<Evidence> evidence;
        score_pair(index, first, second, rules, &evidence);
        json::array part;
        for (auto position : bridge.part) part.push_back(index.records[position].id);
        upsert.bind_all(first.id, second.id, bridge.pair.score, json::serialize(evidence_json(evidence)), now,
                        json::serialize(part), bridge.average);
        upsert.run();
        waiting.erase({first.id, second.id});
    }
    // New items, and pair items that became bridges: the growth of the bridge items.
    update.added = static_cast<std::size_t>(count_bridges() - bridges_before);
    auto& retire = db.cached("UPDATE review_item SET status = 'obsolete' WHERE record_a = ? AND record_b = ?");
    for (const auto& [a, b] : waiting) {
        retire.bind(1, a).bind(2, b);
        retire.run();
        ++update.obsolete;
    }
    auto q = db.prepare("SELECT count(*) FROM review_item WHERE kind = 'bridge' AND status IN ('open', 'skipped')");
    q.step();
    update.open = static_cast<std::size_t>(q.get_int(0));
    return update;
}

json::value show_bridge(Database& db, const ReviewItem& item) {
    json::object result{{"item", item.id},
                        {"kind", "bridge"},
                        {"score", std::round(item.score * 10) / 10},
                        {"average", std::round(item.average * 10) / 10},
                        {"evidence", json::parse(item.evidence)}};
    std::vector<std::int64_t> stays, joined;
    try {
        std::tie(stays, joined) = current_parts(db, item);
    } catch (const InputError& settled) {
        result["status"] = "settled";
        result["note"] = settled.what();
        return result;
    }
    result["status"] = item.status;
    result["orderer"] = item.orderer_a;
    char why[160];
    std::snprintf(why, sizeof why, "linked through one pair (score %.1f) while the pairs between the two parts average %.1f",
                  std::round(item.score * 10) / 10, std::round(item.average * 10) / 10);
    result["why"] = why;
    const auto sources = load_sources(db, item.orderer_a);
    const auto stays_sources = only(sources, stays), joined_sources = only(sources, joined);
    result["stays"] = review_side_json(db, item.orderer_a, stays_sources, choose_golden(stays_sources));
    result["part"] = review_side_json(db, item.orderer_a, joined_sources, choose_golden(joined_sources));
    return result;
}

json::object decide_bridge(Database& db, const Actor& actor, const ReviewItem& item, const std::string& verdict) {
    if (item.status != "open" && item.status != "skipped")
        throw InputError("review item " + std::to_string(item.id) + " was already decided (" + item.status + ")", "ITEM");
    const auto [stays, joined] = current_parts(db, item);
    const std::int64_t holder = item.orderer_a;
    json::object result{{"item", item.id}, {"verdict", verdict}, {"kind", "bridge"}};
    if (verdict == "same") {
        // A merge that moved nothing: the two parts are one orderer by a person's decision from now on.
        const auto event = record_event(db, NewEvent{"merge", holder, 0, item.id, 0, R"({"confirmed_bridge":true})"}, actor);
        add_event_records(db, event, stays, 'a');
        add_event_records(db, event, joined, 'b');
        db.prepare("UPDATE review_item SET status = 'same' WHERE id = ?").bind(1, item.id).run();
        result["event"] = event;
        result["orderer"] = holder;
    } else if (verdict == "not-same") {
        const std::int64_t split = orderer_for_part(db, holder, joined, actor.at);
        auto& move = db.cached("UPDATE source_record SET orderer_id = ? WHERE id = ?");
        for (auto record : joined) {
            move.bind(1, split).bind(2, record);
            move.run();
        }
        refresh_golden_record(db, holder, actor.at);
        refresh_golden_record(db, split, actor.at);
        const auto event = record_event(db, NewEvent{"not_same", holder, split, item.id, 0, R"({"split_bridge":true})"}, actor);
        add_event_records(db, event, stays, 'a');
        add_event_records(db, event, joined, 'b');
        db.prepare("UPDATE review_item SET status = 'not_same' WHERE id = ?").bind(1, item.id).run();
        result["event"] = event;
        result["orderer"] = holder;
        result["split_into"] = split;
        result["records_moved"] = joined.size();
    } else {
        result["event"] = record_event(db, NewEvent{"skip", holder, 0, item.id, 0, "{}"}, actor);
        db.prepare("UPDATE review_item SET status = 'skipped', skips = skips + 1 WHERE id = ?").bind(1, item.id).run();
    }
    return result;
}

}  // namespace jobcenter::register_plugin
