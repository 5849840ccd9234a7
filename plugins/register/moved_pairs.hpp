// Which records' pairs may differ from those the last dedupe run scored: what an incremental run must
// start from, besides the new and changed records themselves, to give the clusters of a run over the whole
// register. A pair's score depends on its two records and on counts over the register (how many records
// have each name word, how many names share a phone, email or street), and which pairs are compared at
// all depends on blocks (a common block pairs each record only with its nearest names). New and changed
// records move those counts and blocks; the records this finds are the ones those moves reach.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "clustering.hpp"
#include "record_index.hpp"

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

// The records, ascending, whose candidate pairs or pair scores may differ from the last run's: the added
// and changed records; every record with a name word whose count crossed a step (its words weigh
// differently); every record whose rarest words, which it blocks on, are others now; every record with a phone, email, email domain,
// business ID or street whose sharing names may count differently; and, in a block the changes joined or
// left, the records whose window of nearest names they may have shifted (all of the block's records when it
// crossed the size that is paired whole). The register's size must be in the same step as the last run's.
std::vector<std::uint32_t> records_with_moved_pairs(const RecordIndex& index, const MatchRules& rules,
                                                    CandidateNeighbours& candidates, const RegisterChanges& changes);

}  // namespace jobcenter::register_plugin
