// A deterministic generator of realistic Finnish orderer registers with known truth, for the register
// plugin's quality and speed benchmarks (issue 3, "Quality"): several units each keep their own list
// of employers/orderers, and the same orderer shows up in several lists under noisy variants of its
// name, business ID, address, phone, email and contact person. Every record carries the id of the
// entity it was made from (true_id), so pairwise precision/recall of a deduplication can be computed.
//
// The output depends only on the options: the generator uses its own PRNG (xoshiro256** seeded by
// splitmix64) and its own uniform/choice helpers, never the implementation-defined std distributions,
// std::shuffle or unordered-container iteration order.
//
// Three classes that decide a register's precision in Helsinki (issue 20) come on top, each an option
// (GeneratorOptions::classic() turns all three off and gives the output of before, byte for byte):
// - City of Helsinki sites: the City (0201256-6) as organisation -> division -> site; every site an
//   entity of its own, known to several units under several spellings, many sharing the head office's
//   mailbox, business ID and sometimes its street. The default 0.04 of entities follows the units' own
//   lists, where the City's sites are some 3-5 % of orderers; the City has 1,136 sites here (16 kinds
//   of site in 50 districts, and 336 day-care centres and playgrounds with names of their own, about
//   as many as Helsinki runs), so from about 28,400 entities (47,000 records) on, all of them are there
//   and their share falls as the register grows.
// - Namesakes: private persons and sole traders named from the 10 commonest surnames and 12 commonest
//   first names (120 full names), each at a street of their own. The default 0.08 of entities makes a
//   full name recur about 4 times at 10,000 records, 40 at 100,000 and 400 at 1,000,000.
// - Excel damage: the files of 2 of the units (chosen by the seed) saved from Excel with numeric
//   columns, as two of the seven units of the benchmarks keep their lists.
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
    // Share of entities that are sites of a City of Helsinki division (category public_site), up to the
    // 1,136 sites the generator knows; each gets extra copies as often as a City unit.
    double city_site_share = 0.04;
    // Share of entities that are namesakes (private_person or sole_trader with a common Finnish name).
    double namesake_share = 0.08;
    // How many units' files are saved from Excel with numeric columns (GeneratedRecord::excel_saved),
    // chosen by the seed; all of them when there are fewer units.
    std::size_t excel_units = 2;

    // The output of before the three classes: no City sites, no namesakes, no Excel damage.
    GeneratorOptions& classic() {
        city_site_share = 0.0;
        namesake_share = 0.0;
        excel_units = 0;
        return *this;
    }

    // For the benchmarks and the crash trials: the classic registers when JOBCENTER_BENCH_REGISTERS is
    // "classic" (their figures measured before 2026-12-07 were on those), else the default ones.
    GeneratorOptions& as_environment_says();
};

struct GeneratedRecord {
    std::string unit, source_id, name, business_id, street, postcode, city, phone, email, contact_person;
    std::string true_id;
    // Not part of a unit's register; for tests and per-kind figures. category is one of company,
    // housing_company, chain_store, association, foundation, parish, public_division (a City division,
    // the parent of its sites), public_site (a site of a City division: day-care centre, library, ...),
    // public_unit (a City unit named without its division), public_body, private_person, sole_trader
    // (a one-person firm named after its owner). noise: 0 = the entity's first record (clean apart from
    // its unit's habits and gaps), 1 = easy copy, 2 = medium copy, 3 = hard copy.
    std::string_view category;
    int noise = 0;
    // The entity is a namesake (a private_person or sole_trader named from the commonest names); the
    // other private persons are named from the whole lists.
    bool namesake = false;
    // The record's unit saves its file from Excel with numeric columns: the record holds what the unit
    // typed, and registers_csv writes its postcode, phone and business ID as excel_number gives them.
    bool excel_saved = false;
};

// Exactly options.records records, grouped by unit in the order of options.units, each unit's records
// in increasing source_id order; source_id is unique within a unit. Throws std::invalid_argument for an
// empty unit list, a duplicate_share outside [0, 0.95], or a city_site_share or namesake_share below 0
// or above 1 together.
std::vector<GeneratedRecord> generate_registers(const GeneratorOptions& options);

// What Excel writes for a cell of a numeric column: a value of ASCII digits only loses its leading
// zeros ("00530" -> "530", "0401112222" -> "401112222", "02012566" -> "2012566"); any other value,
// such as "040-111 2222" or "0201256-6", is text and stays as it is.
std::string excel_number(std::string_view value);

// The record as its unit's file holds it: excel_number applied to postcode, phone and business ID when
// the record is excel_saved, the record itself otherwise.
GeneratedRecord as_saved(const GeneratedRecord& record);

// How the register CSV is written. The default is what Excel's "CSV (semicolon)" save gives with UTF-8
// text: ';' between fields, CRLF line ends, no byte-order mark.
struct CsvStyle {
    bool bom = false;
    bool crlf = true;
};

// The records as saved (as_saved). Header: unit;id;Yritys;Y-tunnus;Katuosoite;Postinumero;Postitoimipaikka;Puhelin;Sähköposti;Yhteyshenkilö
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
    std::size_t excel_saved_records = 0;  // records of units whose files Excel saved
};

GeneratorStats summarize(const std::vector<GeneratedRecord>& records);
std::string format_stats(const GeneratorStats& stats);

}  // namespace jobcenter::testing
