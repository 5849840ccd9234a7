// Finding duplicate clusters: the candidate pairs blocking gives, scored, then joined by strength with a
// guard against chaining: two clusters join only when no pair between them is a hard negative and their
// pairs agree on average.
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "jobcenter/phase_timer.hpp"
#include "register/index/pair_key.hpp"
#include "register/index/record_index.hpp"
#include "register/scoring/pair_scoring.hpp"

namespace jobcenter::register_plugin {

struct ScoredPair {
    std::uint32_t a, b;  // record positions in the index, a < b
    double score;
};

// A join that made a cluster of three or more records through one pair at the link score while the
// pairs between the two parts were weak on average (a weak bridge): linked, and shown to a person.
struct WeakBridge {
    ScoredPair pair;                   // the bridge: a in the part that was larger, b in the part joined
    double average = 0;                // average log2 odds of the pairs compared between the two parts
    std::vector<std::uint32_t> part;   // positions of the smaller part's records (b's side), ascending
};

struct Clustering {
    std::vector<std::uint32_t> cluster_of;  // per record position: the smallest position in its cluster
    std::vector<ScoredPair> review;         // uncertain pairs left in different clusters, strongest first
    std::size_t candidate_pairs = 0;
    std::size_t linked_pairs = 0;
    std::size_t refused_links = 0;  // strong pairs the chaining guard kept apart
    std::vector<WeakBridge> bridges;  // joins into clusters of 3+ whose parts agree only weakly, in join order
    // Time of cluster_records' phases, for JOBCENTER_TIMING (candidates 0 when the caller gave them).
    PhaseTime candidates_time, scoring_time, joining_time;
};

// Two clusters about to join are compared pair by pair when they make at most this many pairs; larger ones
// only by their candidate pairs.
constexpr std::size_t all_pairs_compared_up_to = 2500;

// Candidate pairs the caller chose and scored already (an incremental run: only those of the part of the
// register that new records touch): pair keys, ascending and distinct, each with its score.
struct ScoredCandidates {
    std::vector<PairKey> keys;
    std::vector<PairScore> scores;
};

// People's decisions, as record positions: `forbidden` pairs are never in one cluster; `must_link` pairs
// are joined before any scored pair (unless that would put a forbidden pair together).
// `candidates`: when given, the pairs to cluster by; otherwise the candidate pairs of the whole index, scored.
Clustering cluster_records(const RecordIndex& index, const MatchRules& rules,
                           const std::vector<std::pair<std::uint32_t, std::uint32_t>>& forbidden = {},
                           const std::vector<std::pair<std::uint32_t, std::uint32_t>>& must_link = {},
                           const ScoredCandidates* candidates = nullptr);

}  // namespace jobcenter::register_plugin
