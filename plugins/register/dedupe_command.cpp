// Running deduplication over the whole register and writing its clusters back as orderers: each
// cluster keeps the orderer id most of its records already had, so ids are stable across runs.
#include "dedupe_command.hpp"

#include <algorithm>
#include <map>

#include "clustering.hpp"
#include "jobcenter/params.hpp"
#include "match_rules.hpp"

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

// Per field, the value most of the cluster's source records give (ties: the oldest record's value).
void refresh_golden_record(Database& db, std::int64_t orderer, const std::string& now) {
    static const char* const fields[] = {"name", "business_id", "street", "postcode", "city", "phone", "email"};
    for (const char* field : fields) {
        std::string f(field);
        auto& update = db.cached("UPDATE orderer SET " + f + " = (SELECT " + f + " FROM source_record WHERE orderer_id = ?1 AND " + f +
                                 " IS NOT NULL AND " + f + " <> '' GROUP BY " + f + " ORDER BY count(*) DESC, min(id) LIMIT 1), "
                                 "updated_at = ?2 WHERE id = ?1");
        update.bind(1, orderer).bind(2, now);
        update.run();
    }
}

}  // namespace

json::value dedupe_command(Context& ctx, const json::object& request) {
    const bool dry_run = params::flag(request, "dry_run");
    MatchRules rules = load_match_rules(ctx);
    Database& db = ctx.db();
    ctx.progress().start("dedupe: loading", 0);
    RecordIndex index = RecordIndex::load(db);
    ctx.progress().start("dedupe: clustering", index.size());
    Clustering clustering = cluster_records(index, rules);
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
    for (std::size_t c = 0; c < clusters.size(); ++c)
        for (auto pos : clusters[c]) {
            move.bind(1, cluster_orderer[c]).bind(2, index.records[pos].id);
            move.run();
            moved += static_cast<std::size_t>(db.changes());
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
    for (std::size_t c = 0; c < clusters.size(); ++c)
        if (clusters[c].size() > 1) refresh_golden_record(db, cluster_orderer[c], now);
    ctx.progress().finish();
    result["records_moved"] = moved;
    result["orderers_merged_away"] = merged_away;
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
