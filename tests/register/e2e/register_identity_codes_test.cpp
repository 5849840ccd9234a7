// End-to-end tests of keeping personal identity codes out: an imported file with codes in any column is
// refused whole, naming columns and lines but never a code; --drop-column and --mask-identity-codes let
// such a file in without them; and every command's flags are refused when they carry a code.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "register/support/register_cli_fixture.hpp"
#include "support/identity_codes.hpp"

namespace {
namespace json = boost::json;
using jobcenter::testing::identity_code;
using jobcenter::testing::write_file;

class RegisterIdentityCodes : public jobcenter::testing::RegisterCliTest {
protected:
    RegisterIdentityCodes() { quiet = true; }

    void SetUp() override { add_unit("pakila"); }
    std::string file(const std::string& name, const std::string& text) {
        write_file(dir / name, text);
        return (dir / name).string();
    }
    // The rows of source_record_given.raw, in line order.
    std::vector<std::string> stored_raw_rows() {
        auto opened = jobcenter::Database::open(db);
        auto q = opened.prepare("SELECT raw FROM source_record_given ORDER BY line");
        std::vector<std::string> rows;
        while (q.step()) rows.push_back(q.get_text(0));
        return rows;
    }
    // Every text stored anywhere in the database.
    bool database_holds(const std::string& text) { return database_contents().find(text) != std::string::npos; }

