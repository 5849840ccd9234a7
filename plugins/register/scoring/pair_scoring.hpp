// Scoring a pair of records: per-field evidence in log2 odds, weighted by how rare the shared value is,
// with the reasons kept for explanations. The rules (weights, thresholds) come from register.lua.
#pragma once

#include <string>
#include <vector>

#include "register/index/blocking_rules.hpp"
#include "register/index/record_index.hpp"

namespace jobcenter::register_plugin {

// Weights and thresholds, in log2 odds, and the blocking keys. The built-in values are the only ones
// the project writes down in code; register.lua sets what a unit changes, docs/scripts.md lists them all.
struct MatchRules {
    double link_score = 6;     // at or above: the same orderer
    double review_score = 1;   // at or above (and below link): for a person to decide
    double business_id_equal = 10;
    double business_id_different = -14;  // two valid, different business IDs: different legal entities
    double department_equal = 4;         // City of Helsinki divisions: the department decides
    double department_different = -14;
    double site_equal = 4;         // one site of an organisation's tree, spelt alike, abbreviated or in Swedish
    double site_different = -14;   // two sites, or a division and one of its sites: two orderers
    double namesakes_apart = -14;  // persons of one name at different streets, no personal phone or email shared
    double name_weight = 16;   // evidence = name_weight x similarity - name_offset
    double name_offset = 8;
    double phone_equal = 7;
    double phone_different = -1;
    double email_equal = 7;
    double email_generic_equal = 4;  // info@, toimisto@: the firm's mailbox, not a person
    double email_domain_equal = 2;
    double address_equal = 7;
    double address_similar = 5;     // the same house number on a street spelt a little differently
    double address_different = -6;  // two full street addresses (street and number) of different buildings
    double address_unclear = -1;    // the addresses differ, but one lacks a house number or is a PO box
    // The share of a shared phone's or mailbox's weight that counts when the records are at two different
    // buildings: there it is as likely the organisation's (a head office's number) as the site's.
    double contact_at_other_building = 0.5;
    double postcode_different = -2; // no street to compare, but the postcodes differ
    double legal_form_different = -3;
    double sharing_penalty = 2;  // subtracted per doubling of the distinct names sharing a value
    std::size_t review_per_orderer = 3;  // open review items an orderer is in at a time (its strongest)
    BlockingRules blocking;      // which pairs are compared at all
};

struct Evidence {
    std::string field;   // "business_id", "name", "phone", ...
    double weight;       // log2 odds it adds
    std::string detail;  // "both 1234567-1", "similarity 0.92", "shared by 14 names"
};

struct PairScore {
    double score = 0;
    bool hard_negative = false;  // a fact that forbids linking: different business IDs, divisions or sites, namesakes
};

// Scores a against b. When `explain` is given, every piece of evidence is appended to it.
PairScore score_pair(const RecordIndex& index, const IndexedRecord& a, const IndexedRecord& b, const MatchRules& rules,
                     std::vector<Evidence>* explain = nullptr);

// Soft TF-IDF cosine of the two names' tokens (equal, one edit apart, or abbreviation prefixes count).
double name_similarity(const RecordIndex& index, const IndexedRecord& a, const IndexedRecord& b);
// A name's words with the weights to compare them by (a record's, or as they weighed in another register).
struct WeighedName {
    std::uint32_t name;  // the whole name key's value id
    const NameToken* tokens;
    std::uint32_t token_count;
    float name_norm;     // Euclidean norm of the tokens' weights
};
double name_similarity(const RecordIndex& index, const WeighedName& a, const WeighedName& b);

// Match probability of a score in log2 odds.
double probability(double score);

}  // namespace jobcenter::register_plugin
