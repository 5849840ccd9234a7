// Writing a clustering back as orderers (see cluster_writeback.hpp).
#include "register/clustering/cluster_writeback.hpp"

#include <algorithm>
#include <cstdio>
#include <future>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "register/index/register_stats.hpp"
#include "register/review/register_events.hpp"
#include "register/store/bulk_write.hpp"
#include "register/store/values_batch.hpp"

namespace jobcenter::register_plugin {

std::vector<std::vector<std::uint32_t>> group_clusters(const Clustering& clustering, const std::vector<char>& in_scope) {
    // A cluster's key is its smallest position; clusters are numbered as their first record in scope is met
    // and then put in key order (the same unless a cluster's smallest record is out of scope).
    constexpr std::uint32_t none = UINT32_MAX;
    std::vector<std::uint32_t> slot(clustering.cluster_of.size(), none);
    std::vector<std::uint32_t> keys;
    std::vector<std::vector<std::uint32_t>> found;
    for (std::uint32_t i = 0; i < clustering.cluster_of.size(); ++i) {
        if (!in_scope[i]) continue;
        const std::uint32_t key = clustering.cluster_of[i];
        if (slot[key] == none) {
            slot[key] = static_cast<std::uint32_t>(found.size());
            found.emplace_back();
            keys.push_back(key);
        }
        found[slot[key]].push_back(i);
    }
    if (std::is_sorted(keys.begin(), keys.end())) return found;
    std::vector<std::uint32_t> order(found.size());
    for (std::uint32_t c = 0; c < order.size(); ++c) order[c] = c;
    std::sort(order.begin(), order.end(), [&keys](std::uint32_t x, std::uint32_t y) { return keys[x] < keys[y]; });
    std::vector<std::vector<std::uint32_t>> out;
    out.reserve(found.size());
    for (auto c : order) out.push_back(std::move(found[c]));
    return out;
}

WriteBackResult write_clusters(Context& ctx, const RecordIndex& index, const MatchRules& rules,
                               const Clustering& clustering, const std::vector<std::vector<std::uint32_t>>& clusters,
                               const std::vector<std::pair<std::uint32_t, std::uint32_t>>& forbidden,
                               const std::vector<char>& in_scope, const NewRecords* fresh, PhaseTimer& timer) {
    Database& db = ctx.db();
    const auto now = ctx.clock().now_iso();
    const std::uint32_t first_new = fresh ? fresh->first : static_cast<std::uint32_t>(index.size());
    auto is_new = [first_new](std::uint32_t pos) { return pos >= first_new; };
    // A cluster's positions ascend, so its new records, all after the stored ones, come last.
    auto has_new = [&](std::size_t c) { return is_new(clusters[c].back()); };
    auto has_stored = [&](std::size_t c) { return !is_new(clusters[c].front()); };
    WriteBackResult result;

    // Stable ids: each cluster keeps the orderer most of its records had, unless a bigger claim came first.
    std::unordered_map<std::int64_t, std::size_t> claimed;  // orderer id -> cluster
    claimed.reserve(clusters.size());
    std::vector<std::int64_t> cluster_orderer(clusters.size(), 0);
    std::vector<char> gets_new_orderer(clusters.size(), 0);  // a cluster with new records that no orderer kept
    // A cluster of stored records only whose orderers all went to bigger clusters: it gets an orderer made
    // from its first record, once the new records' orderers have their ids (which those ids may not take).
    std::vector<std::size_t> made_from_record;
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
        if (cluster_orderer[c]) {
            claimed[cluster_orderer[c]] = c;
        } else if (has_new(c)) {
            gets_new_orderer[c] = 1;  // given below
        } else {
            made_from_record.push_back(c);
        }
    }
    timer.end("orderer ids");
    // New orderers take the id their first new record was stored with (see NewRecords), or, when the new
    // records were stored without one, the ids SQLite would give them one by one in cluster order; each with
    // the golden record of its new records (a cluster that also holds stored records is refreshed from all
    // of them below).
    if (fresh) {
        std::int64_t next_orderer = 1;
        if (auto q = db.prepare("SELECT coalesce(max(id), 0) + 1 FROM orderer"); q.step()) next_orderer = q.get_int(0);
        auto first_new_of = [&](std::size_t c) {
            return *std::find_if(clusters[c].begin(), clusters[c].end(), is_new) - first_new;
        };
        std::vector<std::size_t> new_clusters;  // in the order of their ids
        for (std::size_t c = 0; c < clusters.size(); ++c) {
            if (!gets_new_orderer[c]) continue;
            cluster_orderer[c] = fresh->first_orderer ? fresh->first_orderer + first_new_of(c) : next_orderer++;
            claimed[cluster_orderer[c]] = c;
            new_clusters.push_back(c);
        }
        std::sort(new_clusters.begin(), new_clusters.end(),
                  [&](std::size_t x, std::size_t y) { return cluster_orderer[x] < cluster_orderer[y]; });
        // Golden records are chosen a slice ahead on the second thread while this one writes the slice
        // before; a slice at a time, so that those of a whole first import are never all in memory.
        struct Created {
            std::vector<GoldenRecord> golden;
            std::vector<std::string> unit;  // the unit of each one's first new record
        };
        constexpr std::size_t slice = 4096;
        auto choose_slice = [&](std::size_t from) {
            Created out;
            std::vector<SourceValues> sources;
            for (std::size_t k = from; k < std::min(new_clusters.size(), from + slice); ++k) {
                std::size_t count = 0;  // records of the last cluster keep their strings' room for this one
                for (auto pos : clusters[new_clusters[k]])
                    if (is_new(pos)) {
                        if (count == sources.size()) sources.emplace_back();
                        fresh->source(pos - first_new, sources[count++]);
                    }
                sources.resize(count);
                out.unit.push_back(sources.front().unit);
                out.golden.push_back(choose_golden(sources));
            }
            return out;
        };
        std::future<Created> next;
        if (!new_clusters.empty()) next = std::async(std::launch::async, choose_slice, 0);
        for (std::size_t from = 0; from < new_clusters.size(); from += slice) {
            const Created created = next.get();
            if (from + slice < new_clusters.size()) next = std::async(std::launch::async, choose_slice, from + slice);
            run_batched(db,
                        "INSERT INTO orderer(id, name, business_id, business_id_raw, street, postcode, city, phone, email, "
                        "updated_at, category, created_by_unit, created_at) VALUES $ROWS",
                        golden_columns_bound + 3, created.golden.size(), [&](Statement& s, int at, std::size_t i) {
                            bind_golden(s, at, cluster_orderer[new_clusters[from + i]], created.golden[i], now);
                            s.bind_view(at + golden_columns_bound, category_name(created.golden[i].category));
                            s.bind_view(at + golden_columns_bound + 1, created.unit[i]);
                            s.bind_view(at + golden_columns_bound + 2, now);
                        }, 64);
            result.orderers_created += created.golden.size();
        }
        timer.end("new orderers");
        std::vector<std::pair<std::uint32_t, std::int64_t>> rewritten;
        for (std::size_t c = 0; c < clusters.size(); ++c)
            for (auto pos : clusters[c]) {
                if (!is_new(pos)) continue;
                const std::uint32_t i = pos - first_new;
                if (!fresh->first_orderer || cluster_orderer[c] != fresh->first_orderer + i)
                    rewritten.emplace_back(i, cluster_orderer[c]);
            }
        std::sort(rewritten.begin(), rewritten.end());
        fresh->write(rewritten);
        timer.end("new records' orderers");
    }
    for (std::size_t c : made_from_record) {
        cluster_orderer[c] = create_orderer_from_record(db, index.records[clusters[c].front()].id, now);
        claimed[cluster_orderer[c]] = c;
    }

