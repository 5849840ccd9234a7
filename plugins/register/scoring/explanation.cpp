// Pair-score evidence as JSON (see explanation.hpp).
#include "register/scoring/explanation.hpp"

#include <cstdio>

namespace jobcenter::register_plugin {

boost::json::array evidence_json(const std::vector<Evidence>& evidence) {
    boost::json::array reasons;
    for (const auto& e : evidence) {
        char weight[16];
        std::snprintf(weight, sizeof weight, "%+.1f", e.weight);
        reasons.push_back(boost::json::object{{"field", e.field}, {"weight", weight}, {"detail", e.detail}});
    }
    return reasons;
}

}  // namespace jobcenter::register_plugin
