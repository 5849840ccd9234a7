// Running deduplication, over the whole register or incrementally over what new records touch, and
// writing its clusters back as orderers: each cluster keeps the orderer id most of its records already
// had, so ids are stable across runs; every move is an event a person can undo.
#include "dedupe_command.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <numeric>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "bridge_review.hpp"
#include "bulk_write.hpp"
#include "clustering.hpp"
#include "golden_record.hpp"
#include "jobcenter/params.hpp"
#include "match_rules.hpp"
#include "phase_timing.hpp"
#include "register_events.hpp"
#include "register_stats.hpp"
#include "review_commands.hpp"
#include "values_batch.hpp"

namespace jobcenter::register_plugin {
namespace json = boost::json;
namespace {

// The position of a source record in the index (ordered by id), or nothing when it is not there.
std::optional<std::uint32_t> position_of(const RecordIndex& index, std::int64_t id) {
    auto it = std::lower_bound(index.records.begin(), index.records.end(), id,
                               [](const IndexedRecord& r, std::int64_t value) { return r.id < value; });
    if (it == index.records.end() || it->id != id) return std::nullopt;
    return static_cast<std::uint32_t>(it - index.records.begin());
}

// Cluster -> the positions of its records (only those in scope), clusters ordered by their smallest position.
std::vector<std::vector<std::uint32_t>> group_clusters(const Clustering& clustering, const std::vector<char>& in_scope) {
    std::map<std::uint32_t, std::vector<std::uint32_t>> groups;
    for (std::uint32_t i = 0; i < clustering.cluster_of.size(); ++i)
        if (in_scope[i]) groups[clustering.cluster_of[i]].push_back(i);
    std::vector<std::vector<std::uint32_t>> out;
    out.reserve(groups.size());
    for (auto& [first, members] : groups) out.push_back(std::move(members));
    return out;
}

using PositionPairs = std::vector<std::pair<std::uint32_t, std::uint32_t>>;

// The part of the register an incremental run recomputes: starting from the new and changed records,
// everything reachable through pairs at or above the link score or a person's "same", each with all the
// records of its current orderer. Clustering joins only along such pairs, so outside this part a run
// over the whole register decides the same, except where the new records moved the weights of old pairs
// across the link score (a word or phone became more common) or shifted a sorted-neighbourhood window in
// a very common block; tests/bench/register_incremental.sh measures how often that happens.
std::vector<char> incremental_scope(const RecordIndex& index, const MatchRules& rules, const PositionPairs& candidates,
                                    const PositionPairs& must_link, const std::vector<std::uint32_t>& pending) {
    const std::size_t n = index.size();
    // Adjacency of candidate pairs (flag 0) and must-links (flag 1), as offsets into one array.
    std::vector<std::uint32_t> degree(n + 1, 0);
    for (auto [a, b] : candidates) ++degree[a], ++degree[b];
    for (auto [a, b] : must_link) ++degree[a], ++degree[b];
    std::vector<std::size_t> offset(n + 1, 0);
    for (std::size_t i = 0; i < n; ++i) offset[i + 1] = offset[i] + degree[i];
    std::vector<std::pair<std::uint32_t, bool>> neighbours(offset[n]);
    std::vector<std::size_t> fill(offset.begin(), offset.end() - 1);
    for (auto [a, b] : candidates) neighbours[fill[a]++] = {b, false}, neighbours[fill[b]++] = {a, false};
    for (auto [a, b] : must_link) neighbours[fill[a]++] = {b, true}, neighbours[fill[b]++] = {a, true};
    // The records of each current orderer.
    std::vector<std::uint32_t> by_orderer(n);
    std::iota(by_orderer.begin(), by_orderer.end(), 0u);
    std::sort(by_orderer.begin(), by_orderer.end(), [&index](std::uint32_t x, std::uint32_t y) {
        auto ox = index.records[x].orderer_id, oy = index.records[y].orderer_id;
        return ox != oy ? ox < oy : x < y;
    });

    std::vector<char> in_scope(n, 0);
    std::vector<std::uint32_t> queue;
    auto visit = [&](std::uint32_t x) {
        if (!in_scope[x]) in_scope[x] = 1, queue.push_back(x);
    };
    for (auto p : pending) visit(p);
    for (std::size_t next = 0; next < queue.size(); ++next) {
        const std::uint32_t x = queue[next];
        const auto orderer = index.records[x].orderer_id;
        auto first = std::lower_bound(by_orderer.begin(), by_orderer.end(), x, [&](std::uint32_t pos, std::uint32_t) {
            return index.records[pos].orderer_id < orderer;
        });
        for (auto it = first; it != by_orderer.end() && index.records[*it].orderer_id == orderer; ++it) visit(*it);
        for (std::size_t k = offset[x]; k < offset[x + 1]; ++k) {
            auto [y, linked] = neighbours[k];
            if (in_scope[y]) continue;
            if (linked || score_pair(index, index.records[x], index.records[y], rules).score >= rules.link_score) visit(y);
        }
    }
    return in_scope;
}

PositionPairs within(const PositionPairs& pairs, const std::vector<char>& in_scope) {
    PositionPairs out;
    for (auto [a, b] : pairs)
        if (in_scope[a] && in_scope[b]) out.emplace_back(a, b);
    return out;
}

// Pairs with a record in scope: those across its edge are below the link score, so they cannot join
// anything, but they still go to the review queue as they would in a run over the whole register.
PositionPairs touching(const PositionPairs& pairs, const std::vector<char>& in_scope) {
    PositionPairs out;
    for (auto [a, b] : pairs)
        if (in_scope[a] || in_scope[b]) out.emplace_back(a, b);
    return out;
}

// Positions of the records imported after `import_id`, and of those a person's decision (merge, unmerge,
// not the same) after event `event_id` concerned: what an incremental run starts from.
std::vector<std::uint32_t> new_since(Database& db, const RecordIndex& index, std::int64_t import_id, std::int64_t event_id) {
    std::vector<std::int64_t> ids;
    auto q = db.prepare(
        "SELECT id FROM source_record WHERE import_id > ?1 UNION SELECT r.record_id FROM event_record r "
        "JOIN register_event e ON e.id = r.event_id WHERE e.id > ?2 AND e.kind <> 'dedupe' ORDER BY 1");
    q.bind(1, import_id).bind(2, event_id);
    while (q.step()) ids.push_back(q.get_int(0));
    std::vector<std::uint32_t> out;
    for (auto id : ids)
        if (auto position = position_of(index, id)) out.push_back(*position);
    return out;
}

struct LastRun {
    std::int64_t last_import_id = 0;
    std::string rules;
    std::int64_t last_event_id = 0;
};

std::optional<LastRun> last_run(Database& db) {
    auto q = db.prepare("SELECT last_import_id, rules, last_event_id FROM dedupe_run ORDER BY id DESC LIMIT 1");
    if (!q.step()) return std::nullopt;
    return LastRun{q.get_int(0), q.get_text(1), q.get_int(2)};
}

std::int64_t latest_import(Database& db) {
    auto q = db.prepare("SELECT coalesce(max(import_id), 0) FROM source_record");
    q.step();
    return q.get_int(0);
}

// Record positions of the decisions people made (record ids that are not in the index are left out).
std::vector<std::pair<std::uint32_t, std::uint32_t>> positions_of(
    const RecordIndex& index, const std::vector<std::pair<std::int64_t, std::int64_t>>& pairs) {
    std::vector<std::pair<std::uint32_t, std::uint32_t>> out;
    out.reserve(pairs.size());
    for (auto [a, b] : pairs)
        if (auto pa = position_of(index, a), pb = position_of(index, b); pa && pb) out.emplace_back(std::min(*pa, *pb), std::max(*pa, *pb));
    return out;
}

}  // namespace

json::value dedupe_command(Context& ctx, const json::object& request) {
    const bool dry_run = params::flag(request, "dry_run");
    PhaseTimer timer("dedupe");
    MatchRules rules = load_match_rules(ctx);
    Database& db = ctx.db();
    MemoryMapOff whole_register_read(db);
    ctx.progress().start("dedupe: loading", 0);
    RecordIndex index = RecordIndex::load(db);
    StandingDecisions decisions = load_standing_decisions(db);
    const auto forbidden = positions_of(index, decisions.not_same);
    const auto must_link = positions_of(index, decisions.same);
    const std::string fingerprint = rules_fingerprint(rules);
    const std::int64_t newest_import = latest_import(db);

    // Incremental unless asked for the whole register, or nothing was linked before, or the rules changed.
    std::string mode = "full", why;
    const auto previous = last_run(db);
    if (params::flag(request, "full")) why = "asked for the whole register";
    else if (!previous) why = "first run";
    else if (previous->rules != fingerprint) why = "the rules changed since the last run";
    else mode = "incremental";

    timer.end("load index");
    ctx.progress().start("dedupe: clustering", index.size());
    std::vector<char> in_scope(index.size(), 1);
    Clustering clustering;
    if (mode == "full") {
        clustering = cluster_records(index, rules, forbidden, must_link);
    } else {
        const auto pending = new_since(db, index, previous->last_import_id, previous->last_event_id);
        const auto candidates = candidate_pairs(index, rules);
        timer.end("candidates");
        in_scope = incremental_scope(index, rules, candidates, must_link, pending);
        timer.end("scope");
        const auto chosen = touching(candidates, in_scope);
        clustering = cluster_records(index, rules, within(forbidden, in_scope), within(must_link, in_scope), &chosen);
        clustering.candidate_pairs = candidates.size();
        why = std::to_string(pending.size()) + " records new or changed since the last run";
    }
    timer.report("candidates", clustering.candidates_time);
    timer.report("scoring", clustering.scoring_time);
    timer.report("joining", clustering.joining_time);
    auto clusters = group_clusters(clustering, in_scope);
    const std::size_t reclustered = static_cast<std::size_t>(std::count(in_scope.begin(), in_scope.end(), 1));

    std::size_t multi = 0, records_in_multi = 0;
    for (const auto& c : clusters)
        if (c.size() > 1) ++multi, records_in_multi += c.size();
    // Orderers: the clusters computed, plus the orderers of the records this run left as they were.
    std::vector<std::int64_t> untouched;
    for (std::size_t i = 0; i < index.size(); ++i)
        if (!in_scope[i]) untouched.push_back(index.records[i].orderer_id);
    std::sort(untouched.begin(), untouched.end());
    untouched.erase(std::unique(untouched.begin(), untouched.end()), untouched.end());
    json::object result{{"mode", mode},
                        {"why", why},
                        {"records", index.size()},
                        {"reclustered", reclustered},
                        {"candidate_pairs", clustering.candidate_pairs},
                        {"linked_pairs", clustering.linked_pairs},
                        {"refused_links", clustering.refused_links},
                        {"orderers", clusters.size() + untouched.size()},
                        {"clusters_with_duplicates", multi},
                        {"records_in_those_clusters", records_in_multi},
                        {"review_pairs", clustering.review.size()},
                        {"dry_run", dry_run}};
    timer.end("clustering");
    if (dry_run) {
        timer.total();
        return result;
    }

    // Stable ids: each cluster keeps the orderer most of its records had, unless a bigger claim came first.
    const auto now = ctx.clock().now_iso();
    std::unordered_map<std::int64_t, std::size_t> claimed;  // orderer id -> cluster
    claimed.reserve(clusters.size());
    std::vector<std::int64_t> cluster_orderer(clusters.size(), 0);
    std::vector<std::size_t> order(clusters.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t x, std::size_t y) { return clusters[x].size() > clusters[y].size(); });
    for (std::size_t c : order) {
        std::vector<std::int64_t> voters;  // the records' orderers, sorted: each orderer's votes in a run
        for (auto pos : clusters[c])
            if (index.records[pos].orderer_id) voters.push_back(index.records[pos].orderer_id);
        std::sort(voters.begin(), voters.end());
        std::vector<std::pair<std::size_t, std::int64_t>> ranked;
        for (std::size_t v = 0; v < voters.size();) {
            std::size_t w = v;
            while (w < voters.size() && voters[w] == voters[v]) ++w;
            ranked.emplace_back(w - v, -voters[v]);
            v = w;
        }
        std::sort(ranked.rbegin(), ranked.rend());  // most votes, then smallest id
        for (auto [count, negative_id] : ranked)
            if (!claimed.count(-negative_id)) {
                cluster_orderer[c] = -negative_id;
                break;
            }
        if (!cluster_orderer[c]) cluster_orderer[c] = create_orderer_from_record(db, index.records[clusters[c].front()].id, now);
        claimed[cluster_orderer[c]] = c;
    }

