// The review queue: pairs of clusters dedupe could not decide, shown side by side with the fields that
// differ and the evidence, and a person's decision on each (same, not the same, skip):
// `register review list|show|decide`, and filling the queue after a dedupe run. Weak bridges inside one
// orderer (bridge_review.hpp) wait in the same queue.
#pragma once

#include <boost/json.hpp>
#include <utility>
#include <vector>

#include "jobcenter/context.hpp"
#include "register/clustering/clustering.hpp"
#include "register/clustering/golden_record.hpp"

namespace jobcenter::register_plugin {

boost::json::value review_list_command(Context& ctx, const boost::json::object& request);
boost::json::value review_show_command(Context& ctx, const boost::json::object& request);
boost::json::value review_decide_command(Context& ctx, const boost::json::object& request);

// One side of an item as `register review show` prints it: the orderer, its units, the golden fields of
// the given source records and the records themselves.
boost::json::object review_side_json(Database& db, std::int64_t orderer, const std::vector<SourceValues>& sources,
                                     const GoldenRecord& golden);

struct QueueUpdate {
    std::size_t open = 0;      // items open after the run
    std::size_t added = 0;     // new items
    std::size_t obsolete = 0;  // earlier items the run no longer proposes
};

// Puts the run's review pairs into the queue, one item per pair of clusters (its strongest pair),
// except clusters a person already said are not the same (`forbidden`, record positions). Earlier open
// items of records in the run's scope (by position) that it no longer proposes become obsolete; decided
// items stay as they are.
QueueUpdate update_review_queue(Database& db, const RecordIndex& index, const MatchRules& rules,
                                const Clustering& clustering,
                                const std::vector<std::pair<std::uint32_t, std::uint32_t>>& forbidden,
                                const std::vector<char>& in_scope, const std::string& now);

}  // namespace jobcenter::register_plugin