    const std::string code_1900 = identity_code("010190", '-', "123");
    const std::string code_2023_sign = identity_code("150385", 'Y', "234");  // 1985, a sign in use since 2023
    const std::string code_2000s = identity_code("240712", 'B', "901");      // 2012, a sign in use since 2023
};

// A notes column the import does not store as a field, holding codes on three lines.
std::string file_with_codes_in_notes(const std::string& a, const std::string& b) {
    return "id;Yritys;Puhelin;notes\n"
           "p1;Esimerkki Oy;09 123 4567;asiakas " + a + " soitti\n"
           "p2;Toinen Oy;;ok\n"
           "p3;Kolmas Ky;;" + b + "\n"
           "p4;Neljäs Oy;;(" + a + ")\n";
}

TEST_F(RegisterIdentityCodes, AFileWithCodesInAnUnmappedColumnIsRefusedNamingColumnAndLines) {
    jc_json({"register", "add", "--unit", "pakila", "--name", "Ennestään Oy"});
    const std::string before = database_contents();
    auto path = file("notes.csv", file_with_codes_in_notes(code_1900, code_2023_sign));
    auto r = jc({"register", "import", path, "--unit", "pakila"});
    EXPECT_EQ(r.exit_code, 3) << r.err;
    EXPECT_NE(r.err.find(path + ": personal identity codes (henkilötunnus) in column 'notes' on lines 2, 4, 5."),
              std::string::npos)
        << r.err;
    EXPECT_NE(r.err.find("--drop-column"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("--mask-identity-codes"), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find(code_1900), std::string::npos) << "the message never repeats a code";
    EXPECT_EQ(r.err.find(code_2023_sign), std::string::npos);
    EXPECT_EQ(database_contents(), before) << "nothing was written";

    auto dry = jc({"register", "import", path, "--unit", "pakila", "--dry-run"});
    EXPECT_EQ(dry.exit_code, 3) << "a dry run is refused the same way";
    auto skipping = jc({"register", "import", path, "--unit", "pakila", "--skip-bad-rows"});
    EXPECT_EQ(skipping.exit_code, 3) << "the whole file is refused, not only its rows";
    EXPECT_EQ(database_contents(), before);
}

TEST_F(RegisterIdentityCodes, ManyLinesAreNamedUpToTenThenCounted) {
    std::string text = "Yritys;Lisätieto;Kommentti\n";
    for (int i = 0; i < 14; ++i) text += "Firma " + std::to_string(i) + ";" + code_2000s + ";\n";
    text += "Viimeinen Oy;;" + code_1900 + "\n";
    auto r = jc({"register", "import", file("many.csv", text), "--unit", "pakila"});
    EXPECT_EQ(r.exit_code, 3);
    EXPECT_NE(r.err.find("column 'Lisätieto' on lines 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 and 4 more; "
                         "column 'Kommentti' on line 16."),
              std::string::npos)
        << r.err;
}

TEST_F(RegisterIdentityCodes, CodesOfEveryCenturySignAreRefusedInAnyColumn) {
    for (const auto& code : {code_1900, code_2023_sign, code_2000s, identity_code("290200", 'A', "002"),
                             identity_code("311299", '+', "555")}) {
        auto in_name = jc({"register", "import", file("name.csv", "Yritys;Puhelin\nFirma " + code + ";\n"), "--unit", "pakila"});
        EXPECT_EQ(in_name.exit_code, 3) << code;
        EXPECT_NE(in_name.err.find("column 'Yritys' on line 2"), std::string::npos) << in_name.err;
    }
    std::string lower = code_2000s;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    EXPECT_EQ(jc({"register", "import", file("lower.csv", "Yritys;x\nA;" + lower + "\n"), "--unit", "pakila"}).exit_code, 3);
    EXPECT_TRUE(stored_raw_rows().empty());
}

TEST_F(RegisterIdentityCodes, NearMissesAreImported) {
    auto report = jc_json({"register", "import",
                           file("ok.csv", "Yritys;Y-tunnus;Puhelin;notes\n"
                                          "Esimerkki Oy;1234567-1;+358 40 123 4567;syntynyt 01.01.1990\n"
                                          "Toinen Oy;0201256-6;040-1234567;tili FI21 1234 5600 0007 85\n"),
                           "--unit", "pakila"});
    EXPECT_EQ(report.at("added").as_int64(), 2);
}

TEST_F(RegisterIdentityCodes, DropColumnLeavesTheColumnUnread) {
    auto path = file("notes.csv", file_with_codes_in_notes(code_1900, code_2000s));
    auto report = jc_json({"register", "import", path, "--unit", "pakila", "--drop-column", "notes"});
    EXPECT_EQ(report.at("added").as_int64(), 4);
    EXPECT_EQ(report.at("dropped_columns"), json::array({"notes"}));
    const auto rows = stored_raw_rows();
    ASSERT_EQ(rows.size(), 4u);
    EXPECT_EQ(rows[0], R"(["p1","Esimerkki Oy","09 123 4567"])") << "the column is not stored either";
    EXPECT_FALSE(database_holds(code_1900));
    auto opened = jobcenter::Database::open(db);
    auto header = opened.prepare("SELECT header FROM import_batch");
    ASSERT_TRUE(header.step());
    EXPECT_EQ(header.get_text(0), R"(["id","Yritys","Puhelin"])") << "not even its header";
}

TEST_F(RegisterIdentityCodes, DropColumnAlsoLeavesOutAColumnHeadedAsIdentityCodes) {
    const std::string text = "Yritys;Hetu;Henkilötunnus\nEsimerkki Oy;" + code_1900 + ";" + code_2023_sign + "\n";
    auto refused = jc({"register", "import", file("hetu.csv", text), "--unit", "pakila", "--drop-column", "Hetu"});
    EXPECT_EQ(refused.exit_code, 3) << "the other column is still there";
    auto report = jc_json({"register", "import", file("hetu.csv", text), "--unit", "pakila", "--drop-column", "Hetu",
                           "--drop-column", "henkilotunnus"});
    EXPECT_EQ(report.at("added").as_int64(), 1);
    EXPECT_EQ(stored_raw_rows(), std::vector<std::string>{R"(["Esimerkki Oy"])"});
}

TEST_F(RegisterIdentityCodes, DropColumnOfNoHeaderIsAUsageError) {
    const std::string before = database_contents();
    auto r = jc({"register", "import", file("notes.csv", file_with_codes_in_notes(code_1900, code_1900)), "--unit", "pakila",
                 "--drop-column", "Muistiinpanot"});
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_NE(r.err.find("--drop-column: the file"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("has no column 'Muistiinpanot'; its headers are 'id', 'Yritys', 'Puhelin', 'notes'"),
              std::string::npos)
        << r.err;
    EXPECT_EQ(database_contents(), before);
}

TEST_F(RegisterIdentityCodes, MaskingStoresTheMaskInsteadOfTheCodes) {
    auto path = file("notes.csv", file_with_codes_in_notes(code_1900, code_2023_sign + " ja " + code_2000s));
    auto report = jc_json({"register", "import", path, "--unit", "pakila", "--mask-identity-codes"});
    EXPECT_EQ(report.at("added").as_int64(), 4);
    EXPECT_EQ(report.at("masked_identity_codes"), json::object({{"notes", 3}})) << "values masked, per column";
    const auto rows = stored_raw_rows();
    ASSERT_EQ(rows.size(), 4u);
    EXPECT_EQ(rows[0], R"(["p1","Esimerkki Oy","09 123 4567","asiakas [identity code removed] soitti"])");
    EXPECT_EQ(rows[2], R"(["p3","Kolmas Ky","","[identity code removed] ja [identity code removed]"])");
    for (const auto& code : {code_1900, code_2023_sign, code_2000s}) EXPECT_FALSE(database_holds(code)) << code;

    auto name = jc_json({"register", "import", file("name.csv", "Yritys\nFirma " + code_1900 + "\n"), "--unit", "pakila",
                         "--mask-identity-codes"});
    EXPECT_EQ(name.at("masked_identity_codes"), json::object({{"Yritys", 1}}));
    EXPECT_EQ(jc_json({"register", "list", "--name", "Firma"}).at("rows").at(0).at("name").as_string(),
              "Firma [identity code removed]");
    EXPECT_FALSE(database_holds(code_1900));
}

TEST_F(RegisterIdentityCodes, AColumnHeadedAsIdentityCodesIsStillRefusedWhenMasking) {
    const std::string before = database_contents();
    auto r = jc({"register", "import", file("hetu.csv", "Yritys;Hetu\nEsimerkki Oy;\n"), "--unit", "pakila",
                 "--mask-identity-codes"});
    EXPECT_EQ(r.exit_code, 3);
    EXPECT_NE(r.err.find("the column 'Hetu' looks like personal identity codes"), std::string::npos) << r.err;
    EXPECT_EQ(database_contents(), before);
}

TEST_F(RegisterIdentityCodes, RegisterAddRefusesACodeInAnyFlagNamingIt) {
    const std::string before = database_contents();
    auto in_name = jc({"register", "add", "--unit", "pakila", "--name", "Toiminimi " + code_2023_sign});
    EXPECT_EQ(in_name.exit_code, 3);
    EXPECT_NE(in_name.err.find("--name: holds a personal identity code"), std::string::npos) << in_name.err;
    EXPECT_EQ(in_name.err.find(code_2023_sign), std::string::npos) << in_name.err;
    auto in_street = jc({"register", "add", "--unit", "pakila", "--name", "Firma", "--street", code_1900});
    EXPECT_EQ(in_street.exit_code, 3);
    EXPECT_NE(in_street.err.find("--street: holds a personal identity code"), std::string::npos) << in_street.err;
    EXPECT_EQ(database_contents(), before);
}

TEST_F(RegisterIdentityCodes, ContactAddRefusesACodeInItsNote) {
    const auto orderer = std::to_string(jc_json({"register", "add", "--unit", "pakila", "--name", "Firma"}).at("id").as_int64());
    const std::string before = database_contents();
    auto r = jc({"register", "contact", "add", orderer, "--unit", "pakila", "--staff", "Maija", "--outcome", "waiting",
                 "--note", "asiakkaan hetu " + code_2000s});
    EXPECT_EQ(r.exit_code, 3);
    EXPECT_NE(r.err.find("--note: holds a personal identity code"), std::string::npos) << r.err;
    EXPECT_EQ(database_contents(), before);
}

TEST_F(RegisterIdentityCodes, EveryCommandsTextsAreChecked) {
    const std::string before = database_contents();
    auto decide = jc({"register", "review", "decide", "1", "--verdict", "skip", "--by", code_1900, "--reason", "r"});
    EXPECT_EQ(decide.exit_code, 3);
    EXPECT_NE(decide.err.find("--by: holds a personal identity code"), std::string::npos) << decide.err;
    auto title = jc({"unit", "add", "kallio", "--title", "Kallio " + code_1900, "--organisation", "KUTY", "--role", "admin"});
    EXPECT_EQ(title.exit_code, 3);
    EXPECT_NE(title.err.find("--title"), std::string::npos) << title.err;
    auto path = jc({"register", "import", (dir / (code_1900 + ".csv")).string(), "--unit", "pakila"});
    EXPECT_EQ(path.exit_code, 3) << "a file name is a text as well";
    EXPECT_NE(path.err.find("FILE: holds a personal identity code"), std::string::npos) << path.err;
    auto read = jc({"register", "list", "--name", code_2023_sign});
    EXPECT_EQ(read.exit_code, 3) << "also a command that stores nothing";
    auto keep = jc({"--role", "coordinator", "register", "merge", "1", "--into", "2", "--by", "A", "--reason", "r",
                    "--keep", "name=1", "--keep", "x " + code_2000s});
    EXPECT_EQ(keep.exit_code, 3);
    EXPECT_NE(keep.err.find("--keep[2]: holds"), std::string::npos) << keep.err;
    EXPECT_EQ(database_contents(), before);
}

TEST_F(RegisterIdentityCodes, FieldsFromAnInputFileAreCheckedToo) {
    write_file(dir / "input.json", R"({"name": "Firma", "extra": {"people": ["ok", ")" + code_1900 + R"("]}})");
    auto r = jc({"register", "add", "--unit", "pakila", "--input", (dir / "input.json").string()});
    EXPECT_EQ(r.exit_code, 3);
    EXPECT_NE(r.err.find("field extra.people[2]: holds a personal identity code"), std::string::npos) << r.err;
}

}  // namespace
