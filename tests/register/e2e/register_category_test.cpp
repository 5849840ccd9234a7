// End-to-end tests of orderer categories: inferred from the records' legal forms and the City's names
// when an orderer's golden record is built, set by a person with register set-category, shown by
// register get and show with who decided, listed in the history, and a person's choice kept through
// dedupe runs, merges and unmerges.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "register/support/register_cli_fixture.hpp"

namespace {
namespace json = boost::json;
using jobcenter::testing::write_file;

class RegisterCategory : public jobcenter::testing::RegisterCliTest {
protected:
    RegisterCategory() { quiet = true; }

    void SetUp() override {
        for (const char* unit : {"pakila", "uusix"}) add_unit(unit);
        write_file(dir / "pakila.csv",
                   "id;Yritys;Y-tunnus;Katuosoite;Postinumero;Puhelin\n"
                   "p1;Esimerkki Siivous Oy;1234567-1;Mannerheimintie 1 A 3;00100;09 123 4567\n"
                   "p2;Väylä ry;;Kalliontie 5;00530;040 222 3333\n"
                   "p3;Alfred Kordelinin säätiö;;Bulevardi 1;00120;09 555 1111\n"
                   "p4;Kallion seurakunta;;Itäinen Papinkatu 2;00530;09 234 5678\n"
                   "p5;Helsingin kaupunki, Kasvatuksen ja koulutuksen toimiala;0201256-6;Töölönkatu 7;00260;09 310 1234\n"
                   "p6;Merja Nieminen;;Pakilantie 40;00660;040 777 8888\n"
                   "p7;Tmi Merja Nieminen;;Kylänvanhimmantie 3;00640;040 999 0000\n");
        write_file(dir / "uusix.csv",
                   "id;Nimi;Ytunnus;Osoite;Postinro;Puh\n"
                   "u1;ESIMERKKI SIIVOUS;12345671;Mannerheimintie 1 A3;00100;+358 9 1234567\n");
        ASSERT_EQ(jc({"register", "import", (dir / "pakila.csv").string(), "--unit", "pakila"}).exit_code, 0);
    }
    std::int64_t orderer_of(const std::string& record) { return register_clusters().at(record); }
    std::pair<std::string, std::string> category(std::int64_t orderer) {
        const json::value got = jc_json({"register", "get", std::to_string(orderer)});
        return {std::string(got.at("category").as_string()), std::string(got.at("category_source").as_string())};
    }
    std::pair<std::string, std::string> category(const std::string& record) { return category(orderer_of(record)); }
    using Category = std::pair<std::string, std::string>;
    json::value set(std::int64_t orderer, const std::string& category, std::vector<std::string> extra = {}) {
        std::vector<std::string> args{"register", "set-category", "--orderer", std::to_string(orderer), "--category", category,
                                      "--unit", "pakila"};
        args.insert(args.end(), extra.begin(), extra.end());
        return jc_json(args);
    }
    void dedupe(std::vector<std::string> extra = {}) {
        std::vector<std::string> args{"register", "dedupe", "--role", "coordinator"};
        args.insert(args.end(), extra.begin(), extra.end());
        jc_json(args);
    }
};

TEST_F(RegisterCategory, InferredFromTheLegalFormAndTheCityAsRecordsAreImported) {
    EXPECT_EQ(category("pakila/p1"), (Category{"company", "inferred"}));
    EXPECT_EQ(category("pakila/p2"), (Category{"association", "inferred"}));
    EXPECT_EQ(category("pakila/p3"), (Category{"foundation", "inferred"}));
    EXPECT_EQ(category("pakila/p4"), (Category{"parish", "inferred"}));
    EXPECT_EQ(category("pakila/p5"), (Category{"city", "inferred"}));
    EXPECT_EQ(category("pakila/p6"), (Category{"unknown", "inferred"})) << "a person's name tells no category";
    EXPECT_EQ(category("pakila/p7"), (Category{"company", "inferred"})) << "a sole trader (Tmi)";
    const json::value shown = jc_json({"register", "show", std::to_string(orderer_of("pakila/p5"))});
    EXPECT_EQ(shown.at("orderer").at("category").as_string(), "city");
    EXPECT_EQ(shown.at("orderer").at("category_source").as_string(), "inferred");
}

TEST_F(RegisterCategory, InferredAlikeByDedupeAndByAnImportThatLinks) {
    ASSERT_EQ(jc({"register", "import", (dir / "uusix.csv").string(), "--unit", "uusix"}).exit_code, 0);
    EXPECT_EQ(category("uusix/u1"), (Category{"unknown", "inferred"})) << "ESIMERKKI SIIVOUS has no legal form";
    dedupe();
    ASSERT_EQ(orderer_of("pakila/p1"), orderer_of("uusix/u1"));
    EXPECT_EQ(category("uusix/u1"), (Category{"company", "inferred"})) << "one of two records tells, and wins";

    write_file(dir / "more.csv", "id;Nimi;Osoite;Postinro\nm1;Pakilan Omakotiyhdistys;Pakilantie 100;00660\n");
    ASSERT_EQ(jc({"register", "import", (dir / "more.csv").string(), "--unit", "uusix", "--role", "coordinator", "--link"})
                  .exit_code, 0);
    EXPECT_EQ(category("uusix/m1"), (Category{"association", "inferred"}));
}

TEST_F(RegisterCategory, APersonSetsItAndTheChoiceStandsThroughDedupeRuns) {
    const std::int64_t nieminen = orderer_of("pakila/p6"), esimerkki = orderer_of("pakila/p1");
    const json::value result = set(nieminen, "private_person", {"--by", "Liisa", "--reason", "a private household"});
    EXPECT_EQ(result.at("category").as_string(), "private_person");
    EXPECT_EQ(result.at("previous").as_string(), "unknown");
    EXPECT_EQ(category(nieminen), (Category{"private_person", "person"}));
    set(esimerkki, "association");  // wrong, but a person's word stands over the legal form
    EXPECT_EQ(category(esimerkki), (Category{"association", "person"}));

    ASSERT_EQ(jc({"register", "import", (dir / "uusix.csv").string(), "--unit", "uusix"}).exit_code, 0);
    dedupe();
    ASSERT_EQ(orderer_of("uusix/u1"), esimerkki) << "u1 joins the orderer the person set";
    EXPECT_EQ(category(esimerkki), (Category{"association", "person"}));
    dedupe({"--full"});
    EXPECT_EQ(category(esimerkki), (Category{"association", "person"}));
    EXPECT_EQ(category(nieminen), (Category{"private_person", "person"}));

    const json::value history = jc_json({"register", "history", std::to_string(esimerkki)});
    bool listed = false;
    for (const auto& row : history.at("rows").as_array())
        if (row.at("kind") == "category") {
            listed = true;
            EXPECT_EQ(row.at("category").as_string(), "association");
            EXPECT_EQ(row.at("previous").as_string(), "company");
            EXPECT_EQ(row.at("unit").as_string(), "pakila");
        }
    EXPECT_TRUE(listed) << json::serialize(history);
}

// A dedupe run that merges away the orderer a person set: the survivor takes the person's choice.
TEST_F(RegisterCategory, AChoiceFollowsItsOrdererIntoTheOneItIsMergedInto) {
    ASSERT_EQ(jc({"register", "import", (dir / "uusix.csv").string(), "--unit", "uusix"}).exit_code, 0);
    const std::int64_t u1 = orderer_of("uusix/u1"), p1 = orderer_of("pakila/p1");
    set(u1, "foundation", {"--role", "coordinator"});
    dedupe();
    ASSERT_EQ(orderer_of("uusix/u1"), p1) << "u1's orderer is merged into p1's, the older";
    EXPECT_EQ(category(p1), (Category{"foundation", "person"}));
}

// A merge by hand takes the merged orderer's choice along; undoing it gives each its own back.
TEST_F(RegisterCategory, MergeAndUnmergeKeepEachChoiceWithItsOrderer) {
    const std::int64_t seurakunta = orderer_of("pakila/p4"), saatio = orderer_of("pakila/p3");
    set(seurakunta, "association");
    const json::value merged = jc_json({"register", "merge", std::to_string(seurakunta), "--into", std::to_string(saatio),
                                        "--by", "Liisa", "--reason", "test", "--unit", "pakila"});
    EXPECT_EQ(category(saatio), (Category{"association", "person"}));
    jc_json({"register", "unmerge", std::to_string(merged.at("event").as_int64()), "--by", "Liisa", "--reason", "test",
             "--unit", "pakila"});
    EXPECT_EQ(category(saatio), (Category{"foundation", "inferred"}));
    EXPECT_EQ(category(seurakunta), (Category{"association", "person"}));
}

TEST_F(RegisterCategory, RegisterAddTakesAPersonsCategoryOrInfersOne) {
    const json::value given = jc_json({"register", "add", "--unit", "pakila", "--name", "Merja Virtanen", "--category",
                                       "private_person"});
    EXPECT_EQ(category(given.at("id").as_int64()), (Category{"private_person", "person"}));
    const json::value inferred = jc_json({"register", "add", "--unit", "pakila", "--name", "Puistokummit ry"});
    EXPECT_EQ(category(inferred.at("id").as_int64()), (Category{"association", "inferred"}));
    dedupe();
    EXPECT_EQ(category(given.at("id").as_int64()), (Category{"private_person", "person"}));
}

TEST_F(RegisterCategory, WrongRequestsAreRefusedAndChangeNothing) {
    const std::string id = std::to_string(orderer_of("pakila/p1"));
    auto bad = jc({"register", "set-category", "--orderer", id, "--category", "firm"});
    EXPECT_EQ(bad.exit_code, 3);
    EXPECT_NE(bad.err.find("--category"), std::string::npos) << bad.err;
    EXPECT_NE(bad.err.find("unknown category 'firm'"), std::string::npos) << bad.err;
    EXPECT_EQ(jc({"register", "set-category", "--orderer", "999", "--category", "company"}).exit_code, 4);
    EXPECT_EQ(jc({"register", "set-category", "--orderer", id, "--category", "city", "--role", "viewer"}).exit_code, 5);
    EXPECT_EQ(jc({"register", "set-category", "--orderer", id}).exit_code, 2) << "the category is required";
    EXPECT_EQ(category(std::stoll(id)), (Category{"company", "inferred"}));

    ASSERT_EQ(jc({"register", "import", (dir / "uusix.csv").string(), "--unit", "uusix"}).exit_code, 0);
    const std::int64_t u1 = orderer_of("uusix/u1");
    dedupe();
    auto merged_away = jc({"register", "set-category", "--orderer", std::to_string(u1), "--category", "city"});
    EXPECT_EQ(merged_away.exit_code, 3);
    EXPECT_NE(merged_away.err.find("--orderer"), std::string::npos) << merged_away.err;
    EXPECT_NE(merged_away.err.find("merged into " + id), std::string::npos) << merged_away.err;
}

}  // namespace
