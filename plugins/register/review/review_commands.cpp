// The review queue (see review_commands.hpp).
#include "register/review/review_commands.hpp"

#include <algorithm>
#include <future>
#include <set>
#include <unordered_set>

#include "jobcenter/params.hpp"
#include "register/clustering/golden_record.hpp"
#include "register/index/pair_key.hpp"
#include "register/resident/register_change.hpp"
#include "register/review/bridge_review.hpp"
#include "register/review/merge_commands.hpp"
#include "register/review/register_events.hpp"
#include "register/review/review_item.hpp"
#include "register/review/unit_rights.hpp"
#include "register/scoring/explanation.hpp"
#include "register/store/values_batch.hpp"

namespace jobcenter::register_plugin {
namespace json = boost::json;
namespace {

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
        if (s.shown[index_of(Golden::business_id)].empty() && !s.business_id_raw.empty())
            r["business_id_invalid"] = s.business_id_raw;
        records.push_back(std::move(r));
    }
    side["sources"] = std::move(records);
    return side;
}

namespace {

// The item's two orderers, or an InputError when they are one orderer by now.
void require_apart(const ReviewItem& item) {
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
        return PairKey::make(x, y);
    };
    std::unordered_set<PairKey> kept_apart;
    kept_apart.reserve(forbidden.size());
    for (auto [a, b] : forbidden) kept_apart.insert(cluster_pair(a, b));
    std::unordered_set<PairKey> seen;
    seen.reserve(clustering.review.size());
    std::vector<ScoredPair> chosen;  // strongest first, as clustering ordered them
    // Each cluster in at most review_per_orderer items, its strongest: the rest come once these are decided.
    std::vector<std::size_t> items_of(clustering.cluster_of.size(), 0);  // by cluster (its smallest position)
    for (const auto& p : clustering.review) {
        const auto ca = clustering.cluster_of[p.a], cb = clustering.cluster_of[p.b];
        if (ca == cb) continue;
        auto key = cluster_pair(p.a, p.b);
        if (kept_apart.count(key) || seen.count(key)) continue;
        std::size_t& items_a = items_of[ca];
        std::size_t& items_b = items_of[cb];
        if (items_a >= rules.review_per_orderer || items_b >= rules.review_per_orderer) continue;
        seen.insert(key);
        ++items_a;
        ++items_b;
        chosen.push_back(p);
    }
    // Each item's records, smaller id first, and its evidence as JSON text.
    auto ordered = [&](const ScoredPair& p) {
        const IndexedRecord& x = index.records[p.a];
        const IndexedRecord& y = index.records[p.b];
        return x.id < y.id ? std::pair<const IndexedRecord*, const IndexedRecord*>(&x, &y) : std::pair(&y, &x);
    };
    // A slice of the items at a time, explained on the second thread a slice ahead of the one written here,
    // so that the texts of a million items are never all in memory.
    constexpr std::size_t slice = 8192;
    auto explain_slice = [&](std::size_t begin) {
        const std::size_t end = std::min(chosen.size(), begin + slice);
        std::vector<std::string> evidence(end - begin);
        std::vector<Evidence> reasons;
        for (std::size_t i = begin; i < end; ++i) {
            auto [first, second] = ordered(chosen[i]);
            reasons.clear();
            score_pair(index, *first, *second, rules, &reasons);
            evidence[i - begin] = json::serialize(evidence_json(reasons));
        }
        return evidence;
    };

    // Open or skipped items this run could have proposed again: those with a record in its scope.
    auto in_scope_id = [&](std::int64_t id) {
        const auto position = index.position_of(id);
        return position && in_scope[*position];
    };
    struct Waiting {
        std::int64_t record_a, record_b, id;
        bool proposed;
    };
    std::vector<Waiting> waiting;
    {
        auto q = db.prepare("SELECT record_a, record_b, id FROM review_item WHERE kind = 'pair' AND status IN ('open', 'skipped')");
        while (q.step())
            if (in_scope_id(q.get_int(0)) || in_scope_id(q.get_int(1))) waiting.push_back({q.get_int(0), q.get_int(1), q.get_int(2), false});
    }
    auto by_records = [](const Waiting& x, const Waiting& y) {
        return x.record_a != y.record_a ? x.record_a < y.record_a : x.record_b < y.record_b;
    };
    std::sort(waiting.begin(), waiting.end(), by_records);
    for (const auto& p : chosen) {
        auto [first, second] = ordered(p);
        const Waiting key{first->id, second->id, 0, false};
        auto it = std::lower_bound(waiting.begin(), waiting.end(), key, by_records);
        if (it != waiting.end() && it->record_a == key.record_a && it->record_b == key.record_b) it->proposed = true;
    }

