// Tests of the SQLite wrapper: opening, WAL and foreign keys, bound parameters, the statement cache,
// transactions and savepoints, and two connections sharing one file.
#include <gtest/gtest.h>

#include <unistd.h>

#include <chrono>
#include <thread>

#include "jobcenter/database.hpp"
#include "jobcenter/errors.hpp"
#include "native_database.hpp"
#include "writer_record.hpp"
#include "support/test_support.hpp"

namespace jobcenter {
namespace {

using jobcenter::testing::TempDir;
using jobcenter::testing::write_file;

std::int64_t count_rows(Database& db, const std::string& table) {
    auto select = db.prepare("SELECT count(*) FROM " + table);
    EXPECT_TRUE(select.step());
    return select.get_int(0);
}

std::string pragma_text(Database& db, const std::string& pragma) {
    auto select = db.prepare("PRAGMA " + pragma);
    EXPECT_TRUE(select.step());
    return select.get_text(0);
}

Database memory_with_table() {
    auto db = Database::open(":memory:");
    db.exec("CREATE TABLE person (id INTEGER PRIMARY KEY, name TEXT NOT NULL, age INTEGER, score REAL)");
    return db;
}

TEST(Database, OpensAndCreatesAFileWithWalAndForeignKeys) {
    TempDir dir;
    auto path = dir / "new.db";
    {
        auto db = Database::open(path);
        EXPECT_EQ(db.path(), path);
        EXPECT_EQ(pragma_text(db, "journal_mode"), "wal");
        EXPECT_EQ(pragma_text(db, "foreign_keys"), "1");
        EXPECT_EQ(pragma_text(db, "synchronous"), "1");  // NORMAL
        EXPECT_EQ(pragma_text(db, "busy_timeout"), "30000");
        db.exec("CREATE TABLE t (x INTEGER)");
    }
    EXPECT_TRUE(std::filesystem::exists(path));
    auto again = Database::open(path, {.create = false});
    EXPECT_EQ(count_rows(again, "t"), 0);
}

TEST(Database, MemoryDatabaseIsPrivate) {
    auto a = Database::open(":memory:");
    auto b = Database::open(":memory:");
    a.exec("CREATE TABLE only_in_a (x)");
    EXPECT_THROW(b.exec("SELECT * FROM only_in_a"), InternalError);
    EXPECT_EQ(pragma_text(a, "foreign_keys"), "1");
}

TEST(Database, MissingFileWithoutCreateIsNotFound) {
    TempDir dir;
    auto path = dir / "absent.db";
    try {
        Database::open(path, {.create = false});
        FAIL() << "opened a missing file";
    } catch (const NotFoundError& e) {
        EXPECT_NE(e.describe().find(path.string()), std::string::npos) << e.describe();
    }
    EXPECT_FALSE(std::filesystem::exists(path));
    EXPECT_THROW(Database::open(dir / "no-such-folder" / "x.db"), NotFoundError);
}

TEST(Database, FileThatIsNotADatabaseIsAnInputError) {
    TempDir dir;
    auto path = dir / "notes.db";
    write_file(path, std::string(4096, 'x') + "this is a text file, not SQLite\n");
    try {
        Database::open(path);
        FAIL() << "opened a text file as a database";
    } catch (const InputError& e) {
        EXPECT_NE(e.describe().find(path.string()), std::string::npos) << e.describe();
    }
}

TEST(Database, ReadOnlyRefusesWrites) {
    TempDir dir;
    auto path = dir / "ro.db";
    Database::open(path).exec("CREATE TABLE t (x)");
    auto db = Database::open(path, {.read_only = true});
    EXPECT_EQ(count_rows(db, "t"), 0);
    EXPECT_THROW(db.exec("INSERT INTO t VALUES (1)"), InternalError);
}

TEST(Database, ForeignKeysAreEnforced) {
    auto db = Database::open(":memory:");
    db.exec(
        "CREATE TABLE orderer (id INTEGER PRIMARY KEY);"
        "CREATE TABLE contact (id INTEGER PRIMARY KEY, orderer_id INTEGER NOT NULL REFERENCES orderer(id));");
    db.exec("INSERT INTO orderer(id) VALUES (1)");
    db.prepare("INSERT INTO contact(orderer_id) VALUES (?)").bind(1, 1).run();
    try {
        db.prepare("INSERT INTO contact(orderer_id) VALUES (?)").bind(1, 2).run();
        FAIL() << "a dangling reference was accepted";
    } catch (const InternalError& e) {
        EXPECT_NE(std::string(e.what()).find("FOREIGN KEY"), std::string::npos) << e.what();
        EXPECT_NE(e.where().find("INSERT INTO contact"), std::string::npos) << e.where();
    }
}

TEST(Database, BindsAndReadsEveryType) {
    auto db = memory_with_table();
    const std::string name = "Ääkkönen's \"quoted\"; DROP TABLE person; --";
    auto insert = db.prepare("INSERT INTO person(name, age, score) VALUES (?, ?, ?)");
    insert.bind_all(name, std::int64_t{42}, 2.5).run();
    EXPECT_EQ(db.last_insert_id(), 1);
    EXPECT_EQ(db.changes(), 1);
    insert.bind_all("Bo", std::optional<std::int64_t>{}, nullptr).run();
    insert.bind_all(std::string_view(""), std::optional<std::int64_t>{7}, 0.0).run();

    auto select = db.prepare("SELECT id, name, age, score FROM person ORDER BY id");
    EXPECT_EQ(select.column_count(), 4);
    EXPECT_EQ(select.column_name(1), "name");
    ASSERT_TRUE(select.step());
    EXPECT_EQ(select.get_text(1), name);
    EXPECT_EQ(select.get_text_view(1), name);
    EXPECT_EQ(select.get_int(2), 42);
    EXPECT_DOUBLE_EQ(select.get_double(3), 2.5);
    ASSERT_TRUE(select.step());
    EXPECT_EQ(select.get_text(1), "Bo");
    EXPECT_TRUE(select.is_null(2));
    EXPECT_EQ(select.get_optional_int(2), std::nullopt);
    EXPECT_TRUE(select.is_null(3));
    ASSERT_TRUE(select.step());
    EXPECT_FALSE(select.is_null(1));  // an empty string is not NULL
    EXPECT_EQ(select.get_optional_text(1), std::optional<std::string>(""));
    EXPECT_EQ(select.get_optional_int(2), std::optional<std::int64_t>(7));
    EXPECT_FALSE(select.step());
    EXPECT_EQ(count_rows(db, "person"), 3);
}

TEST(Database, BoundTextIsCopied) {
    auto db = memory_with_table();
    auto insert = db.prepare("INSERT INTO person(name) VALUES (?)");
    {
        std::string temporary = "short-lived";
        insert.bind(1, temporary);
        temporary.assign("overwritten");
    }
    insert.run();
    auto select = db.prepare("SELECT name FROM person");
    ASSERT_TRUE(select.step());
    EXPECT_EQ(select.get_text(0), "short-lived");
}

TEST(Database, BoolAndOptionalTextBind) {
    auto db = Database::open(":memory:");
    auto select = db.prepare("SELECT ?, ?, ? IS NULL");
    select.bind_all(true, std::optional<std::string>("x"), std::optional<std::string>{});
    ASSERT_TRUE(select.step());
    EXPECT_EQ(select.get_int(0), 1);
    EXPECT_EQ(select.get_text(1), "x");
    EXPECT_EQ(select.get_int(2), 1);
}

TEST(Database, ErrorsNameTheSql) {
    auto db = Database::open(":memory:");
    try {
        db.prepare("SELECT * FROM nowhere");
        FAIL();
    } catch (const InternalError& e) {
        EXPECT_NE(std::string(e.what()).find("no such table"), std::string::npos) << e.what();
        EXPECT_NE(e.where().find("SELECT * FROM nowhere"), std::string::npos) << e.where();
    }
    EXPECT_THROW(db.prepare("SELECT 1; SELECT 2"), InternalError);
    EXPECT_THROW(db.prepare("  -- only a comment"), InternalError);
    EXPECT_THROW(db.prepare("SELECT ?").bind(2, 1), InternalError);
    std::string long_sql = "SELECT " + std::string(500, ' ') + "* FROM nowhere";
    try {
        db.exec(long_sql);
        FAIL();
    } catch (const InternalError& e) {
        EXPECT_LT(e.where().size(), 260u);
    }
}

TEST(Database, ExecRunsScriptsWithTriggersAndComments) {
    auto db = Database::open(":memory:");
    db.exec(R"(
        -- a table and a trigger whose body holds ';'
        CREATE TABLE t (x INTEGER);
        CREATE TABLE log (x INTEGER);
        CREATE TRIGGER t_log AFTER INSERT ON t BEGIN
            INSERT INTO log VALUES (new.x);
            INSERT INTO log VALUES (new.x * 10);
        END;
        INSERT INTO t VALUES (1);
        /* trailing comment */
    )");
    EXPECT_EQ(count_rows(db, "log"), 2);
}

TEST(Database, StepErrorResetsTheStatement) {
    auto db = Database::open(":memory:");
    db.exec("CREATE TABLE u (x INTEGER UNIQUE)");
    auto insert = db.prepare("INSERT INTO u VALUES (?)");
    insert.bind(1, 1).run();
    EXPECT_THROW(insert.bind(1, 1).run(), InternalError);
    insert.bind(1, 2).run();
    EXPECT_EQ(count_rows(db, "u"), 2);
}

TEST(Database, CachedStatementsAreReusedAndReset) {
    auto db = memory_with_table();
    Statement& first = db.cached("INSERT INTO person(name, age) VALUES (?, ?)");
    first.bind_all("a", 1).run();
    Statement& second = db.cached("INSERT INTO person(name, age) VALUES (?, ?)");
    EXPECT_EQ(&first, &second);
    second.bind(1, "b").run();  // the age binding of the first call was cleared
    auto select = db.prepare("SELECT age FROM person WHERE name = 'b'");
    ASSERT_TRUE(select.step());
    EXPECT_TRUE(select.is_null(0));

    Statement& reader = db.cached("SELECT name FROM person ORDER BY id");
    ASSERT_TRUE(reader.step());
    EXPECT_EQ(reader.get_text(0), "a");
    Statement& again = db.cached("SELECT name FROM person ORDER BY id");  // half-read before: starts over
    ASSERT_TRUE(again.step());
    EXPECT_EQ(again.get_text(0), "a");
    EXPECT_NE(&again, &first);
}

TEST(Database, MovedDatabaseKeepsItsCacheAndStatements) {
    auto db = memory_with_table();
    db.cached("INSERT INTO person(name) VALUES (?)").bind(1, "x").run();
    Database moved = std::move(db);
    moved.cached("INSERT INTO person(name) VALUES (?)").bind(1, "y").run();
    EXPECT_EQ(count_rows(moved, "person"), 2);
    EXPECT_THROW(moved.cached("INSERT INTO person(name) VALUES (?)").run(), InternalError);  // NOT NULL

    Database other = Database::open(":memory:");
    other = std::move(moved);
    EXPECT_EQ(count_rows(other, "person"), 2);
}

TEST(Database, StatementMoves) {
    auto db = memory_with_table();
    Statement a = db.prepare("INSERT INTO person(name) VALUES ('m')");
    Statement b = std::move(a);
    b.run();
    Statement c = db.prepare("SELECT 1");
    c = std::move(b);
    c.run();
    EXPECT_EQ(c.sql(), "INSERT INTO person(name) VALUES ('m')");
    EXPECT_EQ(count_rows(db, "person"), 2);
}

TEST(Transaction, CommitKeepsAndDestructorRollsBack) {
    auto db = memory_with_table();
    {
        Transaction tx(db);
        EXPECT_TRUE(db.in_transaction());
        db.exec("INSERT INTO person(name) VALUES ('kept')");
        tx.commit();
    }
    EXPECT_FALSE(db.in_transaction());
    {
        Transaction tx(db, TransactionMode::deferred);
        db.exec("INSERT INTO person(name) VALUES ('dropped')");
    }
    EXPECT_FALSE(db.in_transaction());
    EXPECT_EQ(count_rows(db, "person"), 1);
}

TEST(Transaction, RollbackOnException) {
    auto db = memory_with_table();
    try {
        Transaction tx(db);
        db.exec("INSERT INTO person(name) VALUES ('half')");
        throw InputError("bad row");
    } catch (const InputError&) {
    }
    EXPECT_EQ(count_rows(db, "person"), 0);
    EXPECT_FALSE(db.in_transaction());
}

TEST(Transaction, CommitAfterRollbackIsAnError) {
    auto db = memory_with_table();
    Transaction tx(db);
    tx.rollback();
    EXPECT_FALSE(db.in_transaction());
    EXPECT_THROW(tx.commit(), InternalError);
    EXPECT_NO_THROW(tx.rollback());
}

TEST(Transaction, NestedSavepointRollbackKeepsOuterWork) {
    auto db = memory_with_table();
    {
        Transaction outer(db);
        db.exec("INSERT INTO person(name) VALUES ('outer')");
        {
            Transaction inner(db);
            db.exec("INSERT INTO person(name) VALUES ('inner, dropped')");
        }  // destructor: rolled back to the savepoint only
        EXPECT_TRUE(db.in_transaction());
        {
            Transaction inner(db);
            db.exec("INSERT INTO person(name) VALUES ('inner, kept')");
            {
                Transaction innermost(db);
                db.exec("INSERT INTO person(name) VALUES ('innermost, dropped')");
                innermost.rollback();
            }
            inner.commit();
        }
        EXPECT_TRUE(db.in_transaction());
        outer.commit();
    }
    auto select = db.prepare("SELECT name FROM person ORDER BY id");
    std::vector<std::string> names;
    while (select.step()) names.push_back(select.get_text(0));
    EXPECT_EQ(names, (std::vector<std::string>{"outer", "inner, kept"}));
}

TEST(Transaction, OuterRollbackDropsCommittedSavepoints) {
    auto db = memory_with_table();
    {
        Transaction outer(db);
        Transaction inner(db);
        db.exec("INSERT INTO person(name) VALUES ('x')");
        inner.commit();
    }
    EXPECT_EQ(count_rows(db, "person"), 0);
}

// A connection to a file database with a table t, holding the write lock with one row of t not yet committed.
struct WriterHoldingTheLock {
    explicit WriterHoldingTheLock(const std::filesystem::path& path) : db(with_table(path)), holding(db) {
        db.exec("INSERT INTO t VALUES (1)");
    }
    static Database with_table(const std::filesystem::path& path) {
        auto db = Database::open(path);
        db.exec("CREATE TABLE t (x INTEGER)");
        return db;
    }
    Database db;
    Transaction holding;
};

TEST(TwoConnections, SecondWriterGetsBusyAfterItsTimeout) {
    TempDir dir;
    auto path = dir / "shared.db";
    WriterHoldingTheLock writer(path);
    auto other = Database::open(path, {.busy_timeout_ms = 150});

    // WAL: a reader still sees the last committed state while the writer works.
    EXPECT_EQ(count_rows(other, "t"), 0);

    auto started = std::chrono::steady_clock::now();
    try {
        Transaction second(other);
        FAIL() << "two writers at once";
    } catch (const DatabaseBusyError& e) {
        EXPECT_EQ(e.code(), ExitCode::refused);
        EXPECT_NE(std::string(e.what()).find("the database " + std::filesystem::canonical(path).string() + " is busy"),
                  std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("another jobcenter process is writing to it; try again"), std::string::npos)
            << e.what();
    }
    EXPECT_GE(std::chrono::steady_clock::now() - started, std::chrono::milliseconds(100));
    EXPECT_FALSE(other.in_transaction());
    writer.holding.commit();
    EXPECT_EQ(count_rows(other, "t"), 1);
}

TEST(TwoConnections, SecondWriterWaitsForTheFirst) {
    TempDir dir;
    auto path = dir / "shared.db";
    Database::open(path).exec("CREATE TABLE t (x INTEGER)");

    auto first = Database::open(path);
    auto second = Database::open(path, {.busy_timeout_ms = 10000});
    auto holding = std::make_unique<Transaction>(first);
    first.exec("INSERT INTO t VALUES (1)");

    std::thread releaser([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        holding->commit();
        holding.reset();
    });
    {
        Transaction tx(second);  // waits for the commit above, then proceeds
        second.exec("INSERT INTO t VALUES (2)");
        tx.commit();
    }
    releaser.join();
    EXPECT_EQ(count_rows(second, "t"), 2);
    EXPECT_EQ(count_rows(first, "t"), 2);
}

// Busy at a statement (not only at BEGIN): the refusal names the holder its record names.
TEST(TwoConnections, BusyStatementNamesTheHolderFromItsRecord) {
    TempDir dir;
    auto path = dir / "shared.db";
    WriterHoldingTheLock writer(path);
    HeldWriterRecord record(database_file(writer.db), {static_cast<std::int64_t>(::getpid()), "register import",
                                                       "pakila", "coordinator", "2026-12-07T10:02:11Z"});
    auto other = Database::open(path, {.busy_timeout_ms = 0});
    try {
        other.prepare("INSERT INTO t VALUES (1)").run();
        FAIL() << "wrote while another connection held the write lock";
    } catch (const DatabaseBusyError& e) {
        const std::string expected = "\"register import\" (unit pakila, role coordinator, process " +
                                     std::to_string(::getpid()) +
                                     ") has been writing since 2026-12-07T10:02:11Z; try again when it has finished";
        EXPECT_NE(std::string(e.what()).find(expected), std::string::npos) << e.what();
    }
    EXPECT_FALSE(other.in_transaction());
}

// A file left in rollback-journal mode is put into WAL at open; when another connection holds it, the switch
// waits (within the busy timeout) instead of failing at once.
TEST(TwoConnections, OpenSwitchesToWalOnceTheHolderLetsGo) {
    TempDir dir;
    auto path = dir / "old.db";
    auto first = Database::open(path);
    first.exec("CREATE TABLE t (x INTEGER); PRAGMA journal_mode=DELETE");
    ASSERT_EQ(pragma_text(first, "journal_mode"), "delete");
    auto holding = std::make_unique<Transaction>(first);
    first.exec("INSERT INTO t VALUES (1)");

    EXPECT_THROW(Database::open(path, {.busy_timeout_ms = 0}), DatabaseBusyError);
    std::thread releaser([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        holding->commit();
        holding.reset();
    });
    auto second = Database::open(path, {.busy_timeout_ms = 20000});
    releaser.join();
    EXPECT_EQ(pragma_text(second, "journal_mode"), "wal");
    EXPECT_EQ(count_rows(second, "t"), 1);
}

// A database already in WAL is not switched again: opening it never needs the writer's lock.
TEST(TwoConnections, OpeningAWalDatabaseWhileAnotherWritesDoesNotWait) {
    TempDir dir;
    auto path = dir / "shared.db";
    WriterHoldingTheLock writer(path);
    auto reader = Database::open(path, {.busy_timeout_ms = 0});
    EXPECT_EQ(pragma_text(reader, "journal_mode"), "wal");
    EXPECT_EQ(count_rows(reader, "t"), 0);
}

}  // namespace
}  // namespace jobcenter
