// A deterministic generator of realistic Finnish orderer registers with known truth, for the register
// plugin's quality and speed benchmarks (issue 3, "Quality"): several units each keep their own list
// of employers/orderers, and the same orderer shows up in several lists under noisy variants of its
// name, business ID, address, phone, email and contact person. Every record carries the id of the
// entity it was made from (true_id), so pairwise precision/recall of a deduplication can be computed.
//
// The output depends only on the options: the generator uses its own PRNG (xoshiro256** seeded by
// splitmix64) and its own uniform/choice helpers, never the implementation-defined std distributions,
// std::shuffle or unordered-container iteration order.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace jobcenter::testing {

struct GeneratorOptions {
    std::uint64_t seed = 1;
    std::size_t records = 10000;
    std::vector<std::string> units = {"uusix", "avotyo", "pakila", "vallila", "capsa", "toolo", "tuettu"};
    // Share of records that are extra copies of an entity already present (in another unit mostly,
    // sometimes the same one). 0.4 with 10,000 records gives 6,000 entities and 4,000 extra copies.
    double duplicate_share = 0.4;
};

struct GeneratedRecord {
    std::string unit, source_id, name, business_id, street, postcode, city, phone, email, contact_person;
    std::string true_id;
    // Not part of a unit's register; for tests and per-kind figures. category is one of company,
    // housing_company, chain_store, association, foundation, parish, public_division, public_unit,
    // public_body, private_person. noise: 0 = the entity's first record (clean apart from its unit's
    // habits and gaps), 1 = easy copy, 2 = medium copy, 3 = hard copy.
    std::string_view category;
    int noise = 0;
};

// Exactly options.records records, grouped by unit in the order of options.units, each unit's records
// in increasing source_id order; source_id is unique within a unit. Throws std::invalid_argument for an
// empty unit list or a duplicate_share outside [0, 0.95].
std::vector<GeneratedRecord> generate_registers(const GeneratorOptions& options);

// How the register CSV is written. The default is what Excel's "CSV (semicolon)" save gives with UTF-8
// text: ';' between fields, CRLF line ends, no byte-order mark.
struct CsvStyle {
    bool bom = false;
    bool crlf = true;
};

// Header: unit;id;Yritys;Y-tunnus;Katuosoite;Postinumero;Postitoimipaikka;Puhelin;Sähköposti;Yhteyshenkilö
// (+ ;true_id). A field is quoted (RFC 4180, "" for ") only when it holds ';', '"', CR or LF.
std::string registers_csv(const std::vector<GeneratedRecord>& records, bool with_truth, const CsvStyle& style = {});
void write_registers_csv(const std::vector<GeneratedRecord>& records, const std::filesystem::path& path,
                         bool with_truth, const CsvStyle& style = {});

// unit,source_id,true_id with LF line ends: the truth file ../shared/tools/pairwise_f1.py reads
// (pairwise_f1.py TRUTH.csv unit,source_id true_id CLUSTERS.csv unit,source_id orderer_id).
std::string truth_csv(const std::vector<GeneratedRecord>& records);
void write_truth_csv(const std::vector<GeneratedRecord>& records, const std::filesystem::path& path);

struct GeneratorStats {
    std::size_t records = 0;
    std::size_t entities = 0;
    std::size_t duplicated_entities = 0;  // entities with two or more records
    std::size_t largest_entity = 0;       // most records of one entity
    std::size_t true_pairs = 0;           // pairs of records of the same entity
    std::size_t cross_unit_pairs = 0;     // ... kept by two different units
    std::vector<std::pair<std::string, std::size_t>> records_per_unit;      // in order of first appearance
    std::vector<std::pair<std::string, std::size_t>> records_per_category;  // sorted by name
    std::size_t records_per_noise[4] = {0, 0, 0, 0};
};

GeneratorStats summarize(const std::vector<GeneratedRecord>& records);
std::string format_stats(const GeneratorStats& stats);

}  // namespace jobcenter::testing
