// Which records' pairs may differ from those the last dedupe run scored: what an incremental run must
// start from, besides the new and changed records themselves, to give the clusters of a run over the whole
// register. A pair's score depends on its two records and on counts over the register (how many records
// have each name word, how many names share a phone, email or street), and which pairs are compared at
// all depends on blocks (a common block pairs each record only with its nearest names). New and changed
// records move those counts and blocks; the records this finds are the ones those moves reach.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "register/index/blocking.hpp"
#include "register/index/record_index.hpp"
#include "register/scoring/pair_scoring.hpp"

namespace jobcenter::register_plugin {

// A record's keys as the last dedupe run saw them, before an import changed the record in place.
struct ReplacedKeys {
    std::uint32_t position = 0;
    std::string name_key, department_key, business_id, phone, email, street_key;
    bool email_free = false, city_of_helsinki = false;
};

// What came after the last run: records added since (positions), and records changed in place since.
struct RegisterChanges {
    std::vector<std::uint32_t> added;
    std::vector<ReplacedKeys> replaced;
};

class MovedPairFinder;

// The records, ascending, whose candidate pairs or pair scores may differ from the last run's: the added
// and changed records; every record with a name word whose count crossed a step (its words weigh
// differently); every record whose rarest words, which it blocks on, are others now; every record with a
// phone, email, email domain, business ID or street whose count of sharing names moved a step; and, in a
// block the changes joined or left, the records of the pairs the change put into or out of the window of
// nearest names (or out of the block paired whole), where such a pair takes part in clustering. The
// register's size must be in the same step as the last run's.
// Made in two parts, so that the first runs while the caller builds the blocks: the constructor starts what
// needs no blocks (part of it on another thread), records() compares the blocks and waits for the rest.
class MovedPairs {
public:
    MovedPairs(const RecordIndex& index, const MatchRules& rules, const RegisterChanges& changes);
    ~MovedPairs();
    std::vector<std::uint32_t> records(CandidateNeighbours& candidates);

private:
    std::unique_ptr<MovedPairFinder> finder_;
};

}  // namespace jobcenter::register_plugin
