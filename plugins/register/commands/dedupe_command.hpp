// `register dedupe` (find duplicates, link clusters into orderers with stable ids) and
// `register export-clusters` (unit, source_id, orderer_id of every source record).
#pragma once

#include <boost/json.hpp>

#include "jobcenter/context.hpp"

// What a run is made of, included here for `register import --link`, which calls them through this header.
#include "register/clustering/register_clustering.hpp"
#include "register/commands/dedupe_report.hpp"
#include "register/incremental/last_run.hpp"
#include "register/incremental/run_plan.hpp"

namespace jobcenter::register_plugin {

boost::json::value dedupe_command(Context& ctx, const boost::json::object& request);
boost::json::value export_clusters_command(Context& ctx, const boost::json::object& request);

}  // namespace jobcenter::register_plugin
