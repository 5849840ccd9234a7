// Unit tests of orderer categories: a source record's from its name (each legal form, the City's names and
// divisions, parishes) and an orderer's inferred from its records' by majority, ties in a fixed order.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "register/clustering/golden_record.hpp"
#include "register/clustering/orderer_category.hpp"
#include "register/normalize/normalize.hpp"

namespace {
using namespace jobcenter::register_plugin;

std::string category_of(const std::string& name) {
    const NormalizedName n = normalize_name(name);
    return std::string(category_name(record_category(n.key, n.legal_form, n.city_of_helsinki)));
}

TEST(RegisterOrdererCategory, CompanyLegalForms) {
    for (const char* name : {"Esimerkki Oy", "Oy Esimerkki Ab", "Esimerkki Ab", "Esimerkki Oyj", "Siivous Puhdas Ky",
                             "Rakennus Virtanen Ay", "Tmi Merja Nieminen", "Toiminimi Merja Nieminen",
                             "Asunto Oy Kalliontie 5", "Esimerkki Ltd", "Beispiel GmbH"})
        EXPECT_EQ(category_of(name), "company") << name;
}

TEST(RegisterOrdererCategory, AssociationsFoundationsAndParishes) {
    EXPECT_EQ(category_of("Väylä ry"), "association");
    EXPECT_EQ(category_of("Väylä r.y."), "association");
    EXPECT_EQ(category_of("Pakilan Omakotiyhdistys"), "association") << "a word ending in yhdistys";
    EXPECT_EQ(category_of("Helsingin Kotiseutuyhdistys"), "association");
    EXPECT_EQ(category_of("Alfred Kordelinin säätiö"), "foundation");
    EXPECT_EQ(category_of("Kordelin sr"), "foundation");
    EXPECT_EQ(category_of("Kulttuurisäätiö"), "foundation");
    EXPECT_EQ(category_of("Kallion seurakunta"), "parish");
    EXPECT_EQ(category_of("Helsingin seurakuntayhtymä"), "parish");
    EXPECT_EQ(category_of("Seurakuntaopisto Oy"), "company") << "a company whose name begins with a parish word";
}

TEST(RegisterOrdererCategory, TheCityItsDivisionsAndSites) {
    EXPECT_EQ(category_of("Helsingin kaupunki"), "city");
    EXPECT_EQ(category_of("Helsingin kaupunki, Kasvatuksen ja koulutuksen toimiala"), "city");
    EXPECT_EQ(category_of("Hki / Kulttuurin ja vapaa-ajan toimiala, Malmin palvelukeskus"), "city");
    EXPECT_EQ(category_of("Helsingfors stad"), "city");
}

TEST(RegisterOrdererCategory, ANameThatTellsNothingIsUnknown) {
    EXPECT_EQ(category_of("Merja Nieminen"), "unknown");
    EXPECT_EQ(category_of("Kukkakauppa Virtanen"), "unknown");
}

TEST(RegisterOrdererCategory, MajorityOfTheRecordsThatTellOneTiesInAFixedOrder) {
    using C = OrdererCategory;
    EXPECT_EQ(inferred_category(std::vector<C>{}), C::unknown);
    EXPECT_EQ(inferred_category(std::vector<C>{C::unknown, C::unknown}), C::unknown);
    EXPECT_EQ(inferred_category(std::vector<C>{C::unknown, C::unknown, C::association}), C::association)
        << "records that tell none do not vote";
    EXPECT_EQ(inferred_category(std::vector<C>{C::company, C::association, C::association}), C::association);
    EXPECT_EQ(inferred_category(std::vector<C>{C::association, C::company}), C::company) << "a tie: company before association";
    EXPECT_EQ(inferred_category(std::vector<C>{C::parish, C::city}), C::city);
    EXPECT_EQ(inferred_category(std::vector<C>{C::foundation, C::parish}), C::foundation);
}

TEST(RegisterOrdererCategory, TheGoldenRecordInfersItFromItsSources) {
    std::vector<SourceValues> sources(3);
    for (std::size_t i = 0; i < sources.size(); ++i) sources[i].record_id = static_cast<std::int64_t>(i + 1);
    sources[0].category = OrdererCategory::unknown;
    sources[1].category = OrdererCategory::company;
    sources[2].category = OrdererCategory::company;
    const GoldenRecord golden = choose_golden(sources);
    EXPECT_EQ(golden.category, OrdererCategory::company);
    EXPECT_EQ(golden.category_source, CategorySource::inferred);
}

TEST(RegisterOrdererCategory, NamesOfTheSchemasCategories) {
    for (auto name : orderer_category_names) EXPECT_EQ(category_name(*category_named(name)), name);
    EXPECT_FALSE(category_named("firm"));
    EXPECT_FALSE(category_named("Company"));
}

}  // namespace
