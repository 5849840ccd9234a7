// Running deduplication over the whole register and writing its clusters back as orderers: each
// cluster keeps the orderer id most of its records already had, so ids are stable across runs.
#include "dedupe_command.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string_view>

#include "bulk_write.hpp"
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
    db.cached(
          "INSERT INTO orderer(name, category, business_id, business_id_raw, street, postcode, city, phone, email, "
          "created_by_unit, created_at, updated_at) SELECT name, 'unknown', business_id, business_id_raw, street, "
          "postcode, city, phone, email, unit, ?2, ?2 FROM source_record WHERE id = ?1")
        .bind(1, source_record_id)
        .bind(2, now)
        .run();
    return db.last_insert_id();
}

// The golden record's fields, as source_record columns, in the order of the orderer update below.
const char* const golden_fields[] = {"name", "business_id", "street", "postcode", "city", "phone", "email"};
constexpr std::size_t golden_field_count = std::size(golden_fields);

// The golden-record fields of the records in clusters of two or more, read in one pass: for each such
// record its seven values (empty when NULL or ''), kept in one buffer.
class GoldenValues {
public:
    GoldenValues(Database& db, const RecordIndex& index, const std::vector<std::uint32_t>& cluster_size_of) {
        slot_.assign(index.size(), none);
        std::string sql = "SELECT id";
        for (const char* f : golden_fields) sql += std::string(", ") + f;
        auto q = db.prepare(sql + " FROM source_record ORDER BY id");
        std::size_t pos = 0;  // index.records are ordered by id too
        while (q.step()) {
            const std::int64_t id = q.get_int(0);
            while (pos < index.size() && index.records[pos].id < id) ++pos;
            if (pos == index.size() || index.records[pos].id != id || cluster_size_of[pos] < 2) continue;
            slot_[pos] = static_cast<std::uint32_t>(spans_.size() / golden_field_count);
            for (int f = 1; f <= int(golden_field_count); ++f) {
                std::string_view v = q.is_null(f) ? std::string_view() : q.get_text_view(f);
                spans_.push_back({text_.size(), v.size()});
                text_.append(v);
            }
        }
    }
    // The value of field `f` of the record at `pos`; empty for NULL and ''.
    std::string_view value(std::uint32_t pos, std::size_t f) const {
        if (slot_[pos] == none) return {};
        const auto& span = spans_[std::size_t(slot_[pos]) * golden_field_count + f];
        return std::string_view(text_).substr(span.first, span.second);
    }

private:
    static constexpr std::uint32_t none = UINT32_MAX;
    std::vector<std::uint32_t> slot_;                          // per record position
    std::vector<std::pair<std::size_t, std::size_t>> spans_;   // offset and length in text_
    std::string text_;
};

// Per field, the value most of the cluster's records give (ties: the one whose first record has the
// smallest id); none when no record has one. As "SELECT f ... GROUP BY f ORDER BY count(*) DESC, min(id)".
std::optional<std::string_view> most_given(const RecordIndex& index, const GoldenValues& values,
                                           const std::vector<std::uint32_t>& members, std::size_t field) {
    std::vector<std::pair<std::string_view, std::int64_t>> given;  // value, record id
    given.reserve(members.size());
    for (auto pos : members)
        if (auto v = values.value(pos, field); !v.empty()) given.emplace_back(v, index.records[pos].id);
    if (given.empty()) return std::nullopt;
    std::sort(given.begin(), given.end());
    std::optional<std::string_view> best;
    std::size_t best_count = 0;
    std::int64_t best_first = 0;
    for (std::size_t i = 0; i < given.size();) {
        std::size_t j = i;
        while (j < given.size() && given[j].first == given[i].first) ++j;
        const std::size_t count = j - i;
        const std::int64_t first = given[i].second;  // sorted: the smallest id of this value
        if (!best || count > best_count || (count == best_count && first < best_first))
            best = given[i].first, best_count = count, best_first = first;
        i = j;
    }
    return best;
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

    // Writing back touches most pages of the register: keep them in memory until the commit.
    BulkWriteSettings bulk(db, bulk_cache_kib(index.size()));
    // Records whose orderer changes, in id order. When many move, the orderer index is built again after.
    std::vector<std::pair<std::int64_t, std::int64_t>> moves;  // record id, its cluster's orderer
    for (std::size_t c = 0; c < clusters.size(); ++c)
        for (auto pos : clusters[c])
            if (index.records[pos].orderer_id != cluster_orderer[c]) moves.emplace_back(index.records[pos].id, cluster_orderer[c]);
    std::sort(moves.begin(), moves.end());
    DeferredIndexes orderer_index;
    if (moves.size() >= 1000 && moves.size() * 8 >= index.size())
        orderer_index.drop_one(db, "source_record", "source_record_orderer");
    auto& move = db.cached("UPDATE source_record SET orderer_id = ?2 WHERE id = ?1");
    for (auto [record, orderer] : moves) {
        move.bind(1, record).bind(2, orderer);
        move.run();
    }
    orderer_index.rebuild(db);
    const std::size_t moved = moves.size();
    // Orderers left without records are merged into the orderer that took most of them; kept ones live.
    std::size_t merged_away = 0;
    // Many orderers rewritten (merged_into is a foreign key, so SQLite rewrites every index entry of a row
    // whose merged_into changes): their indexes are built again after, in one pass each.
    DeferredIndexes orderer_indexes;
    if (const std::size_t rewrites = moves.size() + multi;
        rewrites >= 1000 && rewrites * 8 >= static_cast<std::size_t>(row_count(db, "orderer")))
        orderer_indexes.drop(db, "orderer");
    {
        std::set<std::int64_t> merged;  // orderers merged away before this run
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
    // Golden records of the clusters of two or more, worked out in memory and written once each.
    {
        std::vector<std::uint32_t> cluster_size_of(index.size(), 0);
        for (const auto& members : clusters)
            for (auto pos : members) cluster_size_of[pos] = static_cast<std::uint32_t>(members.size());
        const GoldenValues values(db, index, cluster_size_of);
        auto& golden = db.cached("UPDATE orderer SET name = ?1, business_id = ?2, street = ?3, postcode = ?4, city = ?5, "
                                 "phone = ?6, email = ?7, updated_at = ?8 WHERE id = ?9");
        for (std::size_t c = 0; c < clusters.size(); ++c) {
            if (clusters[c].size() < 2) continue;
            for (std::size_t f = 0; f < golden_field_count; ++f)
                golden.bind(int(f + 1), most_given(index, values, clusters[c], f));
            golden.bind(8, now).bind(9, cluster_orderer[c]);
            golden.run();
        }
    }
    orderer_indexes.rebuild(db);
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