    timer.end("orderer ids");
    // Writing back touches most pages of the register: keep them in memory until the commit.
    BulkWriteSettings bulk(db, bulk_cache_kib(index.size()));
    // Records whose orderer changes, in id order. When many move, the orderer index is built again after.
    std::vector<std::pair<std::int64_t, std::int64_t>> record_moves;  // record id, its cluster's orderer
    std::map<std::pair<std::int64_t, std::int64_t>, std::vector<std::int64_t>> moves;  // (from, to) -> records
    for (std::size_t c = 0; c < clusters.size(); ++c)
        for (auto pos : clusters[c])
            if (auto from = index.records[pos].orderer_id; from != cluster_orderer[c]) {
                record_moves.emplace_back(index.records[pos].id, cluster_orderer[c]);
                if (from) moves[{from, cluster_orderer[c]}].push_back(index.records[pos].id);
            }
    std::sort(record_moves.begin(), record_moves.end());
    DeferredIndexes orderer_index;
    if (rebuilding_indexes_pays(record_moves.size(), static_cast<std::int64_t>(index.size())))
        orderer_index.drop_one(db, "source_record", "source_record_orderer");
    run_batched(db, "UPDATE source_record SET orderer_id = v.column2 FROM (VALUES $ROWS) AS v WHERE source_record.id = v.column1",
                2, record_moves.size(), [&](Statement& s, int at, std::size_t i) {
                    s.bind(at, record_moves[i].first).bind(at + 1, record_moves[i].second);
                });
    timer.end("record updates");
    orderer_index.rebuild(db);
    const std::size_t moved = record_moves.size();
    timer.end("record index");
    // Every move is a decision in the history, so that a person can undo it (register unmerge EVENT).
    char reason[96];
    std::snprintf(reason, sizeof reason, "linked by their scores (link score %.1f log2 odds, register.lua)", rules.link_score);
    const Actor actor{"dedupe", ctx.unit(), std::string(role_name(ctx.role())), now, reason};
    std::vector<std::int64_t> changed;  // orderers whose records changed
    std::vector<MoveEvent> move_events;
    move_events.reserve(moves.size());
    for (const auto& [route, records] : moves) {
        move_events.push_back({route.second, route.first, &records});
        changed.push_back(route.first);
        changed.push_back(route.second);
    }
    {
        // Many events (a first run over a whole register): the history's indexes are built after, in one
        // sorted pass each, instead of an insert at a random place per event.
        DeferredIndexes history_indexes;
        if (rebuilding_indexes_pays(move_events.size(), row_count(db, "register_event"))) {
            history_indexes.drop(db, "register_event");
            history_indexes.drop(db, "event_record");
        }
        record_move_events(db, "dedupe", move_events, actor);
        history_indexes.rebuild(db);
    }
    timer.end("events");
    // Orderers left without records are merged into the orderer that took most of them; kept ones live.
    std::size_t merged_away = 0;
    // Many orderers rewritten (merged_into is a foreign key, so SQLite rewrites every index entry of a row
    // whose merged_into changes): their indexes are built again after, in one pass each.
    DeferredIndexes orderer_indexes;
    if (rebuilding_indexes_pays(moved + multi, row_count(db, "orderer"))) orderer_indexes.drop(db, "orderer");
    {
        std::unordered_set<std::int64_t> merged;  // orderers merged away before this run
        for (auto q = db.prepare("SELECT id FROM orderer WHERE merged_into IS NOT NULL"); q.step();) merged.insert(q.get_int(0));
        auto& revive = db.cached("UPDATE orderer SET merged_into = NULL WHERE id = ?");
        for (auto id : cluster_orderer)
            if (merged.count(id)) {
                revive.bind(1, id);
                revive.run();
            }
        std::map<std::int64_t, std::map<std::int64_t, std::size_t>> went_to;  // old orderer -> new orderer -> records
        for (std::size_t c = 0; c < clusters.size(); ++c)
            for (auto pos : clusters[c])
                if (auto old = index.records[pos].orderer_id; old && old != cluster_orderer[c]) ++went_to[old][cluster_orderer[c]];
        std::vector<std::pair<std::int64_t, std::int64_t>> merges;  // orderer, the orderer it is merged into
        for (const auto& [old, targets] : went_to) {
            if (claimed.count(old)) continue;  // still some cluster's orderer
            auto best = std::max_element(targets.begin(), targets.end(), [](const auto& x, const auto& y) {
                return x.second != y.second ? x.second < y.second : x.first > y.first;
            });
            merges.emplace_back(old, best->first);
        }
        run_batched(db, "UPDATE orderer SET merged_into = v.column2, updated_at = v.column3 FROM (VALUES $ROWS) AS v "
                        "WHERE orderer.id = v.column1",
                    3, merges.size(), [&](Statement& s, int at, std::size_t i) {
                        s.bind(at, merges[i].first).bind(at + 1, merges[i].second).bind(at + 2, now);
                    });
        merged_away = merges.size();
    }
    timer.end("merge orderers");
    // Orderers merged away have no records left, so only the live ones are refreshed.
    std::sort(changed.begin(), changed.end());
    changed.erase(std::unique(changed.begin(), changed.end()), changed.end());
    std::vector<std::int64_t> live_changed;
    for (auto id : changed)
        if (claimed.count(id)) live_changed.push_back(id);
    refresh_golden_records(db, live_changed, now);
    timer.end("golden refresh");
    orderer_indexes.rebuild(db);
    timer.end("orderer indexes");
    QueueUpdate queue = update_review_queue(db, index, rules, clustering, forbidden, in_scope, now);
    timer.end("review queue");
    BridgeQueueUpdate bridges = update_bridge_queue(db, index, rules, clustering, in_scope, now);
    timer.end("weak bridges");
    write_register_stats(db, index);
    timer.end("register_stat");
    db.prepare("INSERT INTO dedupe_run(mode, records, reclustered, last_import_id, rules, ran_at, ran_by, last_event_id) "
               "VALUES(?,?,?,?,?,?,?,(SELECT coalesce(max(id), 0) FROM register_event))")
        .bind_all(mode, static_cast<std::int64_t>(index.size()), static_cast<std::int64_t>(reclustered), newest_import,
                  fingerprint, now, std::string(role_name(ctx.role())))
        .run();
    ctx.progress().finish();
    ctx.audit("register.dedupe", "register", "", std::to_string(moved) + " records moved");
    result["records_moved"] = moved;
    result["orderers_merged_away"] = merged_away;
    result["review_queue"] = json::object{{"open", queue.open}, {"added", queue.added}, {"obsolete", queue.obsolete}};
    result["weak_bridges"] = json::object{{"open", bridges.open}, {"added", bridges.added}, {"obsolete", bridges.obsolete}};
    timer.end("run record");
    timer.total();
    return result;
}

json::value export_clusters_command(Context& ctx, const json::object&) {
    auto q = ctx.db().prepare("SELECT unit, source_id, orderer_id FROM source_record ORDER BY unit, source_id");
    json::array rows;
    while (q.step())
        rows.push_back(json::object{{"unit", q.get_text(0)}, {"source_id", q.get_text(1)}, {"orderer_id", q.get_int(2)}});
    return json::object{{"rows", std::move(rows)}};
}

}  // namespace jobcenter::register_plugin
