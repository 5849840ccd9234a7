// The generator of Finnish unit registers with known truth (tests/generator): determinism, counts,
// ids, the hard cases it promises (City of Helsinki divisions sharing one business ID, chain stores
// sharing a brand) and CSV that parses back.
#include <gtest/gtest.h>

#include <cctype>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "generator/register_generator.hpp"
#include "generator/unit/generator_sample.hpp"
#include "generator/unit/csv_rows.hpp"
#include "jobcenter/fnv1a.hpp"
#include "support/test_support.hpp"

namespace {
using jobcenter::testing::GeneratedRecord;
using jobcenter::testing::GeneratorOptions;
using jobcenter::testing::generate_registers;

using jobcenter::testing::options_with;
using jobcenter::testing::sample;

std::vector<std::string> fields_of(const GeneratedRecord& r) {
    return {r.unit, r.source_id, r.name, r.business_id, r.street, r.postcode, r.city, r.phone, r.email,
            r.contact_person, r.true_id};
}

bool same(const std::vector<GeneratedRecord>& a, const std::vector<GeneratedRecord>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (fields_of(a[i]) != fields_of(b[i])) return false;
    return true;
}

// Digits of a business ID as a unit wrote it (1234567-8, 12345678, FI12345678, 1234567 - 8).
std::string id_digits(const std::string& written) {
    std::string out;
    for (char c : written)
        if (c >= '0' && c <= '9') out += c;
    return out;
}

bool valid_business_id(const std::string& digits) {
    if (digits.size() != 8) return false;
    static constexpr int kWeights[7] = {7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 7; ++i) sum += (digits[static_cast<std::size_t>(i)] - '0') * kWeights[i];
    const int r = sum % 11;
    if (r == 1) return false;
    return digits[7] - '0' == (r == 0 ? 0 : 11 - r);
}

TEST(RegisterGenerator, SameOptionsGiveTheSameRecords) {
    const auto a = generate_registers(options_with(42, 3000));
    const auto b = generate_registers(options_with(42, 3000));
    EXPECT_TRUE(same(a, b));
    const auto c = generate_registers(options_with(43, 3000));
    EXPECT_FALSE(same(a, c));
}

// The output must not depend on the platform or the standard library (the generator has its own PRNG
// and draws). These fingerprints pin seed 1's first 300 records without the classes of issue 20 (the
// output of before them) and seed 1's 3,000 records with them; when the generator is changed on purpose,
// benchmark figures change too: update the value and say so in docs/performance.md.
TEST(RegisterGenerator, OutputIsPinnedAcrossPlatforms) {
    const std::string csv = jobcenter::testing::registers_csv(generate_registers(options_with(1, 300).classic()), true);
    const std::uint64_t hash = jobcenter::fnv1a(csv);
    EXPECT_EQ(hash, 0xcda1147892893427ULL) << "fingerprint 0x" << std::hex << hash;
    const std::string extended = jobcenter::testing::registers_csv(generate_registers(options_with(1, 3000)), true);
    const std::uint64_t extended_hash = jobcenter::fnv1a(extended);
    EXPECT_EQ(extended_hash, 0x8a3a95c212a8eae7ULL) << "fingerprint 0x" << std::hex << extended_hash;
}

TEST(RegisterGenerator, GivesExactlyTheRecordsAskedFor) {
    for (std::size_t n : {0u, 1u, 2u, 7u, 99u, 1000u, 4321u}) {
        EXPECT_EQ(generate_registers(options_with(3, n)).size(), n) << n;
    }
    GeneratorOptions no_duplicates = options_with(5, 2000);
    no_duplicates.duplicate_share = 0.0;
    const auto records = generate_registers(no_duplicates);
    ASSERT_EQ(records.size(), 2000u);
    std::set<std::string> ids;
    for (const auto& r : records) ids.insert(r.true_id);
    EXPECT_EQ(ids.size(), 2000u);

    GeneratorOptions heavy = options_with(5, 500);
    heavy.duplicate_share = 0.95;
    heavy.units = {"one"};
    EXPECT_EQ(generate_registers(heavy).size(), 500u);
}

TEST(RegisterGenerator, RejectsBadOptions) {
    GeneratorOptions no_units = options_with(1, 10);
    no_units.units.clear();
    EXPECT_THROW(generate_registers(no_units), std::invalid_argument);
    GeneratorOptions too_many = options_with(1, 10);
    too_many.duplicate_share = 0.99;
    EXPECT_THROW(generate_registers(too_many), std::invalid_argument);
}

TEST(RegisterGenerator, SourceIdsAreUniquePerUnitAndGroupedByUnit) {
    const auto& records = sample();
    ASSERT_EQ(records.size(), 10000u);
    std::set<std::pair<std::string, std::string>> keys;
    const std::vector<std::string> units = GeneratorOptions{}.units;
    std::size_t unit_index = 0;
    for (const auto& r : records) {
        EXPECT_TRUE(keys.emplace(r.unit, r.source_id).second) << r.unit << " " << r.source_id;
        ASSERT_EQ(r.source_id.size(), 8u);
        EXPECT_EQ(r.source_id.substr(0, 2), "U-");
        while (unit_index < units.size() && units[unit_index] != r.unit) ++unit_index;
        ASSERT_LT(unit_index, units.size()) << "unit out of order: " << r.unit;
    }
}

TEST(RegisterGenerator, OriginalBusinessIdsHaveValidCheckDigits) {
    std::size_t checked = 0, invalid_copies = 0;
    for (const auto& r : sample()) {
        if (r.business_id.empty()) continue;
        if (r.noise == 0) {
            EXPECT_TRUE(valid_business_id(id_digits(r.business_id))) << r.business_id << " " << r.name;
            ++checked;
        } else if (!valid_business_id(id_digits(r.business_id))) {
            ++invalid_copies;
        }
    }
    EXPECT_GT(checked, 3000u);
    EXPECT_GT(invalid_copies, 20u);  // mistyped IDs exist among the copies
}

TEST(RegisterGenerator, HelsinkiDivisionsShareOneBusinessIdButAreSeparateEntities) {
    std::set<std::string> divisions, units;
    for (const auto& r : sample()) {
        if (r.noise != 0) continue;
        if (r.category == "public_division") {
            EXPECT_EQ(id_digits(r.business_id).empty() ? "02012566" : id_digits(r.business_id), "02012566");
            std::string prefix = r.name.substr(0, 20);
            for (char& c : prefix) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            EXPECT_EQ(prefix, "helsingin kaupunki, ") << r.name;
            divisions.insert(r.true_id);
        } else if (r.category == "public_unit") {
            units.insert(r.true_id);
        }
    }
    EXPECT_GE(divisions.size(), 5u);
    EXPECT_GE(units.size(), 10u);
}

TEST(RegisterGenerator, ChainStoresOfOneBrandAreDistinctEntities) {
    std::map<std::string, std::set<std::string>> ids_by_brand;
    for (const auto& r : sample()) {
        if (r.noise != 0 || r.category != "chain_store") continue;
        const std::string brand = r.name.substr(0, r.name.find(' '));
        ids_by_brand[brand].insert(r.true_id);
    }
    std::size_t shared_brands = 0;
    for (const auto& [brand, ids] : ids_by_brand)
        if (ids.size() >= 2) ++shared_brands;
    EXPECT_GE(shared_brands, 1u);
    // Every store has a business ID of its own.
    std::map<std::string, std::string> owner_of_business_id;
    for (const auto& r : sample()) {
        if (r.category != "chain_store" || r.noise != 0 || r.business_id.empty()) continue;
        const auto [it, inserted] = owner_of_business_id.emplace(id_digits(r.business_id), r.true_id);
        if (!inserted) {
            EXPECT_EQ(it->second, r.true_id) << "two chain stores share a business ID";
        }
    }
}

TEST(RegisterGenerator, EntitiesRecurAcrossUnitsWithNoise) {
    std::map<std::string, std::set<std::string>> units_of;
    std::size_t copies = 0;
    for (const auto& r : sample()) {
        units_of[r.true_id].insert(r.unit);
        if (r.noise > 0) ++copies;
    }
    std::size_t multi_unit = 0;
    for (const auto& [id, units] : units_of)
        if (units.size() >= 2) ++multi_unit;
    EXPECT_GT(multi_unit, 1000u);
    EXPECT_EQ(copies, 4000u);  // duplicate_share 0.4 of 10,000
    EXPECT_EQ(units_of.size(), 6000u);
}

TEST(RegisterGenerator, PostcodesMatchTheCity) {
    std::size_t seen = 0;
    for (const auto& r : sample()) {
        if (r.noise != 0 || r.postcode.empty()) continue;
        ASSERT_EQ(r.postcode.size(), 5u) << r.postcode;
        const std::string expected = r.city == "Helsinki" ? "00" : r.city == "Vantaa" ? "01" : r.city == "Espoo" ? "02" : "";
        if (!expected.empty()) {
            EXPECT_EQ(r.postcode.substr(0, 2), expected) << r.postcode << " " << r.city;
        }
        ++seen;
    }
    EXPECT_GT(seen, 4000u);
}

TEST(RegisterGenerator, CsvParsesBack) {
    jobcenter::testing::TempDir dir;
    const auto& records = sample();
    const auto path = dir / "registers.csv";
    jobcenter::testing::write_registers_csv(records, path, true);
    const std::string text = jobcenter::testing::read_file(path);
    EXPECT_NE(text.find('"'), std::string::npos) << "some field should need quoting";
    const auto rows = jobcenter::testing::csv_rows(text);
    ASSERT_EQ(rows.size(), records.size() + 1);
    EXPECT_EQ(rows[0], (std::vector<std::string>{"unit", "id", "Yritys", "Y-tunnus", "Katuosoite", "Postinumero",
                                                 "Postitoimipaikka", "Puhelin", "Sähköposti", "Yhteyshenkilö",
                                                 "true_id"}));
    for (std::size_t i = 0; i < records.size(); ++i) {
        ASSERT_EQ(rows[i + 1], fields_of(jobcenter::testing::as_saved(records[i]))) << "row " << i + 1;
    }

    const auto plain_path = dir / "plain.csv";
    jobcenter::testing::write_registers_csv(records, plain_path, false);
    const auto plain_rows = jobcenter::testing::csv_rows(jobcenter::testing::read_file(plain_path));
    ASSERT_EQ(plain_rows.size(), records.size() + 1);
    EXPECT_EQ(plain_rows[0].size(), 10u);
    EXPECT_EQ(plain_rows[1].size(), 10u);
}

TEST(RegisterGenerator, QuotesOnlyWhenNeeded) {
    GeneratedRecord r;
    r.unit = "u";
    r.source_id = "U-000001";
    r.name = "Ravintola \"Kala\" Oy";
    r.street = "Mannerheimintie 1\nB 2";
    r.contact_person = "Matti Virtanen; Anna Laine";
    r.email = "a,b@x.fi";
    r.true_id = "E1";
    const std::string csv = jobcenter::testing::registers_csv({r}, false, {});
    const std::string expected_row =
        "u;U-000001;\"Ravintola \"\"Kala\"\" Oy\";;\"Mannerheimintie 1\nB 2\";;;;a,b@x.fi;\"Matti Virtanen; Anna Laine\"\r\n";
    EXPECT_EQ(csv.substr(csv.find("\r\n") + 2), expected_row);
}

TEST(RegisterGenerator, TruthFileHasItsHeader) {
    jobcenter::testing::TempDir dir;
    const auto path = dir / "truth.csv";
    const auto records = generate_registers(options_with(11, 500));
    jobcenter::testing::write_truth_csv(records, path);
    const std::string text = jobcenter::testing::read_file(path);
    ASSERT_EQ(text.rfind("unit,source_id,true_id\n", 0), 0u);
    std::size_t lines = 0;
    for (char c : text)
        if (c == '\n') ++lines;
    EXPECT_EQ(lines, 501u);
    EXPECT_NE(text.find(records[0].unit + "," + records[0].source_id + "," + records[0].true_id + "\n"),
              std::string::npos);
}

TEST(RegisterGenerator, SummaryCountsPairs) {
    const auto stats = jobcenter::testing::summarize(sample());
    EXPECT_EQ(stats.records, 10000u);
    EXPECT_EQ(stats.entities, 6000u);
    EXPECT_GT(stats.true_pairs, 4000u);
    EXPECT_LE(stats.cross_unit_pairs, stats.true_pairs);
    EXPECT_EQ(stats.records_per_noise[0], 6000u);
    EXPECT_FALSE(jobcenter::testing::format_stats(stats).empty());
}

}  // namespace

namespace {

// True when `text` is well-formed UTF-8 (no truncated or stray continuation bytes).
bool is_valid_utf8(const std::string& text) {
    for (std::size_t i = 0; i < text.size();) {
        auto c = static_cast<unsigned char>(text[i]);
        std::size_t length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        if (length == 0 || i + length > text.size()) return false;
        for (std::size_t k = 1; k < length; ++k)
            if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return false;
        i += length;
    }
    return true;
}

TEST(RegisterGenerator, WritesWellFormedUtf8) {
    // Initials of names such as "Äijälä" once cut a letter in half, and the importer then read the whole
    // file as Windows-1252.
    for (std::uint64_t seed : {1u, 7u}) {
        GeneratorOptions options;
        options.seed = seed;
        options.records = 20000;
        EXPECT_TRUE(is_valid_utf8(jobcenter::testing::registers_csv(generate_registers(options), true))) << seed;
    }
}

}  // namespace
