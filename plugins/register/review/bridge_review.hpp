// Weak bridges in the review queue: a part of an orderer that dedupe linked through one strong pair
// while the pairs between the parts agree only weakly on average. The records stay linked; a person
// confirms the link (the same orderer, remembered) or splits the part off into its own orderer (not the
// same, remembered), so a chain through one coincidence does not quietly stand.
#pragma once

#include <boost/json.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "jobcenter/context.hpp"
#include "register/clustering/clustering.hpp"
#include "register/review/register_events.hpp"
#include "register/review/review_item.hpp"

namespace jobcenter::register_plugin {

struct BridgeQueueUpdate {
    std::size_t open = 0;      // bridge items open after the run
    std::size_t added = 0;     // new bridge items
    std::size_t obsolete = 0;  // earlier bridge items the run no longer finds
};

// Puts the run's weak bridges into the queue (kind 'bridge'). Earlier open bridge items with a record
// in the run's scope (by position) that the run no longer finds become obsolete.
BridgeQueueUpdate update_bridge_queue(Database& db, const RecordIndex& index, const MatchRules& rules,
                                      const Clustering& clustering, const std::vector<char>& in_scope,
                                      const std::string& now);

// `register review show` of a bridge item: the orderer, the part that stays and the part joined through
// the bridge side by side (their fields and source records), the bridge pair's evidence and the average.
boost::json::value show_bridge(Database& db, const ReviewItem& item);

// `register review decide` of a bridge item: "same" confirms the link (kept together from now on),
// "not-same" moves the part to an orderer of its own (the one it came from when that is empty) and keeps
// the parts apart, "skip" puts it behind the others.
boost::json::object decide_bridge(Database& db, const Actor& actor, const ReviewItem& item, const std::string& verdict);

}  // namespace jobcenter::register_plugin
