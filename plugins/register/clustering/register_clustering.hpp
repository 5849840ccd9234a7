// Clustering the register for a dedupe run, as its plan says: the whole register, or incrementally the part
// that what came since the last run reaches (shared by `register dedupe` and `register import --link`).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "jobcenter/database.hpp"
#include "jobcenter/phase_timer.hpp"
#include "register/clustering/clustering.hpp"
#include "register/incremental/run_plan.hpp"
#include "register/index/record_index.hpp"
#include "register/scoring/pair_scoring.hpp"

namespace jobcenter::register_plugin {

// A run's clusters: over the whole register, or incrementally over what is new since the last run.
struct RegisterClustering {
    RunMode mode = RunMode::full;
    std::string why;
    std::string fingerprint;  // of the rules, as dedupe_run keeps it
    std::vector<char> in_scope;  // by position: the records this run reclustered
    std::size_t reclustered = 0;
    Clustering clustering;
    std::vector<std::vector<std::uint32_t>> clusters;  // the clusters in scope (group_clusters), made once
    std::vector<std::pair<std::uint32_t, std::uint32_t>> forbidden;  // a person's "not the same", by position
    std::uint64_t size_step = 0;  // the step of the register's size its weights were computed with (count_steps.hpp)
};

// Clusters the records of `index` as `plan` says: the whole register, or what the pending records and
// those at `new_positions` (added to the index after the plan was made) reach. Touches no database.
RegisterClustering run_clustering(const RecordIndex& index, const MatchRules& rules, ClusteringPlan plan,
                                  const std::vector<std::uint32_t>& new_positions, PhaseTimer& timer);

// The plan and the run, for a register that is all stored (`register dedupe`).
RegisterClustering cluster_register(Database& db, const RecordIndex& index, const MatchRules& rules, bool whole,
                                    PhaseTimer& timer);

}  // namespace jobcenter::register_plugin
