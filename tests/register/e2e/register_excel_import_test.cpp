// End-to-end tests of an import of a list saved from Excel, whose numeric columns lost their leading zeros:
// the zeros put back for matching and the golden record, counted per column, and the values as given kept.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "jobcenter/database.hpp"
#include "register/support/register_cli_fixture.hpp"

namespace {
namespace json = boost::json;
using jobcenter::testing::write_file;

class RegisterExcelImport : public jobcenter::testing::RegisterCliTest {
protected:
    RegisterExcelImport() { quiet = true; }

    void SetUp() override {
        for (const char* unit : {"pakila", "uusix"}) add_unit(unit);
        // uusix keeps its list as text: every zero in place.
        write_file(dir / "uusix.csv",
                   "id;Yritys;Y-tunnus;Katuosoite;Postinumero;Postitoimipaikka;Puhelin\n"
                   "u1;Kukkakauppa Virtanen Oy;;Mannerheimintie 5;00100;Helsinki;040 111 2222\n"
                   "u2;Helsingin kaupunki, Kasvatuksen ja koulutuksen toimiala;0201256-6;T\xC3\xB6\xC3\xB6l\xC3\xB6nkatu 7;"
                   "00260;Helsinki;09 310 1234\n"
                   "u3;Puutarha M\xC3\xA4kinen Ky;;Kalliontie 3;02100;Espoo;09 876 5432\n");
        // pakila's list went through Excel: Windows-1252, ';', and every numeric column without its zeros.
        // p4's business ID padded has a wrong check digit and its phone has its 0, p5's postcode has all
        // five digits and its phone is foreign: none of these is touched.
        write_file(dir / "pakila.csv",
                   "id;Yritys;Y-tunnus;Katuosoite;Postinumero;Postitoimipaikka;Puhelin\r\n"
                   "p1;Kukkakauppa Virtanen Oy;;Mannerheimintie 5;100;Helsinki;401112222\r\n"
                   "p2;Helsingin kaupunki, Kasvatuksen ja koulutuksen toimiala;2012566;T\xF6\xF6l\xF6nkatu 7;260;"
                   "Helsinki;93101234\r\n"
                   "p3;Puutarha M\xE4kinen Ky;;Kalliontie 3;2100;Espoo;98765432\r\n"
                   "p4;Rakennus Lahtinen Oy;1234563;Sturenkatu 21;510;Helsinki;091234567\r\n"
                   "p5;Kahvila S\xE4" "de Oy;;Hakaniemenranta 1;00530;Helsinki;+46 8 123 456\r\n");
    }
    json::value import(const char* unit, std::vector<std::string> extra = {}) {
        std::vector<std::string> args{"register", "import", (dir / (std::string(unit) + ".csv")).string(), "--unit", unit};
        args.insert(args.end(), extra.begin(), extra.end());
        return jc_json(args);
    }
    std::string text(const std::string& sql) {
        auto opened = jobcenter::Database::open(db);
        auto q = opened.prepare(sql);
        if (!q.step() || q.is_null(0)) return "";
        return q.get_text(0);
    }
};

TEST_F(RegisterExcelImport, DamagedRowsLinkToTheirUndamagedTwinsAndTheReportCountsWhatWasRestored) {
    const json::value clean = import("uusix");
    EXPECT_EQ(clean.at("restored"), (json::object{{"postcode", 0}, {"phone", 0}, {"business_id", 0}}));
    const json::value damaged = import("pakila");
    EXPECT_EQ(damaged.at("encoding").as_string(), "Windows-1252");
    EXPECT_EQ(damaged.at("delimiter").as_string(), ";");
    EXPECT_EQ(damaged.at("restored"), (json::object{{"postcode", 4}, {"phone", 3}, {"business_id", 1}}));

    jc_json({"register", "dedupe", "--role", "coordinator"});
    auto clusters = register_clusters();
    EXPECT_EQ(clusters["pakila/p1"], clusters["uusix/u1"]) << "same street, same phone: one firm";
    EXPECT_EQ(clusters["pakila/p2"], clusters["uusix/u2"]) << "the City's division, its business ID restored";
    EXPECT_EQ(clusters["pakila/p3"], clusters["uusix/u3"]) << "an Espoo postcode and a 09 landline";
    EXPECT_EQ(jc_json({"register", "review", "list"}).at("waiting").as_int64(), 0) << "nothing left for a person";

    // The source records keep what the file said; the keys and the golden record have the zeros back.
    EXPECT_EQ(text("SELECT postcode FROM source_record WHERE source_id = 'p1'"), "100");
    EXPECT_EQ(text("SELECT phone FROM source_record WHERE source_id = 'p1'"), "401112222");
    EXPECT_EQ(text("SELECT business_id_raw FROM source_record WHERE source_id = 'p2'"), "2012566");
    EXPECT_EQ(text("SELECT business_id FROM source_record WHERE source_id = 'p2'"), "0201256-6");
    EXPECT_EQ(text("SELECT postcode_key FROM source_record WHERE source_id = 'p3'"), "02100");
    EXPECT_EQ(text("SELECT phone_e164 FROM source_record WHERE source_id = 'p3'"), "+35898765432");
    EXPECT_EQ(text("SELECT business_id FROM source_record WHERE source_id = 'p4'"), "") << "a wrong check digit";
    EXPECT_EQ(text("SELECT postcode_key FROM source_record WHERE source_id = 'p4'"), "00510");
    EXPECT_EQ(text("SELECT phone_e164 FROM source_record WHERE source_id = 'p4'"), "+35891234567") << "its 0 was there";
    EXPECT_EQ(text("SELECT phone_e164 FROM source_record WHERE source_id = 'p5'"), "+468123456");
    const auto given = text("SELECT g.raw FROM source_record_given g JOIN source_record r ON r.id = g.record_id "
                            "WHERE r.source_id = 'p1'");
    EXPECT_EQ(json::parse(given), (json::array{"p1", "Kukkakauppa Virtanen Oy", "", "Mannerheimintie 5", "100", "Helsinki",
                                               "401112222"}));

    const json::value shown = jc_json({"register", "get", std::to_string(clusters["pakila/p1"])});
    EXPECT_EQ(shown.at("postcode").as_string(), "00100");
    // A record on its own, never linked: its orderer shows the restored values from the start.
    const json::value alone = jc_json({"register", "get", std::to_string(clusters["pakila/p4"])});
    EXPECT_EQ(alone.at("postcode").as_string(), "00510");
    EXPECT_EQ(alone.at("business_id_invalid").as_string(), "1234563");
}

// An import that links gives the damaged rows the same orderers and golden records as import and dedupe.
TEST_F(RegisterExcelImport, ImportThatLinksRestoresAlike) {
    import("uusix", {"--role", "coordinator", "--link"});
    const json::value damaged = import("pakila", {"--role", "coordinator", "--link"});
    EXPECT_EQ(damaged.at("restored"), (json::object{{"postcode", 4}, {"phone", 3}, {"business_id", 1}}));
    auto clusters = register_clusters();
    EXPECT_EQ(clusters["pakila/p1"], clusters["uusix/u1"]);
    EXPECT_EQ(clusters["pakila/p2"], clusters["uusix/u2"]);
    EXPECT_EQ(clusters["pakila/p3"], clusters["uusix/u3"]);
    const json::value alone = jc_json({"register", "get", std::to_string(clusters["pakila/p4"])});
    EXPECT_EQ(alone.at("postcode").as_string(), "00510");
}

// Restoring phones is for Finnish numbers: with another default country a 9-digit value is as given.
TEST_F(RegisterExcelImport, PhonesOfAnotherCountryAreNotRestored) {
    const json::value damaged = import("pakila", {"--phone-country", "1"});
    EXPECT_EQ(damaged.at("restored"), (json::object{{"postcode", 4}, {"phone", 0}, {"business_id", 1}}));
}

// The text report says it too.
TEST_F(RegisterExcelImport, TextReportHasTheRestoredLine) {
    auto result = jc({"register", "import", (dir / "pakila.csv").string(), "--unit", "pakila", "--dry-run", "--format", "text"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.out.find("restored:\n  postcode: 4\n  phone: 3\n  business_id: 1\n"), std::string::npos) << result.out;
}

// A CRM that keeps numbers as numbers sends them to the entry-time check and to `register add` without their
// zeros: both read them as an import does and say so, and the entry is found against its undamaged twin.
TEST_F(RegisterExcelImport, CheckAndAddReadLostZerosAsAnImportDoes) {
    import("uusix");
    jc_json({"register", "dedupe", "--role", "coordinator"});
    const json::value check = jc_json({"register", "check", "--unit", "pakila", "--name", "Kukkakauppa Virtanen",
                                       "--street", "Mannerheimintie 5", "--postcode", "100", "--phone", "401112222"});
    const json::array& warnings = check.at("warnings").as_array();
    ASSERT_EQ(warnings.size(), 2u) << check;
    EXPECT_EQ(warnings[0].as_string(), "phone 401112222 read as 0401112222: its leading zeros were missing, as when "
                                       "a spreadsheet reads the column as numbers");
    EXPECT_EQ(warnings[1].as_string().subview().substr(0, 31), "postcode 100 read as 00100: its");
    const json::object& best = check.at("matches").as_array().at(0).as_object();
    EXPECT_EQ(best.at("orderer").as_int64(), register_clusters()["uusix/u1"]);
    EXPECT_EQ(best.at("verdict").as_string(), "same orderer");

    const json::value added = jc_json({"register", "add", "--unit", "pakila", "--name", "Rakennus Hakala Oy",
                                       "--business-id", "2012566", "--postcode", "260", "--phone", "93101234"});
    EXPECT_EQ(added.at("business_id").as_string(), "0201256-6");
    EXPECT_EQ(added.at("warnings").as_array().at(0).as_string().subview().substr(0, 40),
              "business ID 2012566 read as 0201256-6: i");
    EXPECT_EQ(added.at("warnings").as_array().size(), 3u) << added;
    // The golden record has the zeros back, as an import's; the source record keeps the values as given.
    const std::string id = std::to_string(added.at("id").as_int64());
    const json::value shown = jc_json({"register", "get", id});
    EXPECT_EQ(shown.at("postcode").as_string(), "00260");
    EXPECT_EQ(shown.at("phone").as_string(), "093101234");
    EXPECT_EQ(text("SELECT postcode FROM source_record WHERE orderer_id = " + id), "260");
    EXPECT_EQ(text("SELECT postcode_key FROM source_record WHERE orderer_id = " + id), "00260");
    EXPECT_EQ(text("SELECT phone_e164 FROM source_record WHERE orderer_id = " + id), "+35893101234");
}

}  // namespace
