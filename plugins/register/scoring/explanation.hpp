// Pair-score evidence as JSON, the same in `register check` and in the review queue.
#pragma once

#include <boost/json.hpp>
#include <vector>

#include "register/scoring/pair_scoring.hpp"

namespace jobcenter::register_plugin {

// [{"field", "weight": "+7.0", "detail"}, ...] in the order the evidence was found.
boost::json::array evidence_json(const std::vector<Evidence>& evidence);

}  // namespace jobcenter::register_plugin
