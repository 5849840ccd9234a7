// End-to-end tests of the City's tree: an import of two units' lists with the City's sites, spelt several ways
// and sharing the head office's business ID, mailbox and street, links each site's records and keeps the
// sites and their division apart; `register show` places an orderer in its tree and the entry-time check
// proposes the registered site or a new site of the division.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <map>

#include "register/support/register_cli_fixture.hpp"

namespace {
namespace json = boost::json;
using jobcenter::testing::write_file;

class RegisterCityTree : public jobcenter::testing::RegisterCliTest {
protected:
    RegisterCityTree() { quiet = true; }

    void SetUp() override {
        for (const char* unit : {"pakila", "uusix"}) add_unit(unit);
        const std::string head = ";0201256-6;Pohjoisesplanadi 11-13;00170;info@hel.fi\n";
        write_file(dir / "pakila.csv",
                   "id;Yritys;Y-tunnus;Katuosoite;Postinumero;Sähköposti\n"
                   "p1;Helsingin kaupunki, Kulttuurin ja vapaa-ajan toimiala, Malmin palvelukeskus" + head +
                   "p2;Helsingin kaupunki, Kulttuurin ja vapaa-ajan toimiala, Kontulan palvelukeskus" + head +
                   "p3;Helsingin kaupunki, Kulttuurin ja vapaa-ajan toimiala" + head +
                   "p4;Helsingin kaupunki, Kulttuurin ja vapaa-ajan toimiala, Vallilan kirjasto" + head);
        write_file(dir / "uusix.csv",
                   "id;Yritys;Y-tunnus;Katuosoite;Postinumero;Sähköposti\n"
                   "u1;Hki / Kulttuurin ja vapaa-ajan toimiala, Malmin pk" + head +
                   "u2;Helsingfors stad, Kultur- och fritidssektorn, Gårdsbacka servicecentral" + head +
                   "u3;Kulttuurin ja vapaa-ajan toimiala" + head);
        for (const char* unit : {"pakila", "uusix"})
            ASSERT_EQ(jc({"register", "import", (dir / (std::string(unit) + ".csv")).string(), "--unit", unit,
                          "--link", "--role", "coordinator"})
                          .exit_code,
                      0);
        clusters = register_clusters();
    }
    std::map<std::string, std::int64_t> clusters;
};

TEST_F(RegisterCityTree, EachSiteIsOneOrdererAndTheDivisionIsAnother) {
    EXPECT_EQ(clusters["pakila/p1"], clusters["uusix/u1"]) << "Malmin pk";
    EXPECT_EQ(clusters["pakila/p2"], clusters["uusix/u2"]) << "Kontula is Gårdsbacka in Swedish";
    EXPECT_EQ(clusters["pakila/p3"], clusters["uusix/u3"]) << "the division with and without the City's name";
    EXPECT_NE(clusters["pakila/p1"], clusters["pakila/p2"]);
    EXPECT_NE(clusters["pakila/p1"], clusters["pakila/p4"]);
    for (const char* site : {"pakila/p1", "pakila/p2", "pakila/p4"})
        EXPECT_NE(clusters["pakila/p3"], clusters[site]) << site << " is a site of the division, not the division";
}

TEST_F(RegisterCityTree, ShowPlacesAnOrdererInItsTree) {
    const auto site = jc_json({"register", "show", std::to_string(clusters["pakila/p1"])}).at("tree").as_object();
    EXPECT_EQ(site.at("division").as_string(), "Kulttuurin ja vapaa-ajan toimiala");
    EXPECT_EQ(site.at("division_from").as_string(), "name");
    EXPECT_EQ(site.at("site").as_string(), "malmin palvelukeskus");
    EXPECT_EQ(site.at("division_orderer").as_int64(), clusters["pakila/p3"]);

    const auto division = jc_json({"register", "show", std::to_string(clusters["pakila/p3"])}).at("tree").as_object();
    EXPECT_TRUE(division.at("site").is_null());
    EXPECT_EQ(division.at("sites_count").as_int64(), 3) << "Malmi, Kontula and Vallila";
}

TEST_F(RegisterCityTree, TheCheckProposesTheSiteOrANewSiteOfTheDivision) {
    const auto known = jc_json({"register", "check", "--name", "Hki, Kulttuurin ja vapaa-ajan toimiala, Malmin palvelukeskus",
                                "--business-id", "0201256-6"});
    const std::string existing = "the existing orderer " + std::to_string(clusters["pakila/p1"]);
    EXPECT_EQ(std::string(known.at("tree").at("proposal").as_string()).rfind(existing, 0), 0u)
        << json::serialize(known);

    const auto fresh = jc_json({"register", "check", "--name", "Helsingin kaupunki, Kulttuurin ja vapaa-ajan toimiala, Herttoniemen kirjasto",
                                "--business-id", "0201256-6", "--email", "info@hel.fi"});
    EXPECT_EQ(fresh.at("tree").at("proposal").as_string(),
              "a new site of division Kulttuurin ja vapaa-ajan toimiala (orderer " +
                  std::to_string(clusters["pakila/p3"]) + ")");
    for (const auto& m : fresh.at("matches").as_array())
        EXPECT_NE(m.at("verdict").as_string(), "same orderer") << "another site is not the new site";
}

// A site written without the City or its division ("Päiväkoti Koivurinne" with the City's business ID) is
// placed by its kind of site: the division that runs day-care centres, or libraries.
TEST_F(RegisterCityTree, ASiteNamedWithoutItsDivisionIsPlacedByItsKindOfSite) {
    write_file(dir / "kasko.csv",
               "id;Yritys;Y-tunnus;Katuosoite;Postinumero\n"
               "k1;Helsingin kaupunki, Kasvatuksen ja koulutuksen toimiala;0201256-6;Töysänkatu 2 D;00510\n"
               "k2;Päiväkoti Koivurinne;0201256-6;Koivurinteentie 5;00600\n"
               "k3;Kontulan kirjasto;0201256-6;Ostostie 4;00940\n");
    ASSERT_EQ(jc({"register", "import", (dir / "kasko.csv").string(), "--unit", "pakila", "--link", "--role",
                  "coordinator"})
                  .exit_code,
              0);
    clusters = register_clusters();

    const auto day_care = jc_json({"register", "show", std::to_string(clusters["pakila/k2"])}).at("tree").as_object();
    EXPECT_EQ(day_care.at("division").as_string(), "Kasvatuksen ja koulutuksen toimiala") << json::serialize(day_care);
    EXPECT_EQ(day_care.at("division_from").as_string(), "kind_of_site");
    EXPECT_EQ(day_care.at("site").as_string(), "paivakoti koivurinne");
    EXPECT_EQ(day_care.at("division_orderer").as_int64(), clusters["pakila/k1"]);

    const auto education = jc_json({"register", "show", std::to_string(clusters["pakila/k1"])}).at("tree").as_object();
    EXPECT_EQ(education.at("sites_count").as_int64(), 1) << json::serialize(education);
    EXPECT_EQ(education.at("sites").as_array().at(0).as_int64(), clusters["pakila/k2"]);

    const auto culture = jc_json({"register", "show", std::to_string(clusters["pakila/p3"])}).at("tree").as_object();
    EXPECT_EQ(culture.at("sites_count").as_int64(), 4) << "Malmi, Kontula, Vallila and Kontula's library";

    const auto fresh = jc_json({"register", "check", "--name", "Päiväkoti Satakieli", "--business-id", "0201256-6"});
    EXPECT_EQ(fresh.at("tree").at("proposal").as_string(),
              "a new site of division Kasvatuksen ja koulutuksen toimiala (orderer " +
                  std::to_string(clusters["pakila/k1"]) + ")")
        << json::serialize(fresh);
}

}  // namespace
