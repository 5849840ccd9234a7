// The City's tree and namesakes in pair scoring and clustering: sites of one division stay apart while one
// site's spellings join, a division's bare name is its sites' parent, and persons sharing a name at different
// streets stay apart unless a personal phone or email agrees.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "register/clustering/clustering.hpp"
#include "register/normalize/city_sites.hpp"
#include "register/normalize/normalize.hpp"

namespace {
using namespace jobcenter::register_plugin;
using city_sites::SiteLikeness;

struct Entry {
    std::int64_t id;
    std::string name, business_id, phone, email, street, postcode;
};

// Records as an import makes their keys, from the fields as a unit wrote them.
RecordIndex build(const std::vector<Entry>& entries) {
    RecordIndex index;
    for (const auto& e : entries) {
        const NormalizedName name = normalize_name(e.name);
        const NormalizedEmail email = normalize_email(e.email);
        const NormalizedAddress address = normalize_address(e.street, e.postcode, "Helsinki");
        const NormalizedPhone phone = normalize_phone(e.phone);
        IndexedRecord r;
        r.id = e.id;
        r.name = index.intern(name.key);
        r.legal_form = index.intern(name.legal_form);
        r.department = index.intern(name.department_key);
        r.city_of_helsinki = name.city_of_helsinki;
        r.business_id = index.intern(business_id_key(e.business_id));
        r.phone = index.intern(phone.valid ? phone.e164 : "");
        if (email.valid) {
            r.email = index.intern(email.address);
            r.email_generic = email.generic_mailbox;
            if (!email.free_mail) r.email_domain = index.intern("@" + email.domain);
        }
        r.street = index.intern(address.street_key);
        r.postcode = index.intern(address.postcode);
        index.add(r, name.tokens);
    }
    // Other orderers, so that word weights behave as in a real register.
    const char* words[] = {"siivous", "kuljetus", "rakennus", "ravintola", "pesula", "kukka", "auto", "sahko"};
    for (int i = 0; i < 200; ++i) {
        IndexedRecord r;
        r.id = 1000 + i;
        const std::string key = std::string(words[i % 8]) + " tausta" + std::to_string(i);
        r.name = index.intern(key);
        index.add(r, {words[i % 8], "tausta" + std::to_string(i)});
    }
    index.finish();
    return index;
}

bool together(const RecordIndex& index, const Clustering& c, std::int64_t a, std::int64_t b) {
    auto at = [&](std::int64_t id) {
        for (std::uint32_t i = 0; i < index.size(); ++i)
            if (index.records[i].id == id) return c.cluster_of[i];
        ADD_FAILURE() << "no record " << id;
        return std::uint32_t{0};
    };
    return at(a) == at(b);
}

// The division a site named without it belongs to, from its kind of site, where only one division runs that kind.
TEST(RegisterCitySites, AKindOfSiteTellsItsDivisionWhereOneDivisionRunsIt) {
    EXPECT_EQ(city_sites::division_running("paivakoti koivurinne"), "kasvatuksen ja koulutuksen toimiala");
    EXPECT_EQ(city_sites::division_running("daghemmet koivurinne"), "kasvatuksen ja koulutuksen toimiala");
    EXPECT_EQ(city_sites::division_running("kontulan kirjasto"), "kulttuurin ja vapaa ajan toimiala");
    EXPECT_EQ(city_sites::division_running("malms servicecentral"), "sosiaali terveys ja pelastustoimiala");
    EXPECT_EQ(city_sites::division_running("malmin pk"), "") << "a service or a day-care centre";
    EXPECT_EQ(city_sites::division_running("kontulan asukastalo"), "") << "run by more than one division";
    EXPECT_EQ(city_sites::division_running("koivurinne"), "") << "no kind of site";
}

TEST(RegisterCitySites, SiteNamesCompareByDistrictAndKind) {
    EXPECT_EQ(city_sites::compare_sites("malmin palvelukeskus", "malmin pk"), SiteLikeness::same);
    EXPECT_EQ(city_sites::compare_sites("malmin palvelukeskus", "malms servicecentral"), SiteLikeness::same);
    EXPECT_EQ(city_sites::compare_sites("malmin palvelukeskus", "malmin palvelukesus"), SiteLikeness::same);
    EXPECT_EQ(city_sites::compare_sites("itakeskuksen kirjasto", "itakeskus kirjasto"), SiteLikeness::same);
    EXPECT_EQ(city_sites::compare_sites("vallilan paivakoti", "vallilan pk"), SiteLikeness::same);
    EXPECT_EQ(city_sites::compare_sites("malmin palvelukeskus", "kontulan palvelukeskus"), SiteLikeness::different);
    EXPECT_EQ(city_sites::compare_sites("malmin palvelukeskus", "malmin kirjasto"), SiteLikeness::different);
    EXPECT_EQ(city_sites::compare_sites("palvelukeskus", "malmin palvelukeskus"), SiteLikeness::unclear);
    EXPECT_EQ(city_sites::compare_sites("itakeskuksen kirjasto", "ostra centrums bibliotek"), SiteLikeness::same);
    EXPECT_EQ(city_sites::compare_sites("sornaisten nuorisotalo", "sornas ungdomsgard"), SiteLikeness::same);
    EXPECT_EQ(city_sites::compare_sites("viikin ala asteen koulu", "viks lagstadieskola"), SiteLikeness::same);
    EXPECT_EQ(city_sites::compare_sites("kannelmaen kirjasto", "kannelmaen kirj"), SiteLikeness::same);
}

TEST(RegisterCitySites, SitesOfOneDivisionStayApartAndEachSitesSpellingsJoin) {
    // Every record has the City's business ID, the head office's mailbox and street.
    const std::string id = "0201256-6", mail = "info@hel.fi", street = "Pohjoisesplanadi 11-13", post = "00170";
    auto index = build({
        {1, "Helsingin kaupunki, Kulttuurin ja vapaa-ajan toimiala, Malmin palvelukeskus", id, "", mail, street, post},
        {2, "Hki / Kulttuurin ja vapaa-ajan toimiala, Malmin pk", id, "", mail, street, post},
        {3, "Helsingfors stad, Kultur- och fritidssektorn, Malms servicecentral", id, "", mail, street, post},
        {4, "Helsingin kaupunki, Kulttuurin ja vapaa-ajan toimiala, Kontulan palvelukeskus", id, "", mail, street, post},
        {5, "Hki / Kulttuurin ja vapaa-ajan toimiala, Kontulan palvelukeskus", id, "", mail, street, post},
        {6, "Helsingin kaupunki, Kulttuurin ja vapaa-ajan toimiala, Vallilan kirjasto", id, "", mail, street, post},
        {7, "Helsingin kaupunki, Kulttuurin ja vapaa-ajan toimiala", id, "", mail, street, post},
        {8, "Kulttuurin ja vapaa-ajan toimiala", id, "", mail, street, post},
    });
    const Clustering c = cluster_records(index, MatchRules{});
    EXPECT_TRUE(together(index, c, 1, 2));
    EXPECT_TRUE(together(index, c, 1, 3)) << "the Swedish name of one site";
    EXPECT_TRUE(together(index, c, 4, 5));
    EXPECT_TRUE(together(index, c, 7, 8)) << "the division, with and without the City's name";
    EXPECT_FALSE(together(index, c, 1, 4)) << "two service centres";
    EXPECT_FALSE(together(index, c, 1, 6));
    EXPECT_FALSE(together(index, c, 4, 6));
    for (int site : {1, 4, 6}) EXPECT_FALSE(together(index, c, 7, site)) << "the division is its sites' parent";
}

TEST(RegisterCitySites, TheExplanationNamesTheSites) {
    auto index = build({
        {1, "Helsingin kaupunki, Kulttuurin ja vapaa-ajan toimiala, Malmin palvelukeskus", "0201256-6", "", "", "", ""},
        {2, "Helsingin kaupunki, Kulttuurin ja vapaa-ajan toimiala, Kontulan palvelukeskus", "0201256-6", "", "", "", ""},
        {3, "Helsingin kaupunki, Kulttuurin ja vapaa-ajan toimiala", "0201256-6", "", "", "", ""},
    });
    std::vector<Evidence> why;
    const PairScore apart = score_pair(index, index.records[0], index.records[1], MatchRules{}, &why);
    EXPECT_TRUE(apart.hard_negative);
    ASSERT_TRUE(std::any_of(why.begin(), why.end(), [](const Evidence& e) { return e.field == "site"; }));
    why.clear();
    const PairScore parent = score_pair(index, index.records[2], index.records[0], MatchRules{}, &why);
    EXPECT_TRUE(parent.hard_negative);
    const auto site = std::find_if(why.begin(), why.end(), [](const Evidence& e) { return e.field == "site"; });
    ASSERT_NE(site, why.end());
    EXPECT_EQ(site->detail, "a division and one of its sites: malmin palvelukeskus");
}

TEST(RegisterNamesakes, PersonsOfOneNameAtDifferentStreetsStayApart) {
    auto index = build({
        {1, "Nieminen Merja", "", "", "info@gmail.com", "Mannerheimintie 5", "00100"},
        {2, "Merja Nieminen", "", "", "info@gmail.com", "Kontulantie 12", "00940"},
        {3, "Nieminen, Merja", "", "", "", "Vallilantie 3", "00510"},
    });
    const Clustering c = cluster_records(index, MatchRules{});
    EXPECT_FALSE(together(index, c, 1, 2)) << "a free-mail info@ box is no evidence between persons";
    EXPECT_FALSE(together(index, c, 1, 3));
    EXPECT_FALSE(together(index, c, 2, 3));
}

TEST(RegisterNamesakes, OnePersonsRecordsJoinThroughAPersonalPhoneOrEmail) {
    auto index = build({
        {1, "Nieminen Merja", "", "040 111 2222", "", "Mannerheimintie 5", "00100"},
        {2, "Tmi Merja Nieminen", "", "0401112222", "", "", ""},
        {3, "Merja Nieminen", "", "", "merja.nieminen@elisanet.fi", "Vallilantie 3", "00510"},
        {4, "Nieminen Merja", "", "", "merja.nieminen@elisanet.fi", "", "00510"},
        {5, "Merja Nieminen", "", "040 111 2222", "", "Kontulantie 12", "00940"},
    });
    const Clustering c = cluster_records(index, MatchRules{});
    EXPECT_TRUE(together(index, c, 1, 2)) << "one person, the same mobile";
    EXPECT_TRUE(together(index, c, 3, 4)) << "another person, the same personal email";
    EXPECT_FALSE(together(index, c, 1, 3)) << "two persons of one name at different streets";
    // At another street the same mobile does not forbid the link: a person decides (the review queue).
    EXPECT_FALSE(score_pair(index, index.records[0], index.records[4], MatchRules{}).hard_negative);
    EXPECT_TRUE(score_pair(index, index.records[0], index.records[2], MatchRules{}).hard_negative);
}

}  // namespace