    // Writing back touches most pages of the register: keep them in memory until the commit.
    BulkWriteSettings bulk(db, bulk_cache_kib(index.size()));
    // Stored records whose orderer changes, in id order. When many move, the orderer index is built again after.
    std::vector<std::pair<std::int64_t, std::int64_t>> record_moves;  // record id, its cluster's orderer
    std::map<std::pair<std::int64_t, std::int64_t>, std::vector<std::int64_t>> moves;  // (from, to) -> records
    // New records that joined another record's orderer: each one a move of its own, from no orderer.
    std::vector<std::pair<std::int64_t, std::int64_t>> joins;  // record id, orderer
    std::vector<std::int64_t> changed;  // orderers whose records changed
    for (std::size_t c = 0; c < clusters.size(); ++c) {
        bool founded = false;  // the first new record of a cluster given a new orderer founds it
        for (auto pos : clusters[c]) {
            const std::int64_t to = cluster_orderer[c];
            if (is_new(pos)) {
                if (gets_new_orderer[c] && !founded) {
                    founded = true;
                    continue;
                }
                joins.emplace_back(index.records[pos].id, to);
                // An orderer made here from new records only has its golden record already.
                if (!gets_new_orderer[c] || has_stored(c)) changed.push_back(to);
                continue;
            }
            if (auto from = index.records[pos].orderer_id; from != to) {
                record_moves.emplace_back(index.records[pos].id, to);
                if (from) moves[{from, to}].push_back(index.records[pos].id);
            }
        }
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
    result.moved = record_moves.size();
    result.joined = joins.size();
    timer.end("record index");

    // Every move is a decision in the history, so that a person can undo it (register unmerge EVENT).
    char reason[128];
    std::snprintf(reason, sizeof reason, "linked by their scores%s (link score %.1f log2 odds, register.lua)",
                  fresh ? " as they were imported" : "", rules.link_score);
    const Actor actor{"dedupe", ctx.unit(), std::string(role_name(ctx.role())), now, reason};
    std::vector<MoveEvent> move_events;
    move_events.reserve(moves.size() + joins.size());
    for (const auto& [route, records] : moves) {
        move_events.push_back({route.second, route.first, &records});
        changed.push_back(route.first);
        changed.push_back(route.second);
    }
    std::vector<std::vector<std::int64_t>> joined_records(joins.size());
    for (std::size_t j = 0; j < joins.size(); ++j) {
        joined_records[j].push_back(joins[j].first);
        move_events.push_back({joins[j].second, 0, &joined_records[j]});
    }
    {
        // Many events (a first run over a whole register): the history's indexes are built after, in one
        // sorted pass each, instead of an insert at a random place per event.
        DeferredIndexes history_indexes;
        if (rebuilding_indexes_pays(move_events.size(), rows_of_append_only(db, "register_event"))) {
            history_indexes.drop(db, "register_event");
            history_indexes.drop(db, "event_record");
        }
        record_move_events(db, "dedupe", move_events, actor);
        history_indexes.rebuild(db);
    }
    timer.end("events");

    // Orderers left without records are merged into the orderer that took most of them; kept ones live.
    std::unordered_set<std::int64_t> merged;  // orderers merged away before this run
    for (auto q = db.prepare("SELECT id FROM orderer WHERE merged_into IS NOT NULL"); q.step();) merged.insert(q.get_int(0));
    std::vector<std::int64_t> revived;
    for (auto id : cluster_orderer)
        if (merged.count(id)) revived.push_back(id);
    std::vector<std::pair<std::int64_t, std::int64_t>> merges;  // orderer, the orderer it is merged into
    {
        std::map<std::int64_t, std::map<std::int64_t, std::size_t>> went_to;  // old orderer -> new orderer -> records
        for (std::size_t c = 0; c < clusters.size(); ++c)
            for (auto pos : clusters[c])
                if (auto old = index.records[pos].orderer_id; old && old != cluster_orderer[c]) ++went_to[old][cluster_orderer[c]];
        for (const auto& [old, targets] : went_to) {
            if (claimed.count(old)) continue;  // still some cluster's orderer
            auto best = std::max_element(targets.begin(), targets.end(), [](const auto& x, const auto& y) {
                return x.second != y.second ? x.second < y.second : x.first > y.first;
            });
            merges.emplace_back(old, best->first);
        }
    }
    // Orderers merged away have no records left, so only the live ones are refreshed; so are new orderers
    // that also took stored records.
    for (std::size_t c = 0; c < clusters.size(); ++c)
        if (gets_new_orderer[c] && has_stored(c)) changed.push_back(cluster_orderer[c]);
    std::sort(changed.begin(), changed.end());
    changed.erase(std::unique(changed.begin(), changed.end()), changed.end());
    std::vector<std::int64_t> live_changed;
    for (auto id : changed)
        if (claimed.count(id)) live_changed.push_back(id);
    // Many orderers rewritten (merged_into is a foreign key, so SQLite rewrites every index entry of a row
    // whose merged_into changes): their indexes are built again after, in one pass each. Orderers written
    // new above are not rewritten.
    DeferredIndexes orderer_indexes;
    if (rebuilding_indexes_pays(revived.size() + merges.size() + live_changed.size(), rows_of_append_only(db, "orderer")))
        orderer_indexes.drop(db, "orderer");
    auto& revive = db.cached("UPDATE orderer SET merged_into = NULL WHERE id = ?");
    for (auto id : revived) {
        revive.bind(1, id);
        revive.run();
    }
    run_batched(db, "UPDATE orderer SET merged_into = v.column2, updated_at = v.column3 FROM (VALUES $ROWS) AS v "
                    "WHERE orderer.id = v.column1",
                3, merges.size(), [&](Statement& s, int at, std::size_t i) {
                    s.bind(at, merges[i].first).bind(at + 1, merges[i].second).bind(at + 2, now);
                });
    result.merged_away = merges.size();
    timer.end("merge orderers");
    refresh_golden_records(db, live_changed, now);
    timer.end("golden refresh");
    orderer_indexes.rebuild(db);
    timer.end("orderer indexes");
    result.queue = update_review_queue(db, index, rules, clustering, forbidden, in_scope, now);
    timer.end("review queue");
    result.bridges = update_bridge_queue(db, index, rules, clustering, in_scope, now);
    timer.end("weak bridges");
    write_register_stats(db, index);
    timer.end("register_stat");
    result.cluster_orderers = std::move(cluster_orderer);
    return result;
}

std::vector<std::pair<std::int64_t, std::int64_t>> orderers_given(const RecordIndex& index,
                                                                   const std::vector<std::vector<std::uint32_t>>& clusters,
                                                                   const std::vector<std::int64_t>& cluster_orderers) {
    std::vector<std::pair<std::int64_t, std::int64_t>> given;
    for (std::size_t c = 0; c < clusters.size(); ++c)
        for (auto pos : clusters[c])
            if (index.records[pos].orderer_id != cluster_orderers[c]) given.emplace_back(index.records[pos].id, cluster_orderers[c]);
    std::sort(given.begin(), given.end());
    return given;
}

}  // namespace jobcenter::register_plugin
