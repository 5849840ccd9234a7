// Distances between postcodes from the approximate centres in table postcode_area.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "jobcenter/database.hpp"

namespace jobcenter::matching {

class PostcodeAreas {
public:
    static PostcodeAreas load(Database& db);
    // Straight-line kilometres between the two areas' centres, or nullopt when either is unknown.
    std::optional<double> distance_km(const std::optional<std::string>& a, const std::optional<std::string>& b) const;

private:
    struct Centre {
        double latitude;
        double longitude;
    };
    std::map<std::string, Centre, std::less<>> centres_;
};

}  // namespace jobcenter::matching
