// The record each dedupe run leaves (dedupe_run): the last run as a later one reads it, what was imported,
// changed or decided after it, and recording a run. A run may be incremental only against this record.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "jobcenter/database.hpp"
#include "register/clustering/register_clustering.hpp"
#include "register/incremental/moved_pairs.hpp"
#include "register/index/record_index.hpp"
#include "register/scoring/pair_scoring.hpp"

namespace jobcenter::register_plugin {

struct LastRun {
    std::int64_t last_import_id = 0;
    std::string rules;  // run_fingerprint
    std::int64_t last_event_id = 0;
    std::int64_t last_record_id = 0;
    std::uint64_t size_step = 0;
};
// What a run may be incremental on: the rules' fingerprint and the revision the register's keys were read with
// ("scoring 4; ...; keys 1"). A run whose fingerprint differs from the last run's is a whole one.
std::string run_fingerprint(Database& db, const MatchRules& rules);

// The newest run's record; nothing before a first run.
std::optional<LastRun> last_run(Database& db);

// Positions of the records imported after `import_id`, and of those a person's decision (merge, unmerge,
// not the same) after event `event_id` concerned: what an incremental run starts from.
std::vector<std::uint32_t> new_since(Database& db, const RecordIndex& index, std::int64_t import_id, std::int64_t event_id);
// The keys the records changed in place since the last run had then (records that run saw, in the index).
std::vector<ReplacedKeys> replaced_since(Database& db, const RecordIndex& index, std::int64_t last_record_id);
// Whether a run now would have nothing to do: the rules are the last run's, and nothing was imported or
// decided since it.
bool nothing_since_last_run(Database& db, const MatchRules& rules);

// The newest import in the register (0 for none): the last import a run now has seen.
std::int64_t latest_import(Database& db);
// The run's record (dedupe_run), and the changed records' old keys, which it has taken in, cleared: what a
// later run compares with to decide whether it may be incremental and where it starts.
void record_dedupe_run(Database& db, const RegisterClustering& run, const RecordIndex& index, std::int64_t last_import_id,
                       const std::string& now, const std::string& role);

}  // namespace jobcenter::register_plugin
