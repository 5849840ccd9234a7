// The reports of a dedupe run (see dedupe_report.hpp), as JSON.
#include "register/commands/dedupe_report.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

#include "register/incremental/last_run.hpp"

namespace jobcenter::register_plugin {
namespace json = boost::json;
namespace {

std::int64_t count_of(Database& db, const char* sql) {
    auto q = db.prepare(sql);
    return q.step() && !q.is_null(0) ? q.get_int(0) : 0;
}

}  // namespace

json::object clustering_summary(const RecordIndex& index, const RegisterClustering& run) {
    const auto& clusters = run.clusters;
    std::size_t multi = 0, records_in_multi = 0;
    for (const auto& c : clusters)
        if (c.size() > 1) {
            ++multi;
            records_in_multi += c.size();
        }
    // Orderers: the clusters computed, plus the orderers of the records this run left as they were.
    std::vector<std::int64_t> untouched;
    for (std::size_t i = 0; i < index.size(); ++i)
        if (!run.in_scope[i]) untouched.push_back(index.records[i].orderer_id);
    std::sort(untouched.begin(), untouched.end());
    untouched.erase(std::unique(untouched.begin(), untouched.end()), untouched.end());
    return json::object{{"mode", run_mode_name(run.mode)},
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

std::optional<json::object> unchanged_since_last_run(Database& db, const MatchRules& rules) {
    if (!nothing_since_last_run(db, rules)) return std::nullopt;
    auto sizes = db.prepare("SELECT count(*), coalesce(sum(n > 1), 0), coalesce(sum(CASE WHEN n > 1 THEN n END), 0) "
                            "FROM (SELECT count(*) AS n FROM source_record GROUP BY orderer_id)");
    sizes.step();
    const std::int64_t records = count_of(db, "SELECT count(*) FROM source_record");
    const std::int64_t open_pairs = count_of(db, "SELECT count(*) FROM review_item WHERE kind = 'pair' AND status IN ('open', 'skipped')");
    const std::int64_t open_bridges =
        count_of(db, "SELECT count(*) FROM review_item WHERE kind = 'bridge' AND status IN ('open', 'skipped')");
    return json::object{{"mode", run_mode_name(RunMode::incremental)},
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

}  // namespace jobcenter::register_plugin
