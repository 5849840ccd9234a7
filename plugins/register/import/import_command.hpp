// `register import`: a unit's CSV register read, checked row by row, normalised and stored as source
// records (all or nothing, or skipping bad rows; a dry run writes nothing; re-imports update in place).
#pragma once

#include <array>
#include <boost/json.hpp>
#include <cstdint>
#include <string>

#include "jobcenter/context.hpp"

namespace jobcenter::register_plugin {

boost::json::value import_command(Context& ctx, const boost::json::object& request);

// What `register add` entered, kept as a source record of `orderer_id` (source id "entered-<orderer>",
// in an import batch of its own, file "(register add)"), so that entered orderers are found by the
// entry-time check and linked by dedupe like imported ones. `fields`: name, business_id, street,
// postcode, city, phone, email, contact_person as given. The unit must exist.
void record_entered_orderer(Database& db, const std::string& unit, const std::string& role, std::int64_t orderer_id,
                            const std::array<std::string, 8>& fields, const std::string& now);

}  // namespace jobcenter::register_plugin
