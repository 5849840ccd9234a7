// `register dedupe` (find duplicates, link clusters into orderers with stable ids) and
// `register export-clusters` (unit, source_id, orderer_id of every source record).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <boost/json.hpp>

#include "cluster_writeback.hpp"
#include "clustering.hpp"
#include "jobcenter/context.hpp"
#include "match_rules.hpp"
#include "phase_timing.hpp"
#include "record_index.hpp"

namespace jobcenter::register_plugin {

// A run's clusters: over the whole register, or incrementally over what is new since the last run.
struct RegisterClustering {
    std::string mode;  // "full" or "incremental"
    std::string why;
    std::string fingerprint;  // of the rules, as dedupe_run keeps it
    std::vector<char> in_scope;  // by position: the records this run reclustered
    std::size_t reclustered = 0;
    Clustering clustering;
    std::vector<std::vector<std::uint32_t>> clusters;  // the clusters in scope (group_clusters), made once
    std::vector<std::pair<std::uint32_t, std::uint32_t>> forbidden;  // a person's "not the same", by position
};

// Clusters the records of `index` with people's standing decisions: the whole register when `whole`, on a
// first run or when the rules changed since the last run; otherwise what records imported or decided on
// since the last run reach, and the records at `new_positions` (in the index, not yet stored).
RegisterClustering cluster_register(Database& db, const RecordIndex& index, const MatchRules& rules, bool whole,
                                    const std::vector<std::uint32_t>& new_positions, PhaseTimer& timer);
// What a run found, as `register dedupe` reports it.
boost::json::object clustering_summary(const RecordIndex& index, const RegisterClustering& run);
// What writing it back did, added to that report.
void add_write_back(boost::json::object& result, const WriteBackResult& written);
// The report of an incremental run when nothing was imported or decided since the last run under the same
// rules: such a run would recompute nothing and change nothing, so the register is not even loaded (after
// `register import --link`, say). Nothing when there is something to do.
std::optional<boost::json::object> unchanged_since_last_run(Database& db, const MatchRules& rules);

boost::json::value dedupe_command(Context& ctx, const boost::json::object& request);
boost::json::value export_clusters_command(Context& ctx, const boost::json::object& request);

}  // namespace jobcenter::register_plugin
