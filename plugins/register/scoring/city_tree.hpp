// Evidence from where two records sit in an organisation's tree (the City of Helsinki: organisation ->
// division -> site): two sites of one division are two orderers, and a division is its sites' parent.
#pragma once

#include <string>

#include "register/index/record_index.hpp"

namespace jobcenter::register_plugin {

enum class TreeRelation {
    none,               // not both in the City's tree, or nothing their places tell
    same_site,          // one site, spelt alike, abbreviated or in Swedish
    different_sites,    // two sites (another district or another kind of site)
    parent_and_site,    // the division's (or the City's) bare name and one of its sites
};

struct TreeEvidence {
    TreeRelation relation = TreeRelation::none;
    std::string site_a, site_b;  // the sites' words, for the explanation
};

// Whether a record belongs to the City's tree: its name names the City, or it carries the City's business ID.
bool in_city_tree(const RecordIndex& index, const IndexedRecord& r);

// Whether both records name a canonical division, and different ones.
bool different_divisions(const RecordIndex& index, const IndexedRecord& a, const IndexedRecord& b);

TreeEvidence compare_in_tree(const RecordIndex& index, const IndexedRecord& a, const IndexedRecord& b);

}  // namespace jobcenter::register_plugin
