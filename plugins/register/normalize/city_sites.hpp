// The sites of an organisation with one business ID (the City of Helsinki's service centres, day-care centres,
// libraries): where a record sits in the tree organisation -> division -> site, and whether two site names
// name one site. A site is an orderer of its own; its division's bare name is its parent, never its duplicate.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace jobcenter::register_plugin::city_sites {

// The City of Helsinki's business ID: records carrying it belong to the City's tree whatever their name says.
inline constexpr std::string_view city_business_id = "0201256-6";

// Where a record of the City's tree sits: its division (a canonical division, or empty when the record does
// not name one) and the words naming its site within the division (empty for the division or the City itself).
struct TreePlace {
    std::string_view division;
    std::string_view site;
};

// `name_key` and `department_key` as normalize_name gives them. A record that names the City reads its place
// from them; one that does not (only the business ID says it is the City's) is a site of an unknown division,
// its whole name the site's.
TreePlace place_in_tree(std::string_view name_key, std::string_view department_key, bool names_the_city);

// The division that runs the site's kind where one division runs every site of that kind ("paivakoti",
// "kirjasto"); empty when the name has no kind or an ambiguous one ("pk": a service or a day-care centre).
// For a site named without its division: the City's business ID and "Päiväkoti Koivurinne".
std::string_view division_running(std::string_view site);

enum class SiteLikeness {
    same,       // the same district and kind of site, spelt alike, abbreviated or in Swedish
    different,  // another district or another kind of site
    unclear,    // too little to tell
};

// Compares two non-empty site names word by word: kinds of site ("pk", "palvelukeskus", "servicecentral")
// and Swedish district names are read as their Finnish words, genitives and one typo are allowed.
SiteLikeness compare_sites(std::string_view a, std::string_view b);

// A site name's words as compared: each kind of site as its Finnish word, each Swedish district name as the
// Finnish one. "malms servicecentral" -> {"malmi", "palvelukeskus"}.
std::vector<std::string> site_words(std::string_view site);

}  // namespace jobcenter::register_plugin::city_sites
