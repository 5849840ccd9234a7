// Field survivorship of golden records: the most common value wins, ties go to the oldest record, a
// person's choice wins over both, and without a valid business ID the invalid one is shown.
#include <gtest/gtest.h>

#include "register/clustering/golden_record.hpp"

namespace {
using namespace jobcenter::register_plugin;

// Positions of the golden fields the tests look at.
namespace field {
constexpr std::size_t name = index_of(Golden::name);
constexpr std::size_t business_id = index_of(Golden::business_id);
constexpr std::size_t phone = index_of(Golden::phone);
}  // namespace field

SourceValues source(std::int64_t id, const std::string& unit, const std::string& shown_name,
                    const std::string& shown_phone = "", const std::string& phone_key = "") {
    SourceValues s;
    s.record_id = id;
    s.unit = unit;
    s.source_id = std::string("r").append(std::to_string(id));
    s.shown[field::name] = s.compare[field::name] = shown_name;
    s.shown[field::phone] = shown_phone;
    s.compare[field::phone] = phone_key.empty() ? shown_phone : phone_key;
    return s;
}

TEST(GoldenRecord, MostCommonValueWinsAndTiesGoToTheOldestRecord) {
    std::vector<SourceValues> sources{source(5, "a", "Esimerkki Oy"), source(7, "b", "ESIMERKKI"),
                                      source(9, "c", "ESIMERKKI")};
    auto golden = choose_golden(sources);
    EXPECT_EQ(golden.fields[field::name].value, "ESIMERKKI");
    EXPECT_EQ(golden.fields[field::name].record_id, 7);
    EXPECT_EQ(golden.fields[field::name].agreeing, 2u);
    EXPECT_EQ(golden.fields[field::name].with_value, 3u);

    sources.pop_back();
    golden = choose_golden(sources);
    EXPECT_EQ(golden.fields[field::name].value, "Esimerkki Oy") << "a tie goes to the oldest record";
}

TEST(GoldenRecord, ValuesAreGroupedByTheirNormalisedKeyAndShownAsTheOldestRecordGaveThem) {
    std::vector<SourceValues> sources{source(1, "a", "X", "09 123 4567", "+35891234567"),
                                      source(2, "b", "X", "+358 9 1234567", "+35891234567"),
                                      source(3, "c", "X", "040 111 2222", "+358401112222")};
    auto golden = choose_golden(sources);
    EXPECT_EQ(golden.fields[field::phone].value, "09 123 4567");
    EXPECT_EQ(golden.fields[field::phone].agreeing, 2u);
}

TEST(GoldenRecord, APersonsChoiceWinsUnlessItsRecordHasNoValue) {
    std::vector<SourceValues> sources{source(1, "a", "Esimerkki Oy", "09 123 4567"), source(2, "b", "Esimerkki Oy"),
                                      source(3, "c", "Esimerkki Siivous Oy")};
    auto golden = choose_golden(sources, {{field::name, {3, 42}}, {field::phone, {2, 42}}});
    EXPECT_EQ(golden.fields[field::name].value, "Esimerkki Siivous Oy");
    EXPECT_EQ(golden.fields[field::name].chosen_in, 42);
    EXPECT_EQ(golden.fields[field::phone].value, "09 123 4567") << "record 2 has no phone: the choice cannot apply";
    EXPECT_EQ(golden.fields[field::phone].chosen_in, 0);

    auto stale = choose_golden(sources, {{field::name, {99, 42}}});
    EXPECT_EQ(stale.fields[field::name].value, "Esimerkki Oy") << "a choice of a record that left the orderer is ignored";
}

TEST(GoldenRecord, WithoutAValidBusinessIdTheMostCommonInvalidOneIsShown) {
    std::vector<SourceValues> sources{source(1, "a", "X"), source(2, "b", "X"), source(3, "c", "X")};
    sources[0].business_id_raw = "1234567-2";
    sources[1].business_id_raw = "1234567-2";
    sources[2].business_id_raw = "7654321-0";
    auto golden = choose_golden(sources);
    EXPECT_TRUE(golden.fields[field::business_id].value.empty());
    EXPECT_EQ(golden.business_id_raw, "1234567-2");

    sources[2].shown[field::business_id] = sources[2].compare[field::business_id] = "7654321-0";
    golden = choose_golden(sources);
    EXPECT_EQ(golden.fields[field::business_id].value, "7654321-0") << "a valid business ID wins over invalid ones";
    EXPECT_EQ(golden.business_id_raw, "7654321-0");
}

TEST(GoldenRecord, ProvenanceNamesTheSourceAndTheRule) {
    std::vector<SourceValues> sources{source(1, "pakila", "Esimerkki Oy"), source(2, "uusix", "Esimerkki Oy")};
    auto json = provenance_json(choose_golden(sources), sources);
    const auto& n = json.at("name").as_object();
    EXPECT_EQ(n.at("from").as_string(), "pakila/r1");
    EXPECT_EQ(n.at("rule").as_string(), "most common (2 of 2 sources)");
    EXPECT_FALSE(json.contains("phone"));
}

}  // namespace
