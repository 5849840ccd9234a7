// The part of the register an incremental run recomputes, and the candidate pairs that touch it, scored.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "register/clustering/clustering.hpp"
#include "register/index/blocking.hpp"
#include "register/index/record_index.hpp"
#include "register/scoring/pair_scoring.hpp"

namespace jobcenter::register_plugin {

// The part of the register an incremental run recomputes: starting from the new and changed records (and
// those whose pairs they moved), everything reachable through pairs at or above the link score or a person's
// "same", each with all the records of its current orderer. Clustering joins only along such pairs, and the
// scores of pairs outside this part are what they were at the last run, so there a run over the whole
// register decides as the last run did (tests/bench/register_incremental.sh compares the two).
// The scope, and the candidate pairs with a record in it, scored (those across its edge are below the link
// score, so they cannot join anything, but they still go to the review queue as they would in a run over the
// whole register). Each record's pairs are found as it is reached, not every pair of the register first:
// a level of records at a time, its pairs found and scored on two threads.
struct IncrementalScope {
    std::vector<char> in_scope;  // by position
    ScoredCandidates touching;
};

// `must_link`: a person's "same" pairs, by position; `pending`: the records the run starts from.
IncrementalScope incremental_scope(const RecordIndex& index, const MatchRules& rules, CandidateNeighbours& candidates,
                                   const std::vector<std::pair<std::uint32_t, std::uint32_t>>& must_link,
                                   const std::vector<std::uint32_t>& pending);

}  // namespace jobcenter::register_plugin
