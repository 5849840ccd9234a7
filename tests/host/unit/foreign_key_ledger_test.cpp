// Tests of ForeignKeyLedger: a bulk command's foreign keys checked once before the commit catch every
// broken reference SQLite's per-row check would (inserts, updates, deletes and re-keyed parents, integer
// and text keys, many keys walked and few looked up), name it, and leave enforcement as it was.
#include <gtest/gtest.h>

#include <string>

#include "foreign_key_ledger.hpp"
#include "jobcenter/database.hpp"
#include "jobcenter/errors.hpp"

namespace jobcenter {
namespace {

Database register_like() {
    auto db = Database::open(":memory:");
    db.exec(R"(
        CREATE TABLE unit (name TEXT PRIMARY KEY, title TEXT);
        CREATE TABLE orderer (id INTEGER PRIMARY KEY, name TEXT NOT NULL, merged_into INTEGER REFERENCES orderer(id));
        CREATE TABLE record (id INTEGER PRIMARY KEY, unit TEXT NOT NULL REFERENCES unit(name),
                             orderer_id INTEGER REFERENCES orderer(id), score REAL);
        CREATE INDEX record_orderer ON record(orderer_id);
        CREATE INDEX record_unit ON record(unit);
        CREATE TABLE given (record_id INTEGER PRIMARY KEY REFERENCES record(id), raw TEXT);
        CREATE TABLE event_record (event_id INTEGER NOT NULL, record_id INTEGER NOT NULL REFERENCES record(id),
                                   PRIMARY KEY (event_id, record_id)) WITHOUT ROWID;
        CREATE INDEX event_record_record ON event_record(record_id);
        CREATE TABLE pair (a INTEGER, b INTEGER, note TEXT, FOREIGN KEY (a, b) REFERENCES pair_key(x, y));
        CREATE TABLE pair_key (x INTEGER, y INTEGER, PRIMARY KEY (x, y));
        INSERT INTO unit VALUES ('uusix', 'Uusix'), ('pakila', 'Pakila');
        INSERT INTO orderer(id, name) VALUES (1, 'Siivous Oy'), (2, 'Pesula Ky');
    )");
    return db;
}

std::string pragma_foreign_keys(Database& db) {
    auto q = db.prepare("PRAGMA foreign_keys");
    return q.step() ? q.get_text(0) : "";
}

std::int64_t count(Database& db, const std::string& table) {
    auto q = db.prepare("SELECT count(*) FROM " + table);
    return q.step() ? q.get_int(0) : -1;
}

// Runs `sql` as a bulk command would: ledger, transaction, writes, verify, commit. Returns the error, if any.
std::string run_bulk(Database& db, const std::string& sql) {
    ForeignKeyLedger ledger(db);
    Transaction transaction(db);
    try {
        db.exec(sql);
        ledger.verify();
        transaction.commit();
        return "";
    } catch (const Error& e) {
        return e.describe();
    }
}

TEST(ForeignKeyLedger, SwitchesEnforcementOffWhileItLivesAndBackOnAfter) {
    auto db = register_like();
    EXPECT_EQ(pragma_foreign_keys(db), "1");
    {
        ForeignKeyLedger ledger(db);
        EXPECT_TRUE(ledger.active());
        EXPECT_EQ(pragma_foreign_keys(db), "0");
    }
    EXPECT_EQ(pragma_foreign_keys(db), "1");
}

TEST(ForeignKeyLedger, InsideAnOpenTransactionLeavesSqlitesOwnCheckOn) {
    auto db = register_like();
    Transaction outer(db);
    ForeignKeyLedger ledger(db);
    EXPECT_FALSE(ledger.active());
    EXPECT_THROW(db.exec("INSERT INTO record(id, unit, orderer_id) VALUES (1, 'uusix', 99)"), Error);
}

TEST(ForeignKeyLedger, RowsThatPointToRowsWrittenLaterInTheSameCommandPass) {
    auto db = register_like();
    // A record names an orderer created after it, as a bulk load that links its records does.
    EXPECT_EQ(run_bulk(db, "INSERT INTO record(id, unit, orderer_id) VALUES (1, 'uusix', 3), (2, 'pakila', 3);"
                           "INSERT INTO given VALUES (1, '[]'), (2, '[]');"
                           "INSERT INTO orderer(id, name) VALUES (3, 'Uusi Oy');"
                           "UPDATE record SET orderer_id = 1 WHERE id = 2;"),
              "");
    EXPECT_EQ(count(db, "record"), 2);
    EXPECT_EQ(count(db, "given"), 2);
}

TEST(ForeignKeyLedger, AKeyWrittenAndReplacedBeforeTheEndIsNotHeldAgainstTheCommand) {
    auto db = register_like();
    // Written with the id of an orderer to be, then moved to an existing one: nothing points to 50 at the end.
    EXPECT_EQ(run_bulk(db, "INSERT INTO record(id, unit, orderer_id) VALUES (1, 'uusix', 50), (2, 'uusix', 51);"
                           "UPDATE record SET orderer_id = 1 WHERE id = 1;"
                           "INSERT INTO orderer(id, name) VALUES (51, 'Uusi Oy')"),
              "");
    // Without an index on the column the table is checked whole, with the same verdicts.
    EXPECT_EQ(run_bulk(db, "INSERT INTO given VALUES (1, '[]'); UPDATE given SET record_id = 2 WHERE record_id = 1"), "");
    const auto error = run_bulk(db, "INSERT INTO record(id, unit, orderer_id) VALUES (3, 'uusix', 60);"
                                    "UPDATE record SET orderer_id = 61 WHERE id = 3");
    EXPECT_NE(error.find("orderer_id = 61"), std::string::npos) << error;
    EXPECT_EQ(error.find("orderer_id = 60"), std::string::npos) << error;
}

TEST(ForeignKeyLedger, AChildColumnWithoutAnIndexIsCheckedWhole) {
    auto db = register_like();
    db.exec("CREATE TABLE visit (id INTEGER PRIMARY KEY, orderer_id INTEGER REFERENCES orderer(id))");
    EXPECT_EQ(run_bulk(db, "INSERT INTO visit VALUES (1, 70); UPDATE visit SET orderer_id = 2"), "");
    const auto error = run_bulk(db, "INSERT INTO visit VALUES (2, 70)");
    EXPECT_NE(error.find("a row of visit (rowid 2) has orderer_id = 70, which no row of orderer has as id"), std::string::npos)
        << error;
}

TEST(ForeignKeyLedger, AnInsertedRowPointingNowhereRollsTheCommandBackAndIsNamed) {
    auto db = register_like();
    const auto error = run_bulk(db, "INSERT INTO record(id, unit, orderer_id) VALUES (1, 'uusix', 1), (2, 'uusix', 42)");
    EXPECT_NE(error.find("record has orderer_id = 42"), std::string::npos) << error;
    EXPECT_NE(error.find("no row of orderer"), std::string::npos) << error;
    EXPECT_NE(error.find("nothing was written"), std::string::npos) << error;
    EXPECT_EQ(count(db, "record"), 0);
    EXPECT_EQ(pragma_foreign_keys(db), "1");
}

TEST(ForeignKeyLedger, ATextKeyPointingNowhereIsCaught) {
    auto db = register_like();
    const auto error = run_bulk(db, "INSERT INTO record(id, unit) VALUES (1, 'uusix'), (2, 'vallila')");
    EXPECT_NE(error.find("unit = 'vallila'"), std::string::npos) << error;
    EXPECT_EQ(count(db, "record"), 0);
}

TEST(ForeignKeyLedger, AnUpdateThatPointsNowhereIsCaught) {
    auto db = register_like();
    db.exec("INSERT INTO record(id, unit, orderer_id) VALUES (1, 'uusix', 1)");
    const auto error = run_bulk(db, "UPDATE record SET orderer_id = 7 WHERE id = 1");
    EXPECT_NE(error.find("orderer_id = 7"), std::string::npos) << error;
    auto q = db.prepare("SELECT orderer_id FROM record WHERE id = 1");
    ASSERT_TRUE(q.step());
    EXPECT_EQ(q.get_int(0), 1);
}

TEST(ForeignKeyLedger, AChildOfTheIntegerPrimaryKeyIsCheckedToo) {
    auto db = register_like();
    const auto error = run_bulk(db, "INSERT INTO record(id, unit) VALUES (1, 'uusix'); INSERT INTO given VALUES (2, '[]')");
    EXPECT_NE(error.find("given has record_id = 2"), std::string::npos) << error;
}

TEST(ForeignKeyLedger, AWithoutRowidChildIsCheckedToo) {
    auto db = register_like();
    const auto error = run_bulk(db, "INSERT INTO record(id, unit) VALUES (1, 'uusix'); "
                                    "INSERT INTO event_record VALUES (1, 1), (1, 5)");
    EXPECT_NE(error.find("event_record has record_id = 5"), std::string::npos) << error;
}

TEST(ForeignKeyLedger, DeletingAParentStillPointedToIsCaught) {
    auto db = register_like();
    db.exec("INSERT INTO record(id, unit, orderer_id) VALUES (1, 'uusix', 2)");
    const auto error = run_bulk(db, "DELETE FROM orderer WHERE id = 2");
    EXPECT_NE(error.find("orderer with id = 2 was removed or changed"), std::string::npos) << error;
    EXPECT_EQ(count(db, "orderer"), 2);
    // Deleting one nothing points to, or one put back before the end, is fine.
    EXPECT_EQ(run_bulk(db, "DELETE FROM orderer WHERE id = 1"), "");
    EXPECT_EQ(run_bulk(db, "DELETE FROM orderer WHERE id = 2; INSERT INTO orderer(id, name) VALUES (2, 'Pesula Ky')"), "");
}

TEST(ForeignKeyLedger, RekeyingAParentStillPointedToIsCaught) {
    auto db = register_like();
    db.exec("INSERT INTO record(id, unit, orderer_id) VALUES (1, 'pakila', 2)");
    auto error = run_bulk(db, "UPDATE orderer SET id = 20 WHERE id = 2");
    EXPECT_NE(error.find("orderer with id = 2"), std::string::npos) << error;
    error = run_bulk(db, "UPDATE unit SET name = 'pakila2' WHERE name = 'pakila'");
    EXPECT_NE(error.find("unit with name = 'pakila'"), std::string::npos) << error;
    // Changing other columns of a parent is not a change of its key.
    EXPECT_EQ(run_bulk(db, "UPDATE orderer SET name = 'Pesula Oy' WHERE id = 2; UPDATE unit SET title = 'P' WHERE name = 'pakila'"),
              "");
}

TEST(ForeignKeyLedger, ManyKeysAreWalkedInOrderAndAGapAmongThemIsFound) {
    auto db = register_like();
    // 20,000 records over 10,000 orderers, one missing in the middle: more keys than are looked up one by one.
    std::string sql = "WITH RECURSIVE n(i) AS (SELECT 3 UNION ALL SELECT i + 1 FROM n WHERE i < 10002) "
                      "INSERT INTO orderer(id, name) SELECT i, 'O' || i FROM n WHERE i <> 6543;"
                      "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000) "
                      "INSERT INTO record(id, unit, orderer_id) SELECT i, 'uusix', 1 + i / 2 FROM n;";
    const auto error = run_bulk(db, sql);
    EXPECT_NE(error.find("orderer_id = 6543"), std::string::npos) << error;
    EXPECT_EQ(count(db, "orderer"), 2);
    sql.replace(sql.find(" WHERE i <> 6543"), 16, "");
    EXPECT_EQ(run_bulk(db, sql), "");
    EXPECT_EQ(count(db, "record"), 20000);
}

TEST(ForeignKeyLedger, ManyKeysReplacedBeforeTheEndAreWalkedInTheChildsIndex) {
    auto db = register_like();
    // 5,000 records written with orderers to be (as a linking import does), then all but one given existing ones.
    const std::string load = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000) "
                             "INSERT INTO record(id, unit, orderer_id) SELECT i, 'uusix', 100000 + i FROM n;";
    const auto error = run_bulk(db, load + "UPDATE record SET orderer_id = 1 + id % 2 WHERE id <> 4321");
    EXPECT_NE(error.find("orderer_id = 104321"), std::string::npos) << error;
    EXPECT_EQ(run_bulk(db, load + "UPDATE record SET orderer_id = 1 + id % 2"), "");
    EXPECT_EQ(count(db, "record"), 5000);
}

TEST(ForeignKeyLedger, AKeyOfSeveralColumnsIsCheckedWithTheWholeTable) {
    auto db = register_like();
    db.exec("INSERT INTO pair_key VALUES (1, 1)");
    EXPECT_EQ(run_bulk(db, "INSERT INTO pair VALUES (1, 1, 'ok')"), "");
    const auto error = run_bulk(db, "INSERT INTO pair VALUES (1, 2, 'broken')");
    EXPECT_NE(error.find("a row of pair"), std::string::npos) << error;
    EXPECT_EQ(count(db, "pair"), 1);
}

TEST(ForeignKeyLedger, DeletingTheParentOfAKeyOfSeveralColumnsIsCaught) {
    auto db = register_like();
    db.exec("INSERT INTO pair_key VALUES (1, 1); INSERT INTO pair VALUES (1, 1, 'ok')");
    auto error = run_bulk(db, "DELETE FROM pair_key");
    EXPECT_NE(error.find("a row of pair"), std::string::npos) << error;
    error = run_bulk(db, "UPDATE pair_key SET y = 2");
    EXPECT_NE(error.find("a row of pair"), std::string::npos) << error;
    EXPECT_EQ(count(db, "pair_key"), 1);
}

TEST(ForeignKeyLedger, ADeletedParentKeyThatIsNeitherIntegerNorTextSendsItsChildrenToTheWholeCheck) {
    auto db = register_like();
    db.exec("INSERT INTO unit VALUES (x'41', 'blob'); INSERT INTO record(id, unit) VALUES (1, x'41')");
    const auto error = run_bulk(db, "DELETE FROM unit WHERE name = x'41'");
    EXPECT_NE(error.find("a row of record (rowid 1)"), std::string::npos) << error;
    EXPECT_EQ(count(db, "unit"), 3);
}

TEST(ForeignKeyLedger, AnIntegerPrimaryKeyDeclaredDescendingIsAColumnNotTheRowid) {
    auto db = register_like();
    db.exec("CREATE TABLE desk (id INTEGER PRIMARY KEY DESC, name TEXT);"
            "CREATE TABLE booking (id INTEGER PRIMARY KEY, desk_id INTEGER REFERENCES desk(id));"
            "CREATE INDEX booking_desk ON booking(desk_id);"
            "INSERT INTO desk VALUES (7, 'a'); INSERT INTO booking VALUES (1, 7)");
    EXPECT_EQ(run_bulk(db, "INSERT INTO booking VALUES (2, 7)"), "");
    auto error = run_bulk(db, "INSERT INTO booking VALUES (3, 8)");
    EXPECT_NE(error.find("booking has desk_id = 8"), std::string::npos) << error;
    error = run_bulk(db, "UPDATE desk SET id = 9");
    EXPECT_NE(error.find("desk with id = 7"), std::string::npos) << error;
}

TEST(ForeignKeyLedger, ATableGivenAForeignKeyDuringTheCommandIsCheckedWhole) {
    auto db = register_like();
    db.exec("CREATE TABLE memo (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO memo VALUES (1, 'x')");
    const auto error = run_bulk(db, "ALTER TABLE memo ADD COLUMN orderer_id INTEGER REFERENCES orderer(id);"
                                    "UPDATE memo SET orderer_id = 99");
    EXPECT_NE(error.find("a row of memo (rowid 1) has orderer_id = 99"), std::string::npos) << error;
}

TEST(ForeignKeyLedger, ATableCreatedDuringTheCommandIsCheckedWhole) {
    auto db = register_like();
    const auto error = run_bulk(db, "CREATE TABLE note (id INTEGER PRIMARY KEY, orderer_id INTEGER REFERENCES orderer(id));"
                                    "INSERT INTO note VALUES (1, 77)");
    EXPECT_NE(error.find("a row of note"), std::string::npos) << error;
}

}  // namespace
}  // namespace jobcenter
