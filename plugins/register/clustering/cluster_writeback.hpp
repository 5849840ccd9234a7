// Writing a clustering of the register back as orderers: which orderer each cluster keeps (stable ids),
// the records that move, a history event for every move (so a person can undo it), orderers merged
// away, golden records, the review and weak-bridge queues and the run's record. Shared by `register
// dedupe` and `register import --link`, whose new records are written here with their orderers.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "jobcenter/context.hpp"
#include "jobcenter/phase_timer.hpp"
#include "register/clustering/clustering.hpp"
#include "register/clustering/golden_record.hpp"
#include "register/index/record_index.hpp"
#include "register/review/bridge_review.hpp"
#include "register/review/review_commands.hpp"
#include "register/scoring/match_rules.hpp"

namespace jobcenter::register_plugin {

// Records an import that links has just added: positions `first` to the end of the index, in id order.
// Their orderers are chosen with everyone else's; a cluster of new records only gets a new orderer whose
// golden record comes from `source`, and `write` then gives each record whose orderer is not the one it was
// stored with the orderer it got. Stored with their own orderer's id to be (`first_orderer` + i, the id a
// plain import gives the i-th new record's orderer; possible while foreign keys are checked at the commit,
// see ForeignKeyLedger), only the records that join another one are written again, and a new orderer takes
// the id of its first record's; stored without one (`first_orderer` 0), all are, and new orderers take the
// next ids in cluster order.
struct NewRecords {
    std::uint32_t first = 0;
    std::int64_t first_orderer = 0;
    std::function<void(std::uint32_t new_record, SourceValues& into)> source;  // the i-th new record's values, unit set
    // (new record i, its orderer) for each record to write again, in record order
    std::function<void(const std::vector<std::pair<std::uint32_t, std::int64_t>>& orderers)> write;
};

struct WriteBackResult {
    std::size_t moved = 0;             // records already in the register whose orderer changed
    std::size_t joined = 0;            // new records that joined another record's orderer
    std::size_t orderers_created = 0;
    std::size_t merged_away = 0;
    QueueUpdate queue;
    BridgeQueueUpdate bridges;
    std::vector<std::int64_t> cluster_orderers;  // the orderer each cluster went to, in the order of `clusters`
};

// Writes the clusters of the records in scope (`in_scope` by position; `clusters` as group_clusters gives
// them). `forbidden`: pairs a person said are not the same (record positions). `fresh`: the new records, or
// nullptr when every record is stored. `timer` reports each phase.
WriteBackResult write_clusters(Context& ctx, const RecordIndex& index, const MatchRules& rules,
                               const Clustering& clustering, const std::vector<std::vector<std::uint32_t>>& clusters,
                               const std::vector<std::pair<std::uint32_t, std::uint32_t>>& forbidden,
                               const std::vector<char>& in_scope, const NewRecords* fresh, PhaseTimer& timer);

// The records of `clusters` whose orderer in `index` is not the one their cluster went to: (record id, the
// orderer it has now), by id.
std::vector<std::pair<std::int64_t, std::int64_t>> orderers_given(const RecordIndex& index,
                                                                   const std::vector<std::vector<std::uint32_t>>& clusters,
                                                                   const std::vector<std::int64_t>& cluster_orderers);

// Cluster -> the positions of its records (only those in scope), clusters ordered by their smallest position.
std::vector<std::vector<std::uint32_t>> group_clusters(const Clustering& clustering, const std::vector<char>& in_scope);

}  // namespace jobcenter::register_plugin
