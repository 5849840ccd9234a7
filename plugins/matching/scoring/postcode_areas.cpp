// Loading postcode centres and the great-circle distance between two of them.
#include "matching/scoring/postcode_areas.hpp"

#include <cmath>

namespace jobcenter::matching {

PostcodeAreas PostcodeAreas::load(Database& db) {
    PostcodeAreas areas;
    auto q = db.prepare("SELECT postcode, latitude, longitude FROM postcode_area");
    while (q.step()) areas.centres_.emplace(q.get_text(0), Centre{q.get_double(1), q.get_double(2)});
    return areas;
}

std::optional<double> PostcodeAreas::distance_km(const std::optional<std::string>& a, const std::optional<std::string>& b) const {
    if (!a || !b) return std::nullopt;
    auto from = centres_.find(*a), to = centres_.find(*b);
    if (from == centres_.end() || to == centres_.end()) return std::nullopt;
    constexpr double earth_radius_km = 6371.0, radians = 3.14159265358979323846 / 180.0;
    const double dlat = (to->second.latitude - from->second.latitude) * radians;
    const double dlon = (to->second.longitude - from->second.longitude) * radians;
    const double h = std::sin(dlat / 2) * std::sin(dlat / 2) + std::cos(from->second.latitude * radians) *
                                                                 std::cos(to->second.latitude * radians) *
                                                                 std::sin(dlon / 2) * std::sin(dlon / 2);
    const double km = 2 * earth_radius_km * std::asin(std::sqrt(h));
    return std::round(km * 10) / 10;
}

}  // namespace jobcenter::matching
