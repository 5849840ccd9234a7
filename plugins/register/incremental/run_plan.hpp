// Planning a dedupe run: over the whole register or incrementally over what came since the last run, and
// why; with what its clustering needs from the database (people's decisions, the records to start from),
// read before it starts, so that the clustering itself needs only the index.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "jobcenter/database.hpp"
#include "register/incremental/moved_pairs.hpp"
#include "register/index/record_index.hpp"
#include "register/scoring/pair_scoring.hpp"

namespace jobcenter::register_plugin {

enum class RunMode { full, incremental };
// The mode as reports and dedupe_run spell it: "full" or "incremental".
std::string_view run_mode_name(RunMode mode);

// People's standing decisions (by position in the index), whether the run is over the whole register (when
// asked, on a first run or when the rules changed since the last run) or incremental, and then the records
// imported or decided on since the last run. The clustering may run on another thread while this one writes.
struct ClusteringPlan {
    RunMode mode = RunMode::full;
    std::string why;
    std::string fingerprint;  // of the rules, as dedupe_run keeps it
    std::vector<std::pair<std::uint32_t, std::uint32_t>> forbidden;  // "not the same"
    std::vector<std::pair<std::uint32_t, std::uint32_t>> must_link;  // "the same"
    std::vector<std::uint32_t> pending;  // incremental: what the run starts from
    // incremental: the last run's newest record and size step, and the records changed in place since it
    std::int64_t last_record_id = 0;
    std::uint64_t size_step = 0;
    std::vector<ReplacedKeys> replaced;
};
// `whole`: the run was asked to go over the whole register.
ClusteringPlan plan_clustering(Database& db, const RecordIndex& index, const MatchRules& rules, bool whole);

}  // namespace jobcenter::register_plugin
