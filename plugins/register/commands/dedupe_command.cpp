// Running deduplication, over the whole register or incrementally over what new records touch (the
// clustering here, shared with `register import --link`; writing the clusters back as orderers is
// cluster_writeback.cpp's), and `register export-clusters`.
#include "register/commands/dedupe_command.hpp"

#include <algorithm>
#include <atomic>
#include <future>
#include <numeric>
#include <optional>

#include "register/store/bulk_write.hpp"
#include "register/clustering/cluster_writeback.hpp"
#include "register/clustering/clustering.hpp"
#include "register/index/blocking.hpp"
#include "register/index/count_steps.hpp"
#include "jobcenter/params.hpp"
#include "register/scoring/match_rules.hpp"
#include "register/store/phase_timing.hpp"
#include "register/review/register_events.hpp"

namespace jobcenter::register_plugin {
namespace json = boost::json;
namespace {

using PositionPairs = std::vector<std::pair<std::uint32_t, std::uint32_t>>;

// The part of the register an incremental run recomputes: starting from the new and changed records (and
// those whose pairs they moved), everything reachable through pairs at or above the link score or a person's
// "same", each with all the records of its current orderer. Clustering joins only along such pairs, and the
// scores of pairs outside this part are what they were at the last run, so there a run over the whole
// register decides as the last run did (tests/bench/register_incremental.sh compares the two).
// The scope, and the candidate pairs with a record in it, scored (those across its edge are below the link
// score, so they cannot join anything, but they still go to the review queue as they would in a run over the
// whole register). Each record's pairs are found as it is reached, not every pair of the register first:
// a level of records at a time, its pairs found and scored on two threads.
struct IncrementalScope {
    std::vector<char> in_scope;
    ScoredCandidates touching;
};

IncrementalScope incremental_scope(const RecordIndex& index, const MatchRules& rules, CandidateNeighbours& candidates,
                                   const PositionPairs& must_link, const std::vector<std::uint32_t>& pending) {
    const std::size_t n = index.size();
    // A person's "same" pairs, both ways, by record.
    PositionPairs linked;
    for (auto [a, b] : must_link) linked.emplace_back(a, b), linked.emplace_back(b, a);
    std::sort(linked.begin(), linked.end());
    // The records of each current orderer.
    std::vector<std::uint32_t> by_orderer(n);
    std::iota(by_orderer.begin(), by_orderer.end(), 0u);
    std::sort(by_orderer.begin(), by_orderer.end(), [&index](std::uint32_t x, std::uint32_t y) {
        auto ox = index.records[x].orderer_id, oy = index.records[y].orderer_id;
        return ox != oy ? ox < oy : x < y;
    });

    IncrementalScope out;
    out.in_scope.assign(n, 0);
    // The level each record was reached at (0: not reached): a pair is scored once, by the record of the two
    // reached first (of two reached at one level, by the smaller).
    std::vector<std::uint32_t> level(n, 0);
    std::uint32_t current = 1;
    std::vector<std::uint32_t> frontier, next;
    auto visit = [&](std::uint32_t x, std::uint32_t at) {
        if (level[x]) return;
        level[x] = at;
        next.push_back(x);
        const auto orderer = index.records[x].orderer_id;
        auto first = std::lower_bound(by_orderer.begin(), by_orderer.end(), x, [&](std::uint32_t pos, std::uint32_t) {
            return index.records[pos].orderer_id < orderer;
        });
        for (auto it = first; it != by_orderer.end() && index.records[*it].orderer_id == orderer; ++it)
            if (!level[*it]) level[*it] = at, next.push_back(*it);
    };
    for (auto p : pending) visit(p, current);
    struct Scored {
        PairKey key;
        PairScore score;
    };
    std::vector<Scored> scored;
    while (!next.empty()) {
        frontier.swap(next);
        next.clear();
        // People's "same" pairs reach within the level.
        for (std::size_t k = 0; k < frontier.size(); ++k)
            for (auto it = std::lower_bound(linked.begin(), linked.end(), std::pair(frontier[k], 0u));
                 it != linked.end() && it->first == frontier[k]; ++it)
                if (!level[it->second]) {
                    visit(it->second, current);
                    frontier.insert(frontier.end(), next.begin(), next.end());
                    next.clear();
                }
        // The level's pairs, on two threads, each collecting its own.
        std::atomic<std::size_t> taken{0};
        auto pairs_of_level = [&] {
            std::vector<Scored> found;
            std::vector<std::uint32_t> neighbours;
            constexpr std::size_t chunk = 64;
            for (std::size_t begin = taken.fetch_add(chunk); begin < frontier.size(); begin = taken.fetch_add(chunk))
                for (std::size_t k = begin; k < std::min(frontier.size(), begin + chunk); ++k) {
                    const std::uint32_t x = frontier[k];
                    candidates.of(x, neighbours);
                    for (auto y : neighbours) {
                        if (level[y] && (level[y] < current || (level[y] == current && y < x))) continue;
                        const PairKey key = PairKey::make(x, y);
                        found.push_back({key, score_pair(index, index.records[key.first()], index.records[key.second()], rules)});
                    }
                }
            return found;
        };
        std::vector<Scored> other;
        if (frontier.size() > 256) {
            auto second = std::async(std::launch::async, pairs_of_level);
            std::vector<Scored> here = pairs_of_level();
            other = second.get();
            other.insert(other.end(), here.begin(), here.end());
        } else {
            other = pairs_of_level();
        }
        // The next level: records reached through pairs at the link score (in pair order: the same whatever
        // the threads did).
        std::sort(other.begin(), other.end(), [](const Scored& x, const Scored& y) { return x.key < y.key; });
        ++current;
        for (const auto& s : other) {
            if (s.score.score < rules.link_score) continue;
            visit(s.key.first(), current);
            visit(s.key.second(), current);
        }
        scored.insert(scored.end(), other.begin(), other.end());
    }
    for (std::size_t i = 0; i < n; ++i) out.in_scope[i] = level[i] != 0;
    std::sort(scored.begin(), scored.end(), [](const Scored& x, const Scored& y) { return x.key < y.key; });
    scored.erase(std::unique(scored.begin(), scored.end(), [](const Scored& x, const Scored& y) { return x.key == y.key; }), scored.end());
    out.touching.keys.reserve(scored.size());
    out.touching.scores.reserve(scored.size());
    for (const auto& s : scored) out.touching.keys.push_back(s.key), out.touching.scores.push_back(s.score);
    return out;
}

PositionPairs within(const PositionPairs& pairs, const std::vector<char>& in_scope) {
    PositionPairs out;
    for (auto [a, b] : pairs)
        if (in_scope[a] && in_scope[b]) out.emplace_back(a, b);
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
        if (auto position = index.position_of(id)) out.push_back(*position);
    return out;
}

struct LastRun {
    std::int64_t last_import_id = 0;
    std::string rules;
    std::int64_t last_event_id = 0;
    std::int64_t last_record_id = 0;
    std::uint64_t size_step = 0;
};

std::optional<LastRun> last_run(Database& db) {
    auto q = db.prepare("SELECT last_import_id, rules, last_event_id, last_record_id, size_step FROM dedupe_run ORDER BY id DESC LIMIT 1");
    if (!q.step()) return std::nullopt;
    return LastRun{q.get_int(0), q.get_text(1), q.get_int(2), q.get_int(3), static_cast<std::uint64_t>(q.get_int(4))};
}

// The keys the records changed in place since the last run had then (records that run saw, in the index).
std::vector<ReplacedKeys> replaced_since(Database& db, const RecordIndex& index, std::int64_t last_record_id) {
    std::vector<ReplacedKeys> out;
    auto q = db.prepare(
        "SELECT record_id, name_key, department_key, business_id, phone_e164, email_key, email_free, street_key, city_of_helsinki "
        "FROM replaced_record_keys WHERE record_id <= ? ORDER BY record_id");
    q.bind(1, last_record_id);
    auto text = [&q](int column) { return q.is_null(column) ? std::string() : q.get_text(column); };
    while (q.step()) {
        const auto position = index.position_of(q.get_int(0));
        if (!position) continue;
        ReplacedKeys keys;
        keys.position = *position;
        keys.name_key = text(1);
        keys.department_key = text(2);
        keys.business_id = text(3);
        keys.phone = text(4);
        keys.email = text(5);
        keys.email_free = q.get_int(6) != 0;
        keys.street_key = text(7);
        keys.city_of_helsinki = q.get_int(8) != 0;
        out.push_back(std::move(keys));
    }
    return out;
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
        if (auto pa = index.position_of(a), pb = index.position_of(b); pa && pb) out.emplace_back(std::min(*pa, *pb), std::max(*pa, *pb));
    return out;
}

}  // namespace

ClusteringPlan plan_clustering(Database& db, const RecordIndex& index, const MatchRules& rules, bool whole) {
    ClusteringPlan plan;
    StandingDecisions decisions = load_standing_decisions(db);
    plan.forbidden = positions_of(index, decisions.not_same);
    plan.must_link = positions_of(index, decisions.same);
    plan.fingerprint = rules_fingerprint(rules);

    // Incremental unless asked for the whole register, or nothing was linked before, or the rules changed.
    plan.mode = "full";
    const auto previous = last_run(db);
    if (whole) plan.why = "asked for the whole register";
    else if (!previous) plan.why = "first run";
    else if (previous->rules != plan.fingerprint) plan.why = "the rules changed since the last run";
    else plan.mode = "incremental";
    if (plan.mode == "incremental") {
        plan.pending = new_since(db, index, previous->last_import_id, previous->last_event_id);
        plan.last_record_id = previous->last_record_id;
        plan.size_step = previous->size_step;
        plan.replaced = replaced_since(db, index, previous->last_record_id);
    }
    return plan;
}

RegisterClustering run_clustering(const RecordIndex& index, const MatchRules& rules, ClusteringPlan plan,
                                  const std::vector<std::uint32_t>& new_positions, PhaseTimer& timer) {
    RegisterClustering out;
    out.mode = plan.mode;
    out.why = plan.why;
    out.fingerprint = std::move(plan.fingerprint);
    out.forbidden = std::move(plan.forbidden);
    const auto& must_link = plan.must_link;
    out.in_scope.assign(index.size(), 1);
    out.size_step = register_size_step(index.size());
    if (out.mode == "incremental" && plan.size_step != out.size_step) {
        // Every name word's weight follows the register's size in steps: past a step, every pair moved.
        out.mode = "full";
        out.why = plan.size_step == 0 ? "the last run kept no size step (a run before this version)"
                                      : "the register grew past a step of its size (" + std::to_string(index.size()) +
                                            " records): every name word's weight moved";
    }
    if (out.mode == "incremental") {
        auto& pending = plan.pending;
        RegisterChanges changes;
        for (auto p : pending)
            if (index.records[p].id > plan.last_record_id) changes.added.push_back(p);
        changes.added.insert(changes.added.end(), new_positions.begin(), new_positions.end());
        changes.replaced = std::move(plan.replaced);
        pending.insert(pending.end(), new_positions.begin(), new_positions.end());
        const std::size_t new_or_changed = pending.size();
        // Besides what was added, changed or decided: the records whose pairs those moved (a word or a shared
        // phone now counted in another step, a common block's window shifted), as a whole run would score them.
        MovedPairs moved_pairs(index, rules, changes);
        CandidateNeighbours candidates(index, rules.blocking);
        timer.end("blocking keys");
        const std::vector<std::uint32_t> moved = moved_pairs.records(candidates);
        pending.insert(pending.end(), moved.begin(), moved.end());
        std::sort(pending.begin(), pending.end());
        pending.erase(std::unique(pending.begin(), pending.end()), pending.end());
        timer.end("moved pairs");
        const std::string what_moved = std::to_string(new_or_changed) + " records new or changed since the last run, " +
                                       std::to_string(pending.size() - std::min(pending.size(), new_or_changed)) +
                                       " more whose pairs those moved";
        // Both give the same clusters; over most of a large register, the whole run is the quicker (a small
        // one takes a fraction of a second either way).
        constexpr std::size_t large_register = 10000;
        if (index.size() >= large_register && pending.size() * 2 > index.size()) {
            out.mode = "full";
            out.why = what_moved + ": over half the register, quicker run whole";
        } else {
            IncrementalScope scope = incremental_scope(index, rules, candidates, must_link, pending);
            out.in_scope = std::move(scope.in_scope);
            timer.end("scope");
            out.clustering = cluster_records(index, rules, within(out.forbidden, out.in_scope), within(must_link, out.in_scope),
                                             &scope.touching);
            out.why = what_moved;
        }
    }
    if (out.mode == "full") out.clustering = cluster_records(index, rules, out.forbidden, must_link);
    timer.report("candidates", out.clustering.candidates_time);
    timer.report("scoring", out.clustering.scoring_time);
    timer.report("joining", out.clustering.joining_time);
    out.reclustered = static_cast<std::size_t>(std::count(out.in_scope.begin(), out.in_scope.end(), 1));
    out.clusters = group_clusters(out.clustering, out.in_scope);
    return out;
}

RegisterClustering cluster_register(Database& db, const RecordIndex& index, const MatchRules& rules, bool whole,
                                    PhaseTimer& timer) {
    return run_clustering(index, rules, plan_clustering(db, index, rules, whole), {}, timer);
}

void record_dedupe_run(Database& db, const RegisterClustering& run, const RecordIndex& index, std::int64_t last_import_id,
                       const std::string& now, const std::string& role) {
    const std::int64_t last_record_id = index.size() == 0 ? 0 : index.records.back().id;  // loaded in id order
    db.prepare("INSERT INTO dedupe_run(mode, records, reclustered, last_import_id, rules, ran_at, ran_by, last_event_id, "
               "last_record_id, size_step) VALUES(?,?,?,?,?,?,?,(SELECT coalesce(max(id), 0) FROM register_event),?,?)")
        .bind_all(run.mode, static_cast<std::int64_t>(index.size()), static_cast<std::int64_t>(run.reclustered), last_import_id,
                  run.fingerprint, now, role, last_record_id, static_cast<std::int64_t>(run.size_step))
        .run();
    db.prepare("DELETE FROM replaced_record_keys").run();
}

json::object clustering_summary(const RecordIndex& index, const RegisterClustering& run) {
    const auto& clusters = run.clusters;
    std::size_t multi = 0, records_in_multi = 0;
    for (const auto& c : clusters)
        if (c.size() > 1) ++multi, records_in_multi += c.size();
    // Orderers: the clusters computed, plus the orderers of the records this run left as they were.
    std::vector<std::int64_t> untouched;
    for (std::size_t i = 0; i < index.size(); ++i)
        if (!run.in_scope[i]) untouched.push_back(index.records[i].orderer_id);
    std::sort(untouched.begin(), untouched.end());
    untouched.erase(std::unique(untouched.begin(), untouched.end()), untouched.end());
    return json::object{{"mode", run.mode},
                        {"why", run.why},
                        {"records", index.size()},
                        {"reclustered", run.reclustered},
                        {"candidate_pairs", run.clustering.candidate_pairs},
                        {"linked_pairs", run.clustering.linked_pairs},
                        {"refused_links", run.clustering.refused_links},
                        {"orderers", clusters.size() + untouched.size()},
                        {"clusters_with_duplicates", multi},
                        {"records_in_those_clusters", records_in_multi},
                        {"review_pairs", run.clustering.review.size()}};
}

void add_write_back(json::object& result, const WriteBackResult& written) {
    result["records_moved"] = written.moved;
    result["orderers_merged_away"] = written.merged_away;
    result["review_queue"] = json::object{{"open", written.queue.open}, {"added", written.queue.added}, {"obsolete", written.queue.obsolete}};
    result["weak_bridges"] =
        json::object{{"open", written.bridges.open}, {"added", written.bridges.added}, {"obsolete", written.bridges.obsolete}};
}

namespace {

std::int64_t count_of(Database& db, const char* sql) {
    auto q = db.prepare(sql);
    return q.step() && !q.is_null(0) ? q.get_int(0) : 0;
}

}  // namespace

std::optional<json::object> unchanged_since_last_run(Database& db, const MatchRules& rules) {
    const auto previous = last_run(db);
    if (!previous || previous->rules != rules_fingerprint(rules)) return std::nullopt;
    auto imported = db.prepare("SELECT 1 FROM source_record WHERE import_id > ? LIMIT 1");
    imported.bind(1, previous->last_import_id);
    if (imported.step()) return std::nullopt;
    auto decided = db.prepare("SELECT 1 FROM register_event WHERE id > ? AND kind <> 'dedupe' LIMIT 1");
    decided.bind(1, previous->last_event_id);
    if (decided.step()) return std::nullopt;
    auto sizes = db.prepare("SELECT count(*), coalesce(sum(n > 1), 0), coalesce(sum(CASE WHEN n > 1 THEN n END), 0) "
                            "FROM (SELECT count(*) AS n FROM source_record GROUP BY orderer_id)");
    sizes.step();
    const std::int64_t records = count_of(db, "SELECT count(*) FROM source_record");
    const std::int64_t open_pairs = count_of(db, "SELECT count(*) FROM review_item WHERE kind = 'pair' AND status IN ('open', 'skipped')");
    const std::int64_t open_bridges =
        count_of(db, "SELECT count(*) FROM review_item WHERE kind = 'bridge' AND status IN ('open', 'skipped')");
    return json::object{{"mode", "incremental"},
                        {"why", "nothing imported or decided since the last run"},
                        {"records", records},
                        {"reclustered", 0},
                        {"candidate_pairs", 0},
                        {"linked_pairs", 0},
                        {"refused_links", 0},
                        {"orderers", sizes.get_int(0)},
                        {"clusters_with_duplicates", sizes.get_int(1)},
                        {"records_in_those_clusters", sizes.get_int(2)},
                        {"review_pairs", 0},
                        {"records_moved", 0},
                        {"orderers_merged_away", 0},
                        {"review_queue", json::object{{"open", open_pairs}, {"added", 0}, {"obsolete", 0}}},
                        {"weak_bridges", json::object{{"open", open_bridges}, {"added", 0}, {"obsolete", 0}}}};
}

json::value dedupe_command(Context& ctx, const json::object& request) {
    const bool dry_run = params::flag(request, "dry_run");
    PhaseTimer timer("dedupe");
    MatchRules rules = load_match_rules(ctx);
    Database& db = ctx.db();
    if (!params::flag(request, "full")) {
        if (auto unchanged = unchanged_since_last_run(db, rules)) {
            (*unchanged)["dry_run"] = dry_run;
            timer.total();
            return *unchanged;
        }
    }
    MemoryMapOff whole_register_read(db);
    ctx.progress().start("dedupe: loading", 0);
    RecordIndex index = RecordIndex::load(db);
    const std::int64_t newest_import = latest_import(db);
    timer.end("load index");
    ctx.progress().start("dedupe: clustering", index.size());
    const RegisterClustering run = cluster_register(db, index, rules, params::flag(request, "full"), timer);
    json::object result = clustering_summary(index, run);
    result["dry_run"] = dry_run;
    timer.end("clustering");
    if (dry_run) {
        timer.total();
        return result;
    }

    const WriteBackResult written = write_clusters(ctx, index, rules, run.clustering, run.clusters, run.forbidden, run.in_scope, nullptr,
                                                   timer);
    record_dedupe_run(db, run, index, newest_import, ctx.clock().now_iso(), std::string(role_name(ctx.role())));
    ctx.progress().finish();
    ctx.audit("register.dedupe", "register", "", std::to_string(written.moved) + " records moved");
    add_write_back(result, written);
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
