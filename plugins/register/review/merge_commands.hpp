// Merging orderers by hand with per-field survivorship, undoing any merge (by a person or by dedupe)
// exactly, and the decision history: `register merge`, `register unmerge`, `register history`.
#pragma once

#include <boost/json.hpp>

#include "jobcenter/context.hpp"
#include "register/review/register_events.hpp"

namespace jobcenter::register_plugin {

boost::json::value merge_command(Context& ctx, const boost::json::object& request);
boost::json::value unmerge_command(Context& ctx, const boost::json::object& request);
boost::json::value history_command(Context& ctx, const boost::json::object& request);

// Merges `other` into `survivor` (both live). `keep`: "field=ORDERER" items naming, per field, which of
// the two orderers' values survives. Returns the merge event's id. Throws InputError/NotFoundError and
// changes nothing when the merge is not allowed.
std::int64_t merge_orderers(Database& db, const Actor& actor, std::int64_t survivor, std::int64_t other,
                            const std::vector<std::string>& keep, std::int64_t review_id = 0);

// Records that two live orderers are not the same, so that dedupe never joins or proposes them again.
std::int64_t record_not_same(Database& db, const Actor& actor, std::int64_t first, std::int64_t second,
                             std::int64_t review_id = 0);

}  // namespace jobcenter::register_plugin
