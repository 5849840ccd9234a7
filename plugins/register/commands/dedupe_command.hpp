// `register dedupe` (find duplicates, link clusters into orderers with stable ids) and
// `register export-clusters` (unit, source_id, orderer_id of every source record).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <boost/json.hpp>

#include "register/clustering/cluster_writeback.hpp"
#include "register/clustering/clustering.hpp"
#include "jobcenter/context.hpp"
#include "register/scoring/match_rules.hpp"
#include "register/incremental/moved_pairs.hpp"
#include "register/store/phase_timing.hpp"
#include "register/index/record_index.hpp"

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
    std::uint64_t size_step = 0;  // the step of the register's size its weights were computed with (count_steps.hpp)
};

// What clustering needs from the database: people's standing decisions (by position in `index`), whether
// the run is over the whole register (when `whole`, on a first run or when the rules changed since the last
// run) or incremental, and then the records imported or decided on since the last run. Read before the
// clustering, which then needs only the index: it may run on another thread while this one writes.
struct ClusteringPlan {
    std::string mode;  // "full" or "incremental"
    std::string why;
    std::string fingerprint;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> forbidden;  // "not the same"
    std::vector<std::pair<std::uint32_t, std::uint32_t>> must_link;  // "the same"
    std::vector<std::uint32_t> pending;  // incremental: what the run starts from
    // incremental: the last run's newest record and size step, and the records changed in place since it
    std::int64_t last_record_id = 0;
    std::uint64_t size_step = 0;
    std::vector<ReplacedKeys> replaced;
};
ClusteringPlan plan_clustering(Database& db, const RecordIndex& index, const MatchRules& rules, bool whole);

// Clusters the records of `index` as `plan` says: the whole register, or what the pending records and
// those at `new_positions` (added to the index after the plan was made) reach. Touches no database.
RegisterClustering run_clustering(const RecordIndex& index, const MatchRules& rules, ClusteringPlan plan,
                                  const std::vector<std::uint32_t>& new_positions, PhaseTimer& timer);

// Both of the above, for a register that is all stored (`register dedupe`).
RegisterClustering cluster_register(Database& db, const RecordIndex& index, const MatchRules& rules, bool whole,
                                    PhaseTimer& timer);
// The run's record (dedupe_run), and the changed records' old keys, which it has taken in, cleared: what a
// later run compares with to decide whether it may be incremental and where it starts.
void record_dedupe_run(Database& db, const RegisterClustering& run, const RecordIndex& index, std::int64_t last_import_id,
                       const std::string& now, const std::string& role);
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
