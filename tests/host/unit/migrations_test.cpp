// Tests of schema migrations: order, idempotence, whole-file rollback with a precise error, checksums,
// numbering and naming rules, triggers, and independent components.
#include <gtest/gtest.h>

#include "jobcenter/errors.hpp"
#include "migrations.hpp"
#include "support/test_support.hpp"

namespace jobcenter {
namespace {

using jobcenter::testing::TempDir;
using jobcenter::testing::write_file;

bool table_exists(Database& db, const std::string& name) {
    auto select = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
    select.bind(1, name);
    return select.step();
}

std::vector<std::string> names(const std::vector<AppliedMigration>& migrations) {
    std::vector<std::string> result;
    for (const auto& m : migrations) result.push_back(m.component + "/" + m.name);
    return result;
}

class Migrations : public ::testing::Test {
protected:
    TempDir dir;
    Database db = Database::open(dir / "test.db");
    std::filesystem::path folder = dir / "schema" / "register";

    void add(const std::string& file, const std::string& sql) { write_file(folder / file, sql); }
};

TEST_F(Migrations, AppliesInOrderAndRecordsThem) {
    add("002_contact.sql", "CREATE TABLE contact (id INTEGER PRIMARY KEY, orderer_id INTEGER REFERENCES orderer(id));");
    add("001_orderer.sql", "CREATE TABLE orderer (id INTEGER PRIMARY KEY, name TEXT NOT NULL);");
    add("README.md", "Migrations of the register plugin.");
    add("notes.txt", "ignored");

    auto applied = apply_migrations(db, folder, "register");
    EXPECT_EQ(names(applied), (std::vector<std::string>{"register/001_orderer.sql", "register/002_contact.sql"}));
    EXPECT_EQ(applied[0].version, 1);
    EXPECT_EQ(applied[1].version, 2);
    EXPECT_TRUE(table_exists(db, "orderer"));
    EXPECT_TRUE(table_exists(db, "contact"));
    EXPECT_EQ(names(applied_migrations(db)), names(applied));

    auto row = db.prepare("SELECT checksum, applied_at FROM schema_migration WHERE version = 1");
    ASSERT_TRUE(row.step());
    EXPECT_EQ(row.get_text(0).size(), 16u);
    std::string at = row.get_text(1);
    ASSERT_EQ(at.size(), 20u) << at;
    EXPECT_EQ(at[10], 'T');
    EXPECT_EQ(at.back(), 'Z');
}

TEST_F(Migrations, RerunIsANoOpAndAddsOnlyNewFiles) {
    add("001_orderer.sql", "CREATE TABLE orderer (id INTEGER PRIMARY KEY);");
    EXPECT_EQ(apply_migrations(db, folder, "register").size(), 1u);
    EXPECT_TRUE(apply_migrations(db, folder, "register").empty());

    add("002_more.sql", "ALTER TABLE orderer ADD COLUMN name TEXT;");
    EXPECT_EQ(names(apply_migrations(db, folder, "register")), (std::vector<std::string>{"register/002_more.sql"}));
    EXPECT_TRUE(apply_migrations(db, folder, "register").empty());
    EXPECT_EQ(applied_migrations(db).size(), 2u);
}

TEST_F(Migrations, FailureRollsBackTheWholeFileAndNamesTheStatement) {
    add("001_ok.sql", "CREATE TABLE first (x INTEGER);");
    add("002_broken.sql",
        "-- creates two tables, the second with a typo\n"
        "CREATE TABLE second (x INTEGER);\n"
        "INSERT INTO first VALUES (1);\n"
        "\n"
        "CREATE TABEL third (x INTEGER);\n");
    add("003_later.sql", "CREATE TABLE later (x INTEGER);");

    try {
        apply_migrations(db, folder, "register");
        FAIL() << "a broken migration was applied";
    } catch (const InternalError& e) {
        EXPECT_NE(e.where().find("002_broken.sql"), std::string::npos) << e.where();
        EXPECT_NE(e.where().find("statement 3"), std::string::npos) << e.where();
        EXPECT_NE(e.where().find("line 5"), std::string::npos) << e.where();
        EXPECT_NE(e.where().find("CREATE TABEL third"), std::string::npos) << e.where();
        EXPECT_NE(std::string(e.what()).find("syntax error"), std::string::npos) << e.what();
    }
    EXPECT_FALSE(db.in_transaction());
    EXPECT_TRUE(table_exists(db, "first"));    // its own transaction, committed before
    EXPECT_FALSE(table_exists(db, "second"));  // earlier statement of the failing file: rolled back
    EXPECT_FALSE(table_exists(db, "later"));   // later files of the same run: never started
    auto count = db.prepare("SELECT count(*) FROM first");
    ASSERT_TRUE(count.step());
    EXPECT_EQ(count.get_int(0), 0);
    EXPECT_EQ(names(applied_migrations(db)), (std::vector<std::string>{"register/001_ok.sql"}));

    // Fixed, the run continues where it stopped.
    add("002_broken.sql", "CREATE TABLE second (x INTEGER);\nINSERT INTO first VALUES (1);\nCREATE TABLE third (x);\n");
    EXPECT_EQ(apply_migrations(db, folder, "register").size(), 2u);
    EXPECT_TRUE(table_exists(db, "later"));
}

TEST_F(Migrations, RuntimeFailureNamesTheStatementToo) {
    add("001_data.sql",
        "CREATE TABLE t (x INTEGER NOT NULL);\n"
        "INSERT INTO t VALUES (1);\n"
        "INSERT INTO t VALUES (NULL);\n");
    try {
        apply_migrations(db, folder, "register");
        FAIL();
    } catch (const InternalError& e) {
        EXPECT_NE(e.describe().find("001_data.sql, statement 3 (line 3): INSERT INTO t VALUES (NULL);"),
                  std::string::npos)
            << e.describe();
        EXPECT_NE(std::string(e.what()).find("NOT NULL"), std::string::npos) << e.what();
    }
    EXPECT_FALSE(table_exists(db, "t"));
    EXPECT_TRUE(applied_migrations(db).empty());
}

TEST_F(Migrations, ChangedFileIsRefused) {
    add("001_orderer.sql", "CREATE TABLE orderer (id INTEGER PRIMARY KEY);");
    apply_migrations(db, folder, "register");
    add("001_orderer.sql", "CREATE TABLE orderer (id INTEGER PRIMARY KEY, name TEXT);");
    add("002_next.sql", "CREATE TABLE next (x);");
    try {
        apply_migrations(db, folder, "register");
        FAIL() << "a changed migration was accepted";
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("migration 001_orderer.sql was changed after it was applied on "),
                  std::string::npos)
            << e.what();
        EXPECT_NE(std::string(e.what()).find("add a new migration instead"), std::string::npos) << e.what();
    }
    EXPECT_FALSE(table_exists(db, "next"));  // nothing applied
}

TEST_F(Migrations, GapInNumberingIsRefused) {
    add("001_a.sql", "CREATE TABLE a (x);");
    add("003_c.sql", "CREATE TABLE c (x);");
    try {
        apply_migrations(db, folder, "register");
        FAIL();
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("gap"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("003_c.sql"), std::string::npos) << e.what();
    }
    EXPECT_FALSE(table_exists(db, "a"));
}

TEST_F(Migrations, NumberingMustStartAtOne) {
    add("002_b.sql", "CREATE TABLE b (x);");
    EXPECT_THROW(apply_migrations(db, folder, "register"), InputError);
    add("000_zero.sql", "CREATE TABLE z (x);");
    EXPECT_THROW(apply_migrations(db, folder, "register"), InputError);
}

TEST_F(Migrations, RepeatedNumberIsRefused) {
    add("001_a.sql", "CREATE TABLE a (x);");
    add("001_b.sql", "CREATE TABLE b (x);");
    try {
        apply_migrations(db, folder, "register");
        FAIL();
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("001_a.sql and 001_b.sql"), std::string::npos) << e.what();
    }
    EXPECT_FALSE(table_exists(db, "a"));
}

