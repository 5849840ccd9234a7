// Pair scoring and clustering of the register on small hand-made registers: business IDs, the City's
// divisions, shared switchboards, chaining, and order independence.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <sstream>

#include "register/clustering/clustering.hpp"
#include "register/index/count_steps.hpp"

namespace {
using namespace jobcenter::register_plugin;

struct ClusteringRow {
    std::int64_t id;
    std::string name, business_id, phone, email, street, postcode;
    bool helsinki = false;
    std::string department{};
};

RecordIndex build(const std::vector<ClusteringRow>& rows) {
    RecordIndex index;
    for (const auto& row : rows) {
        IndexedRecord r;
        r.id = row.id;
        r.name = index.intern(row.name);
        r.business_id = index.intern(row.business_id);
        r.phone = index.intern(row.phone);
        r.email = index.intern(row.email);
        r.street = index.intern(row.street);  // a street key as normalize_address makes it: "mannerheimintie 1"
        r.postcode = index.intern(row.postcode);
        r.city_of_helsinki = row.helsinki;
        r.department = index.intern(row.department);
        std::vector<std::string> tokens;
        std::istringstream words(row.name);
        for (std::string w; words >> w;) tokens.push_back(w);
        index.add(r, tokens);
    }
    index.finish();
    return index;
}

// Cluster of each record id, as the set of record ids it is with.
std::map<std::int64_t, std::vector<std::int64_t>> clusters_by_id(const RecordIndex& index, const Clustering& c) {
    std::map<std::uint32_t, std::vector<std::int64_t>> groups;
    for (std::uint32_t i = 0; i < index.size(); ++i) groups[c.cluster_of[i]].push_back(index.records[i].id);
    std::map<std::int64_t, std::vector<std::int64_t>> out;
    for (auto& [k, ids] : groups) {
        std::sort(ids.begin(), ids.end());
        for (auto id : ids) out[id] = ids;
    }
    return out;
}

bool together(const std::map<std::int64_t, std::vector<std::int64_t>>& c, std::int64_t a, std::int64_t b) {
    const auto& group = c.at(a);
    return std::find(group.begin(), group.end(), b) != group.end();
}

// Filler records so that token weights behave as in a real register.
std::vector<ClusteringRow> with_background(std::vector<ClusteringRow> rows) {
    const char* words[] = {"siivous", "kuljetus", "rakennus", "ravintola", "pesula", "kukka", "auto", "sahko"};
    for (int i = 0; i < 200; ++i)
        rows.push_back({1000 + i, std::string(words[i % 8]) + " tausta" + std::to_string(i), "", "", "", "", ""});
    return rows;
}

// The address evidence of records x and y with the default rules ("none" when there is none).
Evidence address_evidence(const RecordIndex& index, int x, int y) {
    std::vector<Evidence> why;
    score_pair(index, index.records[x], index.records[y], MatchRules{}, &why);
    for (const auto& e : why)
        if (e.field == "address") return e;
    return Evidence{"none", 0, ""};
}

// Counts weigh in steps: exact below 8, then four steps per doubling, each the largest step not above.
TEST(RegisterClustering, CountsWeighInStepsOfAQuarterDoubling) {
    for (std::uint64_t c = 0; c < 8; ++c) EXPECT_EQ(count_step(c), c);
    const std::uint64_t edges[] = {8, 9, 11, 13, 16, 18, 22, 26, 32, 36, 44, 52, 64};
    for (std::size_t k = 0; k + 1 < std::size(edges); ++k) {
        EXPECT_EQ(count_step(edges[k]), edges[k]);
        EXPECT_EQ(count_step(edges[k + 1] - 1), edges[k]);
    }
    EXPECT_EQ(count_step(1000000), 851968u);  // 13 << 16
    EXPECT_EQ(count_step(1048576), 1048576u);
    for (std::uint64_t c = 8; c < 100000; ++c) {  // never above the count, never a fifth below it
        ASSERT_LE(count_step(c), c);
        ASSERT_GT(count_step(c) * 5, c * 4) << c;
    }
}

TEST(RegisterClustering, SameBusinessIdAndSimilarNameLink) {
    auto index = build(with_background({{1, "esimerkki siivous", "1234567-1", "", "", "", ""},
                                        {2, "esimerki siivous", "1234567-1", "", "", "", ""}}));
    auto c = clusters_by_id(index, cluster_records(index, MatchRules{}));
    EXPECT_TRUE(together(c, 1, 2));
}

TEST(RegisterClustering, DifferentValidBusinessIdsNeverLink) {
    auto index = build(with_background({{1, "esimerkki", "1234567-1", "+35891234567", "", "", ""},
                                        {2, "esimerkki", "2077474-0", "+35891234567", "", "", ""}}));
    std::vector<Evidence> why;
    auto s = score_pair(index, index.records[0], index.records[1], MatchRules{}, &why);
    EXPECT_TRUE(s.hard_negative);
    auto c = clusters_by_id(index, cluster_records(index, MatchRules{}));
    EXPECT_FALSE(together(c, 1, 2));
}

TEST(RegisterClustering, CityDivisionsSharingTheBusinessIdStaySeparate) {
    auto index = build(with_background({
        {1, "helsingin kaupunki kasvatuksen ja koulutuksen toimiala", "0201256-6", "", "", "", "", true, "kasvatuksen ja koulutuksen toimiala"},
        {2, "helsingin kaupunki sosiaali ja terveystoimiala", "0201256-6", "", "", "", "", true, "sosiaali ja terveystoimiala"},
        {3, "helsingin kaupunki kasvatuksen ja koulutuksen toimiala", "0201256-6", "", "", "", "", true, "kasvatuksen ja koulutuksen toimiala"},
    }));
    auto c = clusters_by_id(index, cluster_records(index, MatchRules{}));
    EXPECT_TRUE(together(c, 1, 3));
    EXPECT_FALSE(together(c, 1, 2));
}

TEST(RegisterClustering, SharedSwitchboardAloneDoesNotLink) {
    std::vector<ClusteringRow> rows;
    const char* names[] = {"alfa", "beeta", "gamma", "delta", "epsilon", "zeeta", "eeta", "theeta", "ioota", "kappa", "lambda", "myy", "nyy"};
    for (int i = 0; i < 13; ++i)
        rows.push_back({i + 1, std::string(names[i]) + " konsultointi", "", "+35892000000", "", "", ""});
    auto index = build(with_background(rows));
    auto c = clusters_by_id(index, cluster_records(index, MatchRules{}));
    for (int i = 2; i <= 12; ++i) EXPECT_FALSE(together(c, 1, i)) << i;
}

TEST(RegisterClustering, OneWeakBridgeDoesNotChainTwoOrderers) {
    // 1-2 and 3-4 are clear pairs; 2 and 3 share a phone but have different business IDs.
    auto index = build(with_background({
        {1, "kallion kukka", "1234567-1", "+358401111111", "", "kalliontie 1", "00530"},
        {2, "kallion kukka", "", "+358402222222", "", "kalliontie 1", "00530"},
        {3, "pasilan kukka", "2077474-0", "+358402222222", "", "ratapihantie 2", "00520"},
        {4, "pasilan kukka", "2077474-0", "", "", "ratapihantie 2", "00520"},
    }));
    auto c = clusters_by_id(index, cluster_records(index, MatchRules{}));
    EXPECT_TRUE(together(c, 1, 2));
    EXPECT_TRUE(together(c, 3, 4));
    EXPECT_FALSE(together(c, 2, 3));
}

TEST(RegisterClustering, AStrongPairBetweenWeaklyAgreeingPartsIsLinkedAndMarkedAsAWeakBridge) {
    // 1, 2 and 6: one shop (same name and street). 3 shares 2's phone and mailbox under another name, with
    // no address: linked through 2, while 1 and 6 have little in common with it.
    auto index = build(with_background({
        {1, "kallion kukka", "", "", "", "fleminginkatu 5", "00530"},
        {6, "kallion kukka", "", "", "", "fleminginkatu 5", "00530"},
        {2, "kallion kukka", "", "+358401112222", "tilaukset@kallionkukka.fi", "fleminginkatu 5", "00530"},
        {3, "kallion kukkakauppa lindroos", "", "+358401112222", "tilaukset@kallionkukka.fi", "", ""},
        {4, "pasilan leipomo", "", "+35895551234", "", "ratapihantie 11", "00520"},
        {5, "pasilan leipomo", "", "+35895551234", "", "ratapihantie 11", "00520"},
    }));
    const MatchRules rules;
    const Clustering clustering = cluster_records(index, rules);
    auto c = clusters_by_id(index, clustering);
    ASSERT_TRUE(together(c, 1, 3)) << "the bridge is linked";
    std::vector<WeakBridge> ours;  // (the filler's look-alike names make bridges of their own)
    for (const auto& b : clustering.bridges)
        if (index.records[b.pair.a].id < 1000) ours.push_back(b);
    ASSERT_EQ(ours.size(), 1u) << "the clear pair 4-5 is no bridge";
    const WeakBridge& bridge = ours[0];
    EXPECT_EQ(index.records[bridge.pair.a].id, 2);
    EXPECT_EQ(index.records[bridge.pair.b].id, 3);
    ASSERT_EQ(bridge.part.size(), 1u);
    EXPECT_EQ(index.records[bridge.part[0]].id, 3);
    EXPECT_GE(bridge.pair.score, rules.link_score);
    EXPECT_LT(bridge.average, rules.link_score);
    EXPECT_GE(bridge.average, rules.review_score);
}

TEST(RegisterClustering, ForbiddenPairsAreNeverJoined) {
    auto index = build(with_background({{1, "esimerkki siivous", "1234567-1", "", "", "", ""},
                                        {2, "esimerkki siivous", "1234567-1", "", "", "", ""}}));
    auto c = clusters_by_id(index, cluster_records(index, MatchRules{}, {{0, 1}}));
    EXPECT_FALSE(together(c, 1, 2));
}

TEST(RegisterClustering, ResultDoesNotDependOnInputOrder) {
    std::vector<ClusteringRow> rows = with_background({
        {1, "kallion kukka", "1234567-1", "+358401111111", "", "kalliontie 1", "00530"},
        {2, "kallion kukka", "", "+358401111111", "", "", ""},
        {3, "kallion kuka", "", "", "", "kalliontie 1", "00530"},
        {4, "pasilan kukka", "2077474-0", "", "", "ratapihantie 2", "00520"},
    });
    auto index = build(rows);
    auto first = clusters_by_id(index, cluster_records(index, MatchRules{}));
    std::reverse(rows.begin(), rows.end());
    auto reversed_index = build(rows);
    auto second = clusters_by_id(reversed_index, cluster_records(reversed_index, MatchRules{}));
    EXPECT_EQ(first, second);
}

TEST(RegisterClustering, ExplanationNamesEveryField) {
    auto index = build(with_background({{1, "esimerkki siivous", "1234567-1", "+35891234567", "info@esimerkki.fi", "mannerheimintie 1", "00100"},
                                        {2, "esimerkki siivous", "1234567-1", "+35891234567", "info@esimerkki.fi", "mannerheimintie 1", "00100"}}));
    std::vector<Evidence> why;
    auto s = score_pair(index, index.records[0], index.records[1], MatchRules{}, &why);
    std::vector<std::string> fields;
    double total = 0;
    for (const auto& e : why) {
        fields.push_back(e.field);
        total += e.weight;
    }
    EXPECT_EQ(fields, (std::vector<std::string>{"business_id", "name", "phone", "email", "address"}));
    EXPECT_DOUBLE_EQ(total, s.score);
    EXPECT_GT(probability(s.score), 0.999);
}

// An agency's sites: one name and the agency's phone, but each site at its own building. The sites are
// different orderers (as the City's divisions are); each site's own records still link.
TEST(RegisterClustering, SitesOfOneOrganisationAtDifferentBuildingsStaySeparate) {
    auto index = build(with_background({
        {1, "kallion kukka", "", "+35891111111", "", "kalliontie 1", "00530"},
        {2, "kallion kukka", "", "+35891111111", "", "kalliontie 1", "00530"},
        {3, "kallion kukka", "", "+35891111111", "", "ratapihantie 2", "00520"},
        {4, "kallion kukka", "", "+35891111111", "", "ratapihantie 2", "00520"},
    }));
    std::vector<Evidence> why;
    score_pair(index, index.records[0], index.records[2], MatchRules{}, &why);
    auto address = std::find_if(why.begin(), why.end(), [](const Evidence& e) { return e.field == "address"; });
    ASSERT_NE(address, why.end());
    EXPECT_EQ(address->weight, MatchRules{}.address_different);
    EXPECT_EQ(address->detail, "different buildings: kalliontie 1 and ratapihantie 2");
    auto phone = std::find_if(why.begin(), why.end(), [](const Evidence& e) { return e.field == "phone"; });
    ASSERT_NE(phone, why.end());
    EXPECT_EQ(phone->weight, MatchRules{}.contact_at_other_building * MatchRules{}.phone_equal);
    EXPECT_EQ(phone->detail, "both +35891111111 (1 names), at different buildings: counts 0.50 of it");
    auto c = clusters_by_id(index, cluster_records(index, MatchRules{}));
    EXPECT_TRUE(together(c, 1, 2));
    EXPECT_TRUE(together(c, 3, 4));
    EXPECT_FALSE(together(c, 1, 3));
}

TEST(RegisterClustering, OneBuildingSpeltTwoWaysCountsAsSimilarAddress) {
    auto index = build(with_background({
        {1, "kallion kukka", "", "", "", "west van buren 1900", ""},
        {2, "kallion kukka", "", "", "", "west vanburen 1900", ""},    // a space less
        {3, "kallion kukka", "", "", "", "west roosevlet 2020", ""},   // two letters swapped
        {4, "kallion kukka", "", "", "", "west roosevelt 2020", ""},
        {5, "kallion kukka", "", "", "", "south state steet 3901", ""}, // a word more
        {6, "kallion kukka", "", "", "", "south state 3901", ""},
        {7, "kallion kukka", "", "", "", "west van buren 2400", ""},   // another building
        {8, "kallion kukka", "", "", "", "pl 123", ""},                // a PO box
        {9, "kallion kukka", "", "", "", "south doctor martin luther king 4910", ""},
        {10, "kallion kukka", "", "", "", "south king 4910", ""},      // the words of the short name in the long
        {11, "kallion kukka", "", "", "", "west van buren 1960", ""},  // one digit off: a typo or the next door
        {12, "kallion kukka", "", "", "", "van buren 1900", ""},       // without the direction: the same street
    }));
    auto address_of = [&](int x, int y) { return address_evidence(index, x, y); };
    const MatchRules rules;
    EXPECT_EQ(address_of(0, 1).detail, "similar: west van buren 1900 and west vanburen 1900");
    EXPECT_GT(address_of(0, 1).weight, 0);
    EXPECT_LE(address_of(0, 1).weight, rules.address_similar);
    EXPECT_GT(address_of(2, 3).weight, 0);
    EXPECT_GT(address_of(4, 5).weight, 0);
    EXPECT_EQ(address_of(0, 6).weight, rules.address_different);
    EXPECT_EQ(address_of(0, 2).weight, rules.address_different);
    EXPECT_EQ(address_of(0, 7).weight, rules.address_unclear);  // a PO box and a street: cannot tell
    EXPECT_GT(address_of(8, 9).weight, 0);
    EXPECT_EQ(address_of(0, 10).weight, rules.address_unclear);
    EXPECT_EQ(address_of(0, 10).detail, "different addresses");
    EXPECT_EQ(address_of(2, 10).weight, rules.address_different);
    EXPECT_GT(address_of(0, 11).weight, 0);
}

// One name and one phone at two numbers of one street is one place written two ways ("Jenner" at 1009 and
// 1119 N. Cleveland); another phone, another name or another street keeps the two buildings apart.
TEST(RegisterClustering, OneNameAndPhoneAtTwoNumbersOfOneStreetIsOnePlace) {
    auto index = build(with_background({
        {1, "jenner academy", "", "+13125348440", "", "north cleveland 1009", ""},
        {2, "jenner academy", "", "+13125348440", "", "north cleveland 1119", ""},
        {3, "jenner academy", "", "+13125340000", "", "north cleveland 1119", ""},  // another phone
        {4, "kallion kukka", "", "+13125348440", "", "north cleveland 1119", ""},   // another name
        {5, "jenner academy", "", "+13125348440", "", "west polk 1119", ""},        // another street
    }));
    auto address_of = [&](int x, int y) { return address_evidence(index, x, y); };
    const MatchRules rules;
    EXPECT_EQ(address_of(0, 1).weight, rules.address_unclear);
    EXPECT_EQ(address_of(0, 1).detail,
              "one street, other numbers: north cleveland 1009 and north cleveland 1119, with one name and phone");
    EXPECT_GE(score_pair(index, index.records[0], index.records[1], rules).score, rules.link_score);
    EXPECT_EQ(address_of(0, 2).weight, rules.address_different);
    EXPECT_EQ(address_of(0, 3).weight, rules.address_different);
    EXPECT_EQ(address_of(0, 4).weight, rules.address_different);
}

// One word standing for a whole street name ("west" for "west polk") is not a spelling of it.
TEST(RegisterClustering, ADirectionAloneIsNotTheStreet) {
    auto index = build(with_background({{1, "kallion kukka", "", "", "", "west 1900", ""},
                                        {2, "kallion kukka", "", "", "", "west polk 1900", ""}}));
    std::vector<Evidence> why;
    score_pair(index, index.records[0], index.records[1], MatchRules{}, &why);
    auto address = std::find_if(why.begin(), why.end(), [](const Evidence& e) { return e.field == "address"; });
    ASSERT_NE(address, why.end());
    EXPECT_EQ(address->weight, MatchRules{}.address_different);
}

// A value's rarity counts the different names that use it; spellings of one name count once, or the
// duplicates themselves would make their shared address look common (Splink #2035).
TEST(RegisterClustering, SpellingsOfOneNameShareAValueAsOne) {
    auto index = build(with_background({
        {1, "ruoholahti huonekalupalvelu", "", "", "", "ratapihantie 7", ""},
        {2, "ruoholahti huonekalupalvellu", "", "", "", "ratapihantie 7", ""},
        {3, "ruoholahti huonekallupalvelu", "", "", "", "ratapihantie 7", ""},
        {4, "ruohollahti huonekalupalvelu", "", "", "", "ratapihantie 7", ""},
        {5, "pasilan kukka", "", "", "", "ratapihantie 7", ""},
    }));
    EXPECT_EQ(index.names_sharing(index.records[0].street), 2u);
    auto c = clusters_by_id(index, cluster_records(index, MatchRules{}));
    for (int i = 2; i <= 4; ++i) EXPECT_TRUE(together(c, 1, i)) << i;
    EXPECT_FALSE(together(c, 1, 5));
}

TEST(RegisterClustering, AValueSharedByManyNamesCountsNothingButNeverAgainst) {
    std::vector<ClusteringRow> rows;
    const char* names[] = {"alfa", "beeta", "gamma", "delta", "epsilon", "zeeta", "eeta", "theeta", "ioota", "kappa", "lambda", "myy", "nyy"};
    for (int i = 0; i < 13; ++i)
        rows.push_back({i + 1, std::string(names[i]) + " konsultointi", "", "+35892000000", "", "", ""});
    auto index = build(with_background(rows));
    std::vector<Evidence> why;
    score_pair(index, index.records[0], index.records[1], MatchRules{}, &why);
    auto phone = std::find_if(why.begin(), why.end(), [](const Evidence& e) { return e.field == "phone"; });
    ASSERT_NE(phone, why.end());
    EXPECT_EQ(phone->weight, 0);  // 7 - 2 x log2(13) would be below zero
    EXPECT_EQ(phone->detail, "both +35892000000 (13 names)");
}

// A misspelt word is rare, but weighs as the word it misspells: one typo in a name of common words
// ("electrnics") leaves the names about as similar as the letters say, not less for the typo's rarity.
TEST(RegisterClustering, AMisspeltWordWeighsAsItsSpelling) {
    std::vector<ClusteringRow> rows;
    for (int i = 0; i < 30; ++i) rows.push_back({i + 1, "koninklijke philips electronics", "", "", "", "", ""});
    rows.push_back({100, "koninklijke philips electrnics", "", "", "", "", ""});
    auto index = build(with_background(rows));
    const auto& typo = index.records[30];
    EXPECT_GE(name_similarity(index, index.records[0], typo), 0.9);
    const MatchRules rules;
    EXPECT_GE(score_pair(index, index.records[0], typo, rules).score, rules.link_score);
    auto c = clusters_by_id(index, cluster_records(index, rules));
    EXPECT_TRUE(together(c, 1, 100));
}

// Word-level spelling: one slip (also two first letters swapped), two slips in a long word, an initial
// for a first name; a different first letter is another word.
TEST(RegisterClustering, WordsMatchThroughTyposAndInitials) {
    auto index = build(with_background({
        {1, "koivisto suutari", "", "", "", "", ""}, {2, "koivisto usutari", "", "", "", "", ""},
        {3, "tuominen parturi", "", "", "", "", ""}, {4, "tuuominnen parturi", "", "", "", "", ""},
        {5, "johan karjalainen", "", "", "", "", ""}, {6, "j karjalainen", "", "", "", "", ""},
        {7, "kallio parturi", "", "", "", "", ""}, {8, "vallio parturi", "", "", "", "", ""},
        {9, "tuominen", "", "", "", "", ""}, {10, "tuomisto", "", "", "", "", ""},
    }));
    auto similarity = [&](int x, int y) { return name_similarity(index, index.records[x], index.records[y]); };
    EXPECT_GE(similarity(0, 1), 0.85);
    EXPECT_GE(similarity(2, 3), 0.75);
    EXPECT_GE(similarity(4, 5), 0.6);
    EXPECT_LT(similarity(6, 7), 0.6);  // only "parturi" in common
    EXPECT_EQ(similarity(8, 9), 0.0);  // two edits, but short words
}

// One word for several of the other name's: initials in their order, and two words written together.
TEST(RegisterClustering, InitialsAndWordsWrittenTogetherMatchTheirWords) {
    auto index = build(with_background({
        {1, "national louis university effie ellis", "", "", "", "", ""}, {2, "nlu effie ellis", "", "", "", "", ""},
        {3, "de priest", "", "", "", "", ""}, {4, "depriest", "", "", "", "", ""},
        {5, "koti palvelu nieminen", "", "", "", "", ""}, {6, "kotipalvelu nieminen", "", "", "", "", ""},
        {7, "louis national university effie ellis", "", "", "", "", ""},  // the initials in another order
        {8, "nlu", "", "", "", "", ""}, {9, "natural light union", "", "", "", "", ""},
    }));
    auto similarity = [&](int x, int y) { return name_similarity(index, index.records[x], index.records[y]); };
    EXPECT_GE(similarity(0, 1), 0.75);
    EXPECT_DOUBLE_EQ(similarity(0, 1), similarity(1, 0));
    EXPECT_GE(similarity(2, 3), 0.85);
    EXPECT_GE(similarity(4, 5), 0.85);
    EXPECT_DOUBLE_EQ(similarity(4, 5), similarity(5, 4));
    EXPECT_LT(similarity(6, 1), similarity(0, 1));  // "nlu" is not "lnu"
    EXPECT_GE(similarity(7, 8), 0.75);             // initials alone still stand for their words
}

}  // namespace
