// Running deduplication over the whole register and writing its clusters back as orderers: each
// cluster keeps the orderer id most of its records already had, so ids are stable across runs.
#include "dedupe_command.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <optional>
#include <set>

#include "clustering.hpp"
#include "golden_record.hpp"
#include "jobcenter/params.hpp"
#include "match_rules.hpp"
#include "register_events.hpp"
#include "review_commands.hpp"

namespace jobcenter::register_plugin {
namespace json = boost::json;
namespace {

// Cluster -> the positions of its records, clusters ordered by their smallest position.
std::vector<std::vector<std::uint32_t>> group_clusters(const Clustering& clustering) {
    std::map<std::uint32_t, std::vector<std::uint32_t>> groups;
    for (std::uint32_t i = 0; i < clustering.cluster_of.size(); ++i) groups[clustering.cluster_of[i]].push_back(i);
    std::vector<std::vector<std::uint32_t>> out;
    out.reserve(groups.size());
    for (auto& [first, members] : groups) out.push_back(std::move(members));
    return out;
}

std::int64_t create_orderer_for(Database& db, std::int64_t source_record_id, const std::string& now) {
    db.prepare(
          "INSERT INTO orderer(name, category, business_id, business_id_raw, street, postcode, city, phone, email, "
          "created_by_unit, created_at, updated_at) SELECT name, 'unknown', business_id, business_id_raw, street, "
          "postcode, city, phone, email, unit, ?2, ?2 FROM source_record WHERE id = ?1")
        .bind(1, source_record_id)
        .bind(2, now)
        .run();
    return db.last_insert_id();
}

// Record positions of the decisions people made (record ids that are not in the index are left out).
std::vector<std::pair<std::uint32_t, std::uint32_t>> positions_of(
    const RecordIndex& index, const std::vector<std::pair<std::int64_t, std::int64_t>>& pairs) {
    auto position = [&index](std::int64_t id) -> std::optional<std::uint32_t> {
        auto it = std::lower_bound(index.records.begin(), index.records.end(), id,
                                   [](const IndexedRecord& r, std::int64_t value) { return r.id < value; });
        if (it == index.records.end() || it->id != id) return std::nullopt;
        return static_cast<std::uint32_t>(it - index.records.begin());
    };
    std::vector<std::pair<std::uint32_t, std::uint32_t>> out;
    out.reserve(pairs.size());
    for (auto [a, b] : pairs)
        if (auto pa = position(a), pb = position(b); pa && pb) out.emplace_back(std::min(*pa, *pb), std::max(*pa, *pb));
    return out;
}

}  // namespace

json::value dedupe_command(Context& ctx, const json::object& request) {
    const bool dry_run = params::flag(request, "dry_run");
    MatchRules rules = load_match_rules(ctx);
    Database& db = ctx.db();
    ctx.progress().start("dedupe: loading", 0);
    RecordIndex index = RecordIndex::load(db);
    ctx.progress().start("dedupe: clustering", index.size());
    StandingDecisions decisions = load_standing_decisions(db);
    const auto forbidden = positions_of(index, decisions.not_same);
    Clustering clustering = cluster_records(index, rules, forbidden, positions_of(index, decisions.same));
    auto clusters = group_clusters(clustering);

    std::size_t multi = 0, records_in_multi = 0;
    for (const auto& c : clusters)
        if (c.size() > 1) ++multi, records_in_multi += c.size();
    json::object result{{"records", index.size()},
                        {"candidate_pairs", clustering.candidate_pairs},
                        {"linked_pairs", clustering.linked_pairs},
                        {"refused_links", clustering.refused_links},
                        {"orderers", clusters.size()},
                        {"clusters_with_duplicates", multi},
                        {"records_in_those_clusters", records_in_multi},
                        {"review_pairs", clustering.review.size()},
                        {"dry_run", dry_run}};
    if (dry_run) return result;

    // Stable ids: each cluster keeps the orderer most of its records had, unless a bigger claim came first.
    const auto now = ctx.clock().now_iso();
    std::map<std::int64_t, std::size_t> claimed;  // orderer id -> cluster
    std::vector<std::int64_t> cluster_orderer(clusters.size(), 0);
    std::vector<std::size_t> order(clusters.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t x, std::size_t y) { return clusters[x].size() > clusters[y].size(); });
    for (std::size_t c : order) {
        std::map<std::int64_t, std::size_t> votes;
        for (auto pos : clusters[c])
            if (index.records[pos].orderer_id) ++votes[index.records[pos].orderer_id];
        std::vector<std::pair<std::size_t, std::int64_t>> ranked;
        for (auto [orderer, count] : votes) ranked.emplace_back(count, -orderer);
        std::sort(ranked.rbegin(), ranked.rend());  // most votes, then smallest id
        for (auto [count, negative_id] : ranked)
            if (!claimed.count(-negative_id)) {
                cluster_orderer[c] = -negative_id;
                break;
            }
        if (!cluster_orderer[c]) cluster_orderer[c] = create_orderer_for(db, index.records[clusters[c].front()].id, now);
        claimed[cluster_orderer[c]] = c;
    }