TEST_F(Migrations, BadFileNamesAreRefused) {
    for (std::string bad : {"1_short.sql", "001-dash.sql", "001_Upper.sql", "001_.sql", "0001_long.sql", "init.sql",
                            "001_space name.sql"}) {
        TempDir other;
        write_file(other / "001_ok.sql", "CREATE TABLE ok (x);");
        write_file(other / bad, "CREATE TABLE bad (x);");
        try {
            apply_migrations(db, other.path(), "bad");
            ADD_FAILURE() << "accepted " << bad;
        } catch (const InputError& e) {
            EXPECT_NE(e.where().find(bad), std::string::npos) << e.describe();
        }
        EXPECT_FALSE(table_exists(db, "ok")) << bad;
    }
}

TEST_F(Migrations, MissingFolderIsNotFound) {
    try {
        apply_migrations(db, dir / "nowhere", "register");
        FAIL();
    } catch (const NotFoundError& e) {
        EXPECT_NE(e.describe().find("nowhere"), std::string::npos) << e.describe();
    }
}

TEST_F(Migrations, EmptyFolderAppliesNothing) {
    std::filesystem::create_directories(folder);
    EXPECT_TRUE(apply_migrations(db, folder, "register").empty());
}

TEST_F(Migrations, TriggersWithInnerSemicolonsAndComments) {
    add("001_audit.sql", R"(-- an audit trail filled by a trigger
CREATE TABLE orderer (id INTEGER PRIMARY KEY, name TEXT);
CREATE TABLE orderer_log (orderer_id INTEGER, note TEXT);

/* the trigger body holds two statements; both end in ';' */
CREATE TRIGGER orderer_logged AFTER INSERT ON orderer BEGIN
    INSERT INTO orderer_log VALUES (new.id, 'created; see register');
    INSERT INTO orderer_log VALUES (new.id, 'second');
END;
;
INSERT INTO orderer(name) VALUES ('Oy Esimerkki Ab');
-- trailing comment only
)");
    ASSERT_EQ(apply_migrations(db, folder, "register").size(), 1u);
    auto count = db.prepare("SELECT count(*) FROM orderer_log");
    ASSERT_TRUE(count.step());
    EXPECT_EQ(count.get_int(0), 2);
}

