// End-to-end tests of `register import`: Finnish and English headers, encodings, all-or-nothing versus
// --skip-bad-rows, dry runs, re-imports that update instead of duplicating, and refused files.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "jobcenter/database.hpp"
#include "register/support/register_cli_fixture.hpp"

namespace {
namespace fs = std::filesystem;
namespace json = boost::json;
using jobcenter::testing::run_jobcenter;
using jobcenter::testing::TempDir;
using jobcenter::testing::write_file;

class RegisterImport : public jobcenter::testing::RegisterCliTest {
protected:
    RegisterImport() { quiet = true; }

    void SetUp() override {
        for (const char* unit : {"pakila", "uusix"}) add_unit(unit);
    }
    std::int64_t orderer_count() { return jc_json({"register", "list", "--limit", "100000"}).at("count").as_int64(); }
    std::string file(const std::string& name, const std::string& text) {
        write_file(dir / name, text);
        return (dir / name).string();
    }
};

const char* const pakila_csv =
    "id;Yritys;Y-tunnus;Katuosoite;Postinumero;Postitoimipaikka;Puhelin;Sähköposti;Yhteyshenkilö\r\n"
    "1;Esimerkki Oy;1234567-1;Mannerheimintie 1 A 3;00100;Helsinki;09 123 4567;info@esimerkki.fi;Maija Mäkinen\r\n"
    "2;\"Siivous \"\"Puhdas\"\" Ky\";;\"Kalliontie 5\nsisäpiha\";00530;Helsinki;040-1234567;;\r\n"
    "3;Väylä ry;;;;Helsinki;;;\r\n";

TEST_F(RegisterImport, ImportsFinnishHeadersAndReimportUpdatesInsteadOfDuplicating) {
    auto path = file("pakila.csv", pakila_csv);
    auto first = jc_json({"register", "import", path, "--unit", "pakila"});
    EXPECT_EQ(first.at("rows").as_int64(), 3);
    EXPECT_EQ(first.at("added").as_int64(), 3);
    EXPECT_EQ(first.at("delimiter").as_string(), ";");
    EXPECT_EQ(orderer_count(), 3);
    auto again = jc_json({"register", "import", path, "--unit", "pakila"});
    EXPECT_EQ(again.at("added").as_int64(), 0);
    EXPECT_EQ(again.at("unchanged").as_int64(), 3);
    EXPECT_EQ(orderer_count(), 3);
    auto changed = file("pakila2.csv", std::string(pakila_csv).replace(std::string(pakila_csv).find("Väylä ry"), 8, "Väylä r.y."));
    auto third = jc_json({"register", "import", changed, "--unit", "pakila"});
    EXPECT_EQ(third.at("updated").as_int64(), 1);
    EXPECT_EQ(third.at("unchanged").as_int64(), 2);
    EXPECT_EQ(orderer_count(), 3);
}

// A re-imported row whose name changed is found by its new name words only: the old words go.
TEST_F(RegisterImport, ReimportReplacesTheNameWords) {
    jc_json({"register", "import", file("pakila.csv", pakila_csv), "--unit", "pakila"});
    std::string renamed = pakila_csv;
    renamed.replace(renamed.find("Väylä ry"), std::string("Väylä ry").size(), "Polku Kulku ry");
    EXPECT_EQ(jc_json({"register", "import", file("renamed.csv", renamed), "--unit", "pakila"}).at("updated").as_int64(), 1);
    auto db_handle = jobcenter::Database::open(db);
    auto record = db_handle.prepare("SELECT id FROM source_record WHERE source_id = '3'");
    ASSERT_TRUE(record.step());
    auto q = db_handle.prepare("SELECT b.word FROM name_word_block b, json_each(b.records) j WHERE j.value = ? ORDER BY b.word");
    q.bind(1, record.get_int(0));
    std::vector<std::string> words;
    while (q.step()) words.push_back(q.get_text(0));
    EXPECT_EQ(words, (std::vector<std::string>{"kulku", "polku"}));
}

// The row as given stays readable by header name, whether the import stored it as an array of values
// under the batch's header or (register add) as an object; a re-import's row reads with its own header.
TEST_F(RegisterImport, RawFieldsReadByHeaderName) {
    jc_json({"register", "import", file("pakila.csv", pakila_csv), "--unit", "pakila"});
    jc_json({"register", "add", "--unit", "pakila", "--name", "Lisätty Oy"});
    auto raw_of = [this](const std::string& name) {
        auto db_handle = jobcenter::Database::open(db);
        auto q = db_handle.prepare("SELECT f.header, f.value FROM source_record_raw f JOIN source_record r ON r.id = f.record_id "
                                   "WHERE r.name = ? ORDER BY f.position");
        q.bind(1, name);
        std::vector<std::pair<std::string, std::string>> fields;
        while (q.step()) fields.emplace_back(q.get_text(0), q.get_text(1));
        return fields;
    };
    using Fields = std::vector<std::pair<std::string, std::string>>;
    EXPECT_EQ(raw_of("Siivous \"Puhdas\" Ky"),
              (Fields{{"id", "2"}, {"Yritys", "Siivous \"Puhdas\" Ky"}, {"Y-tunnus", ""},
                      {"Katuosoite", "Kalliontie 5\nsisäpiha"}, {"Postinumero", "00530"}, {"Postitoimipaikka", "Helsinki"},
                      {"Puhelin", "040-1234567"}, {"Sähköposti", ""}, {"Yhteyshenkilö", ""}}));
    EXPECT_EQ(raw_of("Lisätty Oy"), (Fields{{"name", "Lisätty Oy"}}));

    jc_json({"register", "import", file("reordered.csv", "Puhelin;Yritys;id\n040-7654321;Väylä ry;3\n"), "--unit", "pakila"});
    EXPECT_EQ(raw_of("Väylä ry"), (Fields{{"Puhelin", "040-7654321"}, {"Yritys", "Väylä ry"}, {"id", "3"}}));
}

TEST_F(RegisterImport, SameRowsFromAnotherUnitAreTheirOwnSourceRecords) {
    auto path = file("pakila.csv", pakila_csv);
    jc_json({"register", "import", path, "--unit", "pakila"});
    auto other = jc_json({"register", "import", path, "--unit", "uusix"});
    EXPECT_EQ(other.at("added").as_int64(), 3);
}

TEST_F(RegisterImport, BadRowStopsTheWholeImportAndNamesItsLine) {
    auto path = file("bad.csv", "Nimi,Puhelin\nHyvä Oy,0401234567\n,0501234567\nToinen Oy,\n");
    auto r = jc({"register", "import", path, "--unit", "pakila"});
    EXPECT_EQ(r.exit_code, 3);
    EXPECT_NE(r.err.find("bad.csv:3: the name is empty"), std::string::npos) << r.err;
    EXPECT_EQ(orderer_count(), 0);
    auto skipped = jc_json({"register", "import", path, "--unit", "pakila", "--skip-bad-rows"});
    EXPECT_EQ(skipped.at("added").as_int64(), 2);
    EXPECT_EQ(skipped.at("skipped").as_int64(), 1);
    EXPECT_EQ(skipped.at("bad_rows").as_array()[0].at("line").as_int64(), 3);
    EXPECT_EQ(orderer_count(), 2);
}

TEST_F(RegisterImport, DryRunWritesNothing) {
    auto path = file("pakila.csv", pakila_csv);
    auto dry = jc_json({"register", "import", path, "--unit", "pakila", "--dry-run"});
    EXPECT_EQ(dry.at("added").as_int64(), 3);
    EXPECT_TRUE(dry.at("dry_run").as_bool());
    EXPECT_EQ(orderer_count(), 0);
}

TEST_F(RegisterImport, Windows1252AndTabsAreDetected) {
    auto path = file("latin.csv", "Nimi\tPostitoimipaikka\n\xC4\xE4kk\xF6sen Kuljetus Oy\tH\xE4meenlinna\n");
    auto result = jc_json({"register", "import", path, "--unit", "pakila"});
    EXPECT_EQ(result.at("encoding").as_string(), "Windows-1252");
    EXPECT_EQ(result.at("delimiter").as_string(), "tab");
    auto list = jc_json({"register", "list"});
    EXPECT_EQ(list.at("rows").as_array()[0].at("name").as_string(), "Ääkkösen Kuljetus Oy");
}

TEST_F(RegisterImport, UnitPerRowNeedsKnownUnitsAndACoordinator) {
    auto path = file("rows.csv", "unit,source_id,name\npakila,a1,Alfa Oy\nuusix,b1,Beta Oy\nnowhere,c1,Gamma Oy\n");
    auto staff = jc({"register", "import", path, "--unit-column", "unit"});
    EXPECT_EQ(staff.exit_code, 5) << staff.err;
    auto r = jc({"register", "import", path, "--unit-column", "unit", "--role", "coordinator"});
    EXPECT_EQ(r.exit_code, 3);
    EXPECT_NE(r.err.find("rows.csv:4: unknown unit 'nowhere'"), std::string::npos) << r.err;
    auto ok = jc_json({"register", "import", path, "--unit-column", "unit", "--role", "coordinator", "--skip-bad-rows"});
    EXPECT_EQ(ok.at("added").as_int64(), 2);
}

TEST_F(RegisterImport, DuplicateIdsInOneFileAreBadRows) {
    auto path = file("dup.csv", "id;Nimi\n7;Alfa Oy\n7;Beta Oy\n8;Gamma Oy\n;Tyhjä Oy\n7;Delta Oy\n8;Epsilon Oy\n");
    auto r = jc({"register", "import", path, "--unit", "pakila"});
    EXPECT_EQ(r.exit_code, 3);
    EXPECT_NE(r.err.find("dup.csv:3: the id '7' was already used on line 2"), std::string::npos) << r.err;
    auto skipped = jc_json({"register", "import", path, "--unit", "pakila", "--skip-bad-rows"});
    EXPECT_EQ(skipped.at("added").as_int64(), 2);
    std::vector<std::pair<std::int64_t, std::string>> bad;
    for (const auto& b : skipped.at("bad_rows").as_array())
        bad.emplace_back(b.at("line").as_int64(), std::string(b.at("reason").as_string()));
    using Bad = std::vector<std::pair<std::int64_t, std::string>>;
    EXPECT_EQ(bad, (Bad{{3, "the id '7' was already used on line 2"}, {5, "the id column is empty"},
                        {6, "the id '7' was already used on line 2"}, {7, "the id '8' was already used on line 4"}}));
    std::vector<std::string> ids;
    const auto clusters = jc_json({"register", "export-clusters"});
    for (const auto& row : clusters.at("rows").as_array())
        ids.emplace_back(row.at("source_id").as_string());
    EXPECT_EQ(ids, (std::vector<std::string>{"7", "8"})) << "the first row of each id is the one kept";

    // Without an id column a row's id is its content: the same row twice is one record.
    auto same = file("same.csv", "Nimi;Puhelin\nAlfa Oy;0401\nBeta Oy;0402\nAlfa Oy;0401\n");
    auto again = jc_json({"register", "import", same, "--unit", "uusix", "--skip-bad-rows"});
    EXPECT_EQ(again.at("added").as_int64(), 2);
    EXPECT_EQ(again.at("bad_rows").as_array()[0].at("reason").as_string(), "the same row as line 2");
}

TEST_F(RegisterImport, RefusedFilesWriteNothing) {
    EXPECT_EQ(jc({"register", "import", file("empty.csv", ""), "--unit", "pakila"}).exit_code, 3);
    EXPECT_EQ(jc({"register", "import", file("noname.csv", "Puhelin;Osoite\n0401234567;Katu 1\n"), "--unit", "pakila"}).exit_code, 3);
    EXPECT_EQ(jc({"register", "import", file("twonames.csv", "Nimi;Yritys\nA;B\n"), "--unit", "pakila"}).exit_code, 3);
    EXPECT_EQ(jc({"register", "import", file("hetu.csv", "Nimi;Hetu\nA;010101-123N\n"), "--unit", "pakila"}).exit_code, 3);
    EXPECT_EQ(jc({"register", "import", file("quote.csv", "Nimi;Puhelin\n\"Auki Oy;0401234567\n"), "--unit", "pakila"}).exit_code, 3);
    EXPECT_EQ(jc({"register", "import", (dir / "missing.csv").string(), "--unit", "pakila"}).exit_code, 4);
    EXPECT_EQ(jc({"register", "import", file("x.csv", "Nimi\nA\n")}).exit_code, 2);  // whose register?
    EXPECT_EQ(orderer_count(), 0);
}

TEST_F(RegisterImport, MapNamesAnUnrecognisedColumn) {
    auto path = file("map.csv", "Toimija;Numero\nAlfa Oy;0401234567\n");
    EXPECT_EQ(jc({"register", "import", path, "--unit", "pakila"}).exit_code, 3);
    auto ok = jc_json({"register", "import", path, "--unit", "pakila", "--map", "name=Toimija", "--map", "phone=Numero"});
    EXPECT_EQ(ok.at("added").as_int64(), 1);
}

}  // namespace