    auto& move = db.cached("UPDATE source_record SET orderer_id = ? WHERE id = ? AND orderer_id IS NOT ?1");
    std::size_t moved = 0;
    std::map<std::pair<std::int64_t, std::int64_t>, std::vector<std::int64_t>> moves;  // (from, to) -> records
    for (std::size_t c = 0; c < clusters.size(); ++c)
        for (auto pos : clusters[c]) {
            move.bind(1, cluster_orderer[c]).bind(2, index.records[pos].id);
            move.run();
            moved += static_cast<std::size_t>(db.changes());
            if (auto from = index.records[pos].orderer_id; from && from != cluster_orderer[c])
                moves[{from, cluster_orderer[c]}].push_back(index.records[pos].id);
        }
    // Every move is a decision in the history, so that a person can undo it (register unmerge EVENT).
    char reason[96];
    std::snprintf(reason, sizeof reason, "linked by their scores (link score %.1f log2 odds, register.lua)", rules.link_score);
    const Actor actor{"dedupe", ctx.unit(), std::string(role_name(ctx.role())), now, reason};
    std::set<std::int64_t> changed;  // orderers whose records changed
    for (const auto& [route, records] : moves) {
        auto event = record_event(db, NewEvent{"dedupe", route.second, route.first, 0, 0, "{}"}, actor);
        add_event_records(db, event, records, 'b', route.first);
        changed.insert(route.first);
        changed.insert(route.second);
    }
    // Orderers left without records are merged into the orderer that took most of them; kept ones live.
    std::size_t merged_away = 0;
    {
        auto& revive = db.cached("UPDATE orderer SET merged_into = NULL WHERE id = ? AND merged_into IS NOT NULL");
        for (auto id : cluster_orderer) {
            revive.bind(1, id);
            revive.run();
        }
        std::map<std::int64_t, std::map<std::int64_t, std::size_t>> went_to;  // old orderer -> new orderer -> records
        for (std::size_t c = 0; c < clusters.size(); ++c)
            for (auto pos : clusters[c])
                if (auto old = index.records[pos].orderer_id; old && old != cluster_orderer[c]) ++went_to[old][cluster_orderer[c]];
        auto& merge = db.cached("UPDATE orderer SET merged_into = ?2, updated_at = ?3 WHERE id = ?1");
        for (const auto& [old, targets] : went_to) {
            if (claimed.count(old)) continue;  // still some cluster's orderer
            auto best = std::max_element(targets.begin(), targets.end(), [](const auto& x, const auto& y) {
                return x.second != y.second ? x.second < y.second : x.first > y.first;
            });
            merge.bind(1, old).bind(2, best->first).bind(3, now);
            merge.run();
            ++merged_away;
        }
    }
    {
        auto& live = db.cached("SELECT merged_into IS NULL FROM orderer WHERE id = ?");
        for (auto orderer : changed) {
            live.bind(1, orderer);
            bool is_live = live.step() && live.get_int(0) == 1;
            live.reset();
            if (is_live) refresh_golden_record(db, orderer, now);
        }
    }
    QueueUpdate queue = update_review_queue(db, index, rules, clustering, forbidden, now);
    ctx.progress().finish();
    ctx.audit("register.dedupe", "register", "", std::to_string(moved) + " records moved");
    result["records_moved"] = moved;
    result["orderers_merged_away"] = merged_away;
    result["review_queue"] = json::object{{"open", queue.open}, {"added", queue.added}, {"obsolete", queue.obsolete}};
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