    auto count_items = [&db] {
        auto q = db.prepare("SELECT count(*) FROM review_item");
        q.step();
        return q.get_int(0);
    };
    QueueUpdate update;
    // Items are never deleted, so the rows this adds are the growth of the table. An item already there
    // is written only when its score, its evidence or its status changes.
    const std::int64_t items_before = count_items();
    std::future<std::vector<std::string>> next;
    if (!chosen.empty()) next = std::async(std::launch::async, explain_slice, 0);
    for (std::size_t begin = 0; begin < chosen.size(); begin += slice) {
        const std::size_t end = std::min(chosen.size(), begin + slice);
        const std::vector<std::string> evidence = next.get();
        if (end < chosen.size()) next = std::async(std::launch::async, explain_slice, end);
        run_batched(db,
                    "INSERT INTO review_item(record_a, record_b, score, evidence, found_at) VALUES $ROWS "
                    "ON CONFLICT(record_a, record_b) DO UPDATE SET score = excluded.score, evidence = excluded.evidence, "
                    "status = CASE WHEN status = 'obsolete' OR kind <> 'pair' THEN 'open' ELSE status END, "
                    "skips = CASE WHEN kind <> 'pair' THEN 0 ELSE skips END, kind = 'pair', part = NULL, average = NULL "
                    "WHERE score IS NOT excluded.score OR evidence IS NOT excluded.evidence OR status = 'obsolete' "
                    "OR kind <> 'pair'",
                    5, end - begin, [&](Statement& s, int at, std::size_t k) {
                        const std::size_t i = begin + k;
                        auto [first, second] = ordered(chosen[i]);
                        s.bind(at, first->id).bind(at + 1, second->id).bind(at + 2, chosen[i].score);
                        s.bind_view(at + 3, evidence[k]).bind_view(at + 4, now);
                    });
    }
    update.added = static_cast<std::size_t>(count_items() - items_before);
    std::vector<std::int64_t> retired;
    for (const auto& w : waiting)
        if (!w.proposed) retired.push_back(w.id);
    run_batched(db, "UPDATE review_item SET status = 'obsolete' WHERE id IN (VALUES $ROWS)", 1, retired.size(),
                [&](Statement& s, int at, std::size_t i) { s.bind(at, retired[i]); });
    update.obsolete = retired.size();
    auto q = db.prepare("SELECT count(*) FROM review_item WHERE kind = 'pair' AND status IN ('open', 'skipped')");
    q.step();
    update.open = static_cast<std::size_t>(q.get_int(0));
    return update;
}

json::value review_list_command(Context& ctx, const json::object& request) {
    auto limit = params::optional_integer(request, "limit").value_or(20);
    if (limit < 1 || limit > 10000) throw InputError("limit must be between 1 and 10000", "--limit");
    auto q = ctx.db().prepare(std::string(review_item_select) +
                              "WHERE i.status IN ('open', 'skipped') ORDER BY i.skips, i.score DESC, i.id");
    json::array rows;
    std::size_t waiting = 0;
    while (q.step()) {
        ReviewItem item = read_review_item(q);
        const bool bridge = item.kind == "bridge";
        // Settled since: a pair's records joined, or a bridge's parts moved apart.
        if ((item.orderer_a == item.orderer_b) != bridge) continue;
        if (++waiting > static_cast<std::size_t>(limit)) continue;
        if (bridge) {
            rows.push_back(json::object{{"item", item.id},
                                        {"kind", "bridge"},
                                        {"score", std::round(item.score * 10) / 10},
                                        {"average", std::round(item.average * 10) / 10},
                                        {"orderer", item.orderer_a},
                                        {"name", orderer_name(ctx.db(), item.orderer_a)},
                                        {"part_records", item.part.size()},
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
    ReviewItem item = load_review_item(db, params::required_integer(request, "item"));
    if (item.kind == "bridge") {
        json::value bridge = show_bridge(db, item);
        withhold_other_units_sources(ctx, bridge);
        return bridge;
    }
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
    json::value shown = std::move(result);
    withhold_other_units_sources(ctx, shown);
    return shown;
}

json::value review_decide_command(Context& ctx, const json::object& request) {
    Database& db = ctx.db();
    Actor actor = actor_of(ctx, request);
    ReviewItem item = load_review_item(db, params::required_integer(request, "item"));
    const auto verdict = params::required_string(request, "verdict");
    if (verdict != "same" && verdict != "not-same" && verdict != "skip")
        throw InputError("unknown verdict '" + verdict + "': use same, not-same or skip", "--verdict");
    if (item.kind == "bridge") {
        if (request.contains("keep") || request.contains("into"))
            throw InputError("--keep and --into go with a pair of orderers; item " + std::to_string(item.id) +
                                 " is a weak bridge inside one orderer", "--keep");
        require_rights_over(ctx, "register review decide", {item.orderer_a});
        json::object result = decide_bridge(db, actor, item, verdict);
        if (auto split = result.if_contains("split_into")) publish_records_of_orderers(ctx, {split->as_int64()});
        ctx.audit("register.review", "review_item", std::to_string(item.id), verdict);
        return result;
    }
    require_apart(item);
    require_rights_over(ctx, "register review decide", {item.orderer_a, item.orderer_b});
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
        publish_records_of_orderers(ctx, {survivor});
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