TEST_F(Migrations, TransactionControlInAFileIsRefused) {
    add("001_tx.sql", "CREATE TABLE a (x);\nCOMMIT;\nCREATE TABLE b (x);\n");
    try {
        apply_migrations(db, folder, "register");
        FAIL();
    } catch (const InputError& e) {
        EXPECT_NE(e.where().find("statement 2 (line 2)"), std::string::npos) << e.describe();
    }
    EXPECT_FALSE(table_exists(db, "a"));
}

TEST_F(Migrations, ComponentsAreIndependent) {
    auto matching = dir / "schema" / "matching";
    add("001_orderer.sql", "CREATE TABLE orderer (id INTEGER PRIMARY KEY);");
    write_file(matching / "001_client.sql", "CREATE TABLE client (id INTEGER PRIMARY KEY);");
    write_file(matching / "002_skill.sql", "CREATE TABLE skill (id INTEGER PRIMARY KEY);");

    EXPECT_EQ(apply_migrations(db, folder, "register").size(), 1u);
    EXPECT_EQ(apply_migrations(db, matching, "matching").size(), 2u);
    EXPECT_TRUE(apply_migrations(db, folder, "register").empty());
    EXPECT_EQ(
        names(applied_migrations(db)),
        (std::vector<std::string>{"matching/001_client.sql", "matching/002_skill.sql", "register/001_orderer.sql"}));
}

TEST_F(Migrations, AppliedMigrationsOnAFreshDatabaseIsEmpty) {
    EXPECT_TRUE(applied_migrations(db).empty());
    EXPECT_FALSE(table_exists(db, "schema_migration"));
}

TEST_F(Migrations, RunsInsideAnOpenTransactionAsSavepoints) {
    add("001_a.sql", "CREATE TABLE a (x);");
    {
        Transaction outer(db);
        EXPECT_EQ(apply_migrations(db, folder, "register").size(), 1u);
    }  // rolled back
    EXPECT_FALSE(table_exists(db, "a"));
    EXPECT_EQ(apply_migrations(db, folder, "register").size(), 1u);
}

TEST_F(Migrations, AuditSortsRecordedMigrationsIntoAppliedDriftedAndPending) {
    add("001_orderer.sql", "CREATE TABLE orderer (id INTEGER PRIMARY KEY);");
    add("002_contact.sql", "CREATE TABLE contact (id INTEGER PRIMARY KEY);");
    add("003_notes.sql", "CREATE TABLE notes (id INTEGER PRIMARY KEY);");
    apply_migrations(db, folder, "register");
    add("002_contact.sql", "CREATE TABLE contact (id INTEGER PRIMARY KEY, edited INTEGER);");
    std::filesystem::remove(folder / "003_notes.sql");
    add("003_renamed.sql", "CREATE TABLE notes (id INTEGER PRIMARY KEY);");
    add("004_new.sql", "CREATE TABLE fresh (id INTEGER PRIMARY KEY);");
    db.exec("INSERT INTO schema_migration VALUES ('register', 9, '009_future.sql', 'x', '2030-01-01T00:00:00Z')");

    MigrationAudit audit = audit_migrations(db, folder, "register");
    EXPECT_EQ(names(audit.applied), (std::vector<std::string>{"register/001_orderer.sql"}));
    EXPECT_EQ(names(audit.pending), (std::vector<std::string>{"register/004_new.sql"}));
    ASSERT_EQ(audit.drifted.size(), 3u);
    EXPECT_EQ(audit.drifted[0].drift, MigrationDrift::changed);
    EXPECT_EQ(audit.drifted[0].recorded_name, "002_contact.sql");
    EXPECT_EQ(audit.drifted[1].drift, MigrationDrift::renamed);
    EXPECT_EQ(audit.drifted[1].file_name, "003_renamed.sql");
    EXPECT_EQ(audit.drifted[2].drift, MigrationDrift::unknown);
    EXPECT_EQ(audit.drifted[2].recorded_name, "009_future.sql");
    EXPECT_FALSE(audit.clean());
    EXPECT_FALSE(table_exists(db, "fresh")) << "an audit applies nothing";
}

TEST_F(Migrations, AuditOfADatabaseWithoutRecordFindsEverythingPending) {
    add("001_orderer.sql", "CREATE TABLE orderer (id INTEGER PRIMARY KEY);");
    MigrationAudit audit = audit_migrations(db, folder, "register");
    EXPECT_TRUE(audit.applied.empty());
    EXPECT_EQ(names(audit.pending), (std::vector<std::string>{"register/001_orderer.sql"}));
    EXPECT_FALSE(table_exists(db, "schema_migration")) << "an audit creates nothing";
}

}  // namespace
}  // namespace jobcenter
