// End-to-end tests of `register dedupe` and `register export-clusters`: duplicates across units become one
// orderer, the City's divisions stay apart, orderer ids are stable across runs, and a dry run writes nothing.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>
#include <map>

#include "register/support/register_cli_fixture.hpp"

namespace {
namespace json = boost::json;
using jobcenter::testing::run_jobcenter;
using jobcenter::testing::TempDir;
using jobcenter::testing::write_file;

class RegisterDedupe : public jobcenter::testing::RegisterCliTest {
protected:
    RegisterDedupe() { quiet = true; }

    void SetUp() override {
        for (const char* unit : {"pakila", "uusix"}) add_unit(unit);
        write_file(dir / "pakila.csv",
                   "id;Yritys;Y-tunnus;Katuosoite;Postinumero;Puhelin\n"
                   "p1;Esimerkki Siivous Oy;1234567-1;Mannerheimintie 1 A 3;00100;09 123 4567\n"
                   "p2;Helsingin kaupunki, Kasvatuksen ja koulutuksen toimiala;0201256-6;;;\n"
                   "p3;Kallion Kukka Ky;;Fleminginkatu 5;00530;040 111 2222\n");
        write_file(dir / "uusix.csv",
                   "id;Nimi;Ytunnus;Osoite;Postinro;Puh\n"
                   "u1;ESIMERKKI SIIVOUS;12345671;Mannerheimintie 1 A3;00100;+358 9 1234567\n"
                   "u2;Helsingin kaupunki, Sosiaali- ja terveystoimiala;0201256-6;;;\n"
                   "u3;Pasilan Kukka Ky;;Ratapihantie 11;00520;040 333 4444\n");
        ASSERT_EQ(jc({"register", "import", (dir / "pakila.csv").string(), "--unit", "pakila"}).exit_code, 0);
        ASSERT_EQ(jc({"register", "import", (dir / "uusix.csv").string(), "--unit", "uusix"}).exit_code, 0);
    }
    std::map<std::string, std::int64_t> clusters() { return register_clusters(); }
};

TEST_F(RegisterDedupe, DuplicatesAcrossUnitsBecomeOneOrdererAndDivisionsStayApart) {
    auto before = clusters();
    EXPECT_NE(before["pakila/p1"], before["uusix/u1"]);
    auto dry = jc_json({"register", "dedupe", "--dry-run", "--role", "coordinator"});
    EXPECT_EQ(dry.at("orderers").as_int64(), 5);
    EXPECT_EQ(clusters(), before) << "a dry run writes nothing";

    auto result = jc_json({"register", "dedupe", "--role", "coordinator"});
    EXPECT_EQ(result.at("orderers").as_int64(), 5);
    auto after = clusters();
    EXPECT_EQ(after["pakila/p1"], after["uusix/u1"]);
    EXPECT_EQ(after["pakila/p1"], before["pakila/p1"]) << "the cluster keeps the oldest orderer id";
    EXPECT_NE(after["pakila/p2"], after["uusix/u2"]) << "divisions sharing 0201256-6 are separate orderers";
    EXPECT_NE(after["pakila/p3"], after["uusix/u3"]) << "a shared brand word is not enough";

    auto again = jc_json({"register", "dedupe", "--role", "coordinator"});
    EXPECT_EQ(again.at("records_moved").as_int64(), 0);
    EXPECT_EQ(clusters(), after) << "orderer ids are stable across runs";

    auto merged = jc_json({"register", "show", std::to_string(before["uusix/u1"])});
    EXPECT_NE(std::string(merged.at("note").as_string()).find("was merged into"), std::string::npos);
    EXPECT_EQ(merged.at("sources").as_array().size(), 2u);
}

TEST_F(RegisterDedupe, NeedsACoordinator) {
    EXPECT_EQ(jc({"register", "dedupe"}).exit_code, 5);
}

TEST_F(RegisterDedupe, ExportIsCsvOfUnitSourceIdOrderer) {
    auto r = jc({"register", "export-clusters", "--format", "csv"});
    ASSERT_EQ(r.exit_code, 0);
    EXPECT_EQ(r.out.rfind("unit,source_id,orderer_id\r\n", 0), 0u) << r.out;
    EXPECT_NE(r.out.find("pakila,p1,"), std::string::npos);
}

TEST_F(RegisterDedupe, EntryTimeCheckFindsTheExistingOrdererWithReasons) {
    jc_json({"register", "dedupe", "--role", "coordinator"});
    auto found = jc_json({"register", "check", "--name", "Oy Esimerkki Siivous Ab", "--phone", "09-1234567"});
    ASSERT_GE(found.at("count").as_int64(), 1);
    const auto& best = found.at("matches").as_array()[0];
    EXPECT_EQ(best.at("verdict").as_string(), "same orderer");
    EXPECT_EQ(best.at("orderer").as_int64(), clusters()["pakila/p1"]);
    std::string reasons = json::serialize(best.at("reasons"));
    EXPECT_NE(reasons.find("\"phone\""), std::string::npos) << reasons;

    auto by_id = jc_json({"register", "check", "--name", "Siivousliike E", "--business-id", "FI12345671"});
    EXPECT_EQ(by_id.at("matches").as_array()[0].at("orderer").as_int64(), clusters()["pakila/p1"]);

    auto none = jc_json({"register", "check", "--name", "Täysin Uusi Tilaaja Oy"});
    EXPECT_EQ(none.at("count").as_int64(), 0);

    auto division = jc_json({"register", "check", "--name", "Helsingin kaupunki, Kulttuurin ja vapaa-ajan toimiala",
                             "--business-id", "0201256-6"});
    for (const auto& m : division.at("matches").as_array())
        EXPECT_NE(m.at("verdict").as_string(), "same orderer") << "another division is not the same orderer";
}

TEST_F(RegisterDedupe, EntryTimeCheckWarnsAboutOtherUnitsRecentContacts) {
    jc_json({"register", "dedupe", "--role", "coordinator"});
    auto orderer = std::to_string(clusters()["pakila/p1"]);
    jc_json({"register", "contact", "add", orderer, "--unit", "pakila", "--staff", "Maija", "--outcome", "waiting"});
    auto found = jc_json({"register", "check", "--name", "Esimerkki Siivous Oy", "--unit", "uusix"});
    ASSERT_GE(found.at("count").as_int64(), 1);
    EXPECT_TRUE(found.at("matches").as_array()[0].as_object().contains("recent_contacts"));
}

TEST_F(RegisterDedupe, LaterImportsAreLinkedIncrementallyUnlessTheRulesChanged) {
    auto first = jc_json({"register", "dedupe", "--role", "coordinator"});
    EXPECT_EQ(first.at("mode").as_string(), "full");
    EXPECT_EQ(first.at("why").as_string(), "first run");
    write_file(dir / "vallila.csv",
               "id;Yritys;Puhelin\n"
               "v1;Esimerkki Siivous;09 123 4567\n"
               "v2;Täysin Uusi Tilaaja Oy;040 999 8888\n");
    add_unit("vallila");
    ASSERT_EQ(jc({"register", "import", (dir / "vallila.csv").string(), "--unit", "vallila"}).exit_code, 0);

    auto later = jc_json({"register", "dedupe", "--role", "coordinator"});
    EXPECT_EQ(later.at("mode").as_string(), "incremental");
    EXPECT_EQ(later.at("why").as_string().subview().substr(0, 44), "2 records new or changed since the last run,");
    EXPECT_LT(later.at("reclustered").as_int64(), later.at("records").as_int64()) << "only what the new records touch";
    auto ids = clusters();
    EXPECT_EQ(ids["vallila/v1"], ids["pakila/p1"]) << "the new record joined the existing orderer";
    EXPECT_EQ(later.at("orderers").as_int64(), 6);

    auto nothing_new = jc_json({"register", "dedupe", "--role", "coordinator"});
    EXPECT_EQ(nothing_new.at("reclustered").as_int64(), 0);
    EXPECT_EQ(nothing_new.at("why").as_string(), "nothing imported or decided since the last run");
    EXPECT_EQ(nothing_new.at("orderers").as_int64(), 6);
    EXPECT_EQ(clusters(), ids);

    auto full = jc_json({"register", "dedupe", "--role", "coordinator", "--full"});
    EXPECT_EQ(full.at("mode").as_string(), "full");
    EXPECT_EQ(clusters(), ids) << "a run over the whole register gives the same clusters";

    // A unit whose rules differ: its run goes over the whole register.
    const auto scripts = dir / "scripts";
    std::filesystem::create_directories(scripts / "units" / "pakila");
    std::filesystem::copy(std::filesystem::path(JOBCENTER_SOURCE_DIR) / "scripts" / "defaults", scripts / "defaults");
    write_file(scripts / "units" / "pakila" / "register.lua",
               "local M = defaults()\nM.match.link_score = 7\nreturn M\n");
    auto changed = jc_json({"register", "dedupe", "--role", "coordinator", "--unit", "pakila", "--scripts", scripts.string()});
    EXPECT_EQ(changed.at("mode").as_string(), "full");
    EXPECT_EQ(changed.at("why").as_string(), "the rules changed since the last run");
}

TEST_F(RegisterDedupe, AnOrdererEnteredByHandIsCheckedAndLinkedLikeAnImportedOne) {
    auto added = jc_json({"register", "add", "--unit", "pakila", "--name", "Lauttasaaren Leipomo Oy", "--phone",
                          "09 678 1234"});
    const auto id = added.at("id").as_int64();
    auto found = jc_json({"register", "check", "--name", "Lauttasaaren Leipomo", "--phone", "096781234"});
    ASSERT_GE(found.at("count").as_int64(), 1);
    EXPECT_EQ(found.at("matches").at(0).at("orderer").as_int64(), id);
    EXPECT_EQ(register_clusters()["pakila/entered-" + std::to_string(id)], id) << "kept as the unit's source record";

    write_file(dir / "more.csv", "id;Nimi;Puh\nu9;LAUTTASAAREN LEIPOMO;+358 9 6781234\n");
    ASSERT_EQ(jc({"register", "import", (dir / "more.csv").string(), "--unit", "uusix"}).exit_code, 0);
    jc_json({"register", "dedupe", "--role", "coordinator"});
    EXPECT_EQ(clusters()["uusix/u9"], id) << "an imported duplicate joins the entered orderer";
}

TEST_F(RegisterDedupe, EntryTimeCheckFindsANameWhoseEveryWordIsMistypedByTheWordsFirstLetters) {
    jc_json({"register", "add", "--unit", "pakila", "--name", "Lauttasaaren Leipomo Oy"});
    jc_json({"register", "dedupe", "--role", "coordinator"});
    auto found = jc_json({"register", "check", "--name", "Lauttasaren Leipomoo"});
    ASSERT_GE(found.at("candidates_scored").as_int64(), 1) << "found through the prefixes 'laut' and 'leip'";
    bool leipomo = false;
    for (const auto& m : found.at("matches").as_array())
        leipomo |= std::string(m.at("name").as_string()).find("Leipomo") != std::string::npos;
    EXPECT_TRUE(leipomo) << json::serialize(found);
}

TEST_F(RegisterDedupe, TheUnitsBlockingKeysDecideWhichRecordsAreCompared) {
    const auto scripts = dir / "scripts";
    std::filesystem::create_directories(scripts / "units" / "pakila");
    std::filesystem::copy(std::filesystem::path(JOBCENTER_SOURCE_DIR) / "scripts" / "defaults", scripts / "defaults");
    // Only email addresses block: the two Esimerkki Siivous records (no emails) are never compared.
    write_file(scripts / "units" / "pakila" / "register.lua",
               "local M = defaults()\n"
               "for _, key in ipairs({'business_id', 'phone', 'street', 'name'}) do M.blocking[key] = false end\n"
               "M.blocking.name_words = 0\nM.blocking.name_word_prefix = 0\nreturn M\n");
    const std::string pakila_scripts = scripts.string();
    auto only_email = jc_json({"register", "dedupe", "--role", "coordinator", "--dry-run", "--unit", "pakila", "--scripts",
                               pakila_scripts});
    EXPECT_EQ(only_email.at("candidate_pairs").as_int64(), 0);
    EXPECT_EQ(only_email.at("orderers").as_int64(), 6);
    auto check = jc_json({"register", "check", "--name", "Esimerkki Siivous", "--phone", "09 123 4567", "--unit", "pakila",
                          "--scripts", pakila_scripts});
    EXPECT_EQ(check.at("count").as_int64(), 0) << "the check blocks on the same keys";

    auto defaults = jc_json({"register", "dedupe", "--role", "coordinator", "--dry-run"});
    EXPECT_GT(defaults.at("candidate_pairs").as_int64(), 0);
    EXPECT_EQ(defaults.at("orderers").as_int64(), 5);

    // A script that turns every key off is refused with where and why, and nothing runs.
    write_file(scripts / "units" / "pakila" / "register.lua",
               "local M = defaults()\n"
               "for _, key in ipairs({'business_id', 'phone', 'email', 'street', 'name'}) do M.blocking[key] = false end\n"
               "M.blocking.name_words = 0\nM.blocking.name_word_prefix = 0\nreturn M\n");
    auto refused = jc({"register", "dedupe", "--role", "coordinator", "--unit", "pakila", "--scripts", pakila_scripts});
    EXPECT_NE(refused.exit_code, 0);
    EXPECT_NE(refused.err.find("every key off"), std::string::npos) << refused.err;
}

}  // namespace
