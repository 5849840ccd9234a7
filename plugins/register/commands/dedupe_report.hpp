// What `register dedupe` and `register import --link` report of a run: the clusters found, what writing
// them back did, and the report of a run that had nothing to do.
#pragma once

#include <optional>

#include <boost/json.hpp>

#include "jobcenter/database.hpp"
#include "register/clustering/cluster_writeback.hpp"
#include "register/clustering/register_clustering.hpp"
#include "register/index/record_index.hpp"
#include "register/scoring/pair_scoring.hpp"

namespace jobcenter::register_plugin {

// What a run found.
boost::json::object clustering_summary(const RecordIndex& index, const RegisterClustering& run);
// What writing it back did, added to that report.
void add_write_back(boost::json::object& result, const WriteBackResult& written);
// The report of an incremental run when nothing was imported or decided since the last run under the same
// rules: such a run would recompute nothing and change nothing, so the register is not even loaded (after
// `register import --link`, say). Nothing when there is something to do.
std::optional<boost::json::object> unchanged_since_last_run(Database& db, const MatchRules& rules);

}  // namespace jobcenter::register_plugin
