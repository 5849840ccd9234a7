// Where an orderer, or a name about to be entered, sits in the City's tree (organisation -> division -> site),
// for `register show` and the entry-time check.
#pragma once

#include <boost/json.hpp>
#include <cstdint>
#include <optional>
#include <string>

#include "jobcenter/database.hpp"

namespace jobcenter::register_plugin {

struct TreePlaceKeys {
    std::string name_key, department_key, business_id;
    bool names_the_city = false;
};

// How a place's division is known: named by the record, or read from its kind of site (a site named without
// its division, "Päiväkoti Koivurinne" with the City's business ID).
enum class DivisionSource { name, kind_of_site };

struct PlaceInTree {
    std::string division;  // canonical division key, "" when neither the name nor the kind of site gives one
    std::string site;      // the site's words, "" for the division or the City itself
    std::optional<std::int64_t> division_orderer;  // the orderer of the division's bare name, when registered
    DivisionSource division_from = DivisionSource::name;
};

// The place of a record with these keys, or nothing when it is not in the City's tree.
std::optional<PlaceInTree> place_of(Database& db, const TreePlaceKeys& keys);

// The place of an orderer: that of its lowest-numbered source record in the tree that names its division,
// else of its lowest-numbered one in the tree; nothing when none is.
std::optional<PlaceInTree> place_of_orderer(Database& db, std::int64_t orderer);

// {"organisation", "division", "division_from" ("name", "kind_of_site"; null without a division), "site",
// "division_orderer"} and, for a division's own orderer, its "sites" (up to `most_sites` orderers, with
// "sites_count"): those whose records name the division, and those whose kind of site says it.
boost::json::object place_json(Database& db, const PlaceInTree& place, std::int64_t self, std::size_t most_sites = 50);

}  // namespace jobcenter::register_plugin
