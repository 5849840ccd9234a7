// End-to-end tests of the keys' revision: a register whose stored keys an older normalisation read (emulated
// by writing such keys and revision 0 into the database) is read again by the next dedupe, which then links
// what the new keys link; the check and a dry run say the keys are outdated and change nothing.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "jobcenter/database.hpp"
#include "register/support/register_cli_fixture.hpp"

namespace {
namespace json = boost::json;
using jobcenter::Database;
using jobcenter::testing::write_file;

class RegisterKeyRevision : public jobcenter::testing::RegisterCliTest {
protected:
    RegisterKeyRevision() { quiet = true; }

    void SetUp() override {
        add_unit("pakila");
        write_file(dir / "pakila.csv",
                   "id;Yritys;Katuosoite;Postinumero;Puhelin\n"
                   "p1;Siivouspalvelu Kiilto Oy;Mannerheimintie 5;00100;09 123 4567\n"
                   "p2;Siivouspalvelu Kiilto;Mannerheimintie 5;00100;09 123 4567\n"
                   "p3;Puutarha Vihreä Ky;Itäkatu 3;00930;040 765 4321\n");
        ASSERT_EQ(jc({"register", "import", (dir / "pakila.csv").string(), "--unit", "pakila", "--link", "--role",
                      "coordinator"})
                      .exit_code,
                  0);
    }

    // The register as an older version would have left it: p2's street key and name key read otherwise (so
    // that p1 and p2 no longer share them), the revision before revisions were kept, and the runs recorded
    // without it.
    void key_as_an_older_version() {
        auto opened = Database::open(db);
        opened.exec("UPDATE source_record SET street_key = 'mannerheimintie 5 b', name_key = 'siivouspalvelu kiiltoo' "
                    "WHERE source_id = 'p2'");
        opened.exec("UPDATE register_key_revision SET revision = 0");
        opened.exec("UPDATE dedupe_run SET rules = replace(rules, '; keys 1', '')");
    }

    std::string stored(const std::string& column, const std::string& source_id) {
        auto opened = Database::open(db);
        auto q = opened.prepare("SELECT " + column + " FROM source_record WHERE source_id = ?");
        q.bind(1, source_id);
        return q.step() ? q.get_text(0) : "";
    }
    std::int64_t revision() {
        auto opened = Database::open(db);
        auto q = opened.prepare("SELECT revision FROM register_key_revision");
        return q.step() ? q.get_int(0) : -1;
    }
};

TEST_F(RegisterKeyRevision, AnImportIntoAnEmptyRegisterKeysItByThisRevision) {
    EXPECT_EQ(revision(), 1);
    const auto check = jc_json({"register", "check", "--name", "Siivouspalvelu Kiilto"});
    EXPECT_FALSE(check.as_object().contains("warnings")) << json::serialize(check);
}

TEST_F(RegisterKeyRevision, TheNextDedupeReadsOutdatedKeysAgainAndRunsOverTheWholeRegister) {
    key_as_an_older_version();
    const auto full_before = jc_json({"register", "dedupe", "--full", "--role", "coordinator"});
    EXPECT_EQ(full_before.at("keys_read_again").at("changed").as_int64(), 1) << json::serialize(full_before);
    EXPECT_EQ(full_before.at("keys_read_again").at("records").as_int64(), 3);
    EXPECT_EQ(full_before.at("keys_read_again").at("from_revision").as_int64(), 0);
    EXPECT_EQ(full_before.at("keys_read_again").at("to_revision").as_int64(), 1);
    EXPECT_EQ(stored("street_key", "p2"), stored("street_key", "p1"));
    EXPECT_EQ(stored("name_key", "p2"), "siivouspalvelu kiilto");
    EXPECT_EQ(revision(), 1);
    const auto clusters = register_clusters();
    EXPECT_EQ(clusters.at("pakila/p1"), clusters.at("pakila/p2"));

    const auto again = jc_json({"register", "dedupe", "--role", "coordinator"});
    EXPECT_FALSE(again.as_object().contains("keys_read_again")) << json::serialize(again);
}

TEST_F(RegisterKeyRevision, ARunAfterTheKeysWereReadAgainIsAWholeOne) {
    jc_json({"register", "dedupe", "--role", "coordinator"});
    key_as_an_older_version();
    const auto run = jc_json({"register", "dedupe", "--role", "coordinator"});
    EXPECT_EQ(run.at("keys_read_again").at("changed").as_int64(), 1) << json::serialize(run);
    EXPECT_EQ(run.at("mode").as_string(), "full") << json::serialize(run);
    EXPECT_EQ(run.at("why").as_string(), "the register's keys were read again since the last run");
}

TEST_F(RegisterKeyRevision, TheCheckAndADryRunSayTheKeysAreOutdatedAndChangeNothing) {
    key_as_an_older_version();
    const auto check = jc_json({"register", "check", "--name", "Siivouspalvelu Kiilto"});
    ASSERT_TRUE(check.as_object().contains("warnings")) << json::serialize(check);
    EXPECT_NE(json::serialize(check.at("warnings")).find("older version (revision 0, now 1)"), std::string::npos)
        << json::serialize(check);

    const std::string before = database_contents();
    const auto dry = jc_json({"register", "dedupe", "--dry-run", "--role", "coordinator"});
    EXPECT_FALSE(dry.as_object().contains("keys_read_again")) << json::serialize(dry);
    EXPECT_NE(json::serialize(dry.at("warnings")).find("a dedupe that writes reads them again"), std::string::npos);
    EXPECT_EQ(database_contents(), before);
    EXPECT_EQ(revision(), 0);
}

TEST_F(RegisterKeyRevision, AnImportThatLinksReadsOutdatedKeysFirst) {
    key_as_an_older_version();
    write_file(dir / "later.csv", "id;Yritys;Katuosoite;Postinumero\np4;Kahvila Aamu;Aleksanterinkatu 9;00100\n");
    const auto report = jc_json({"register", "import", (dir / "later.csv").string(), "--unit", "pakila", "--link",
                                 "--role", "coordinator"});
    EXPECT_EQ(report.at("keys_read_again").at("changed").as_int64(), 1) << json::serialize(report);
    EXPECT_EQ(stored("street_key", "p2"), stored("street_key", "p1"));
    EXPECT_EQ(revision(), 1);
}

}  // namespace
