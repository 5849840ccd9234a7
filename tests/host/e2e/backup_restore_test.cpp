// End-to-end tests of `jobcenter backup FILE` and `jobcenter restore FILE`: a backup is a consistent,
// checked, private copy of the committed state; a restore brings a backup's rows back after keeping a
// safety copy, and refuses every file that fails a check with exit 3, leaving the database as it was.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>

#include "support/cli_fixture.hpp"

namespace {
namespace fs = std::filesystem;
namespace json = boost::json;
using jobcenter::Database;
using jobcenter::OpenOptions;
using jobcenter::testing::read_file;
using jobcenter::testing::run_jobcenter;
using jobcenter::testing::write_file;

std::int64_t count_rows(const fs::path& file, const std::string& table) {
    OpenOptions read_only;
    read_only.create = false;
    read_only.read_only = true;
    auto db = Database::open(file, read_only);
    auto query = db.prepare("SELECT count(*) FROM " + jobcenter::quote_identifier(table));
    return query.step() ? query.get_int(0) : -1;
}

std::string integrity_of(const fs::path& file) {
    OpenOptions read_only;
    read_only.create = false;
    read_only.read_only = true;
    auto db = Database::open(file, read_only);
    auto query = db.prepare("PRAGMA integrity_check");
    return query.step() ? query.get_text(0) : "";
}

// Every file in `folder` whose name starts with `prefix`.
std::vector<fs::path> files_starting(const fs::path& folder, const std::string& prefix) {
    std::vector<fs::path> found;
    for (const auto& entry : fs::directory_iterator(folder))
        if (entry.path().filename().string().rfind(prefix, 0) == 0) found.push_back(entry.path());
    return found;
}

class BackupRestore : public jobcenter::testing::CliTest {
protected:
    fs::path backup_file = dir / "backup.db";

    void SetUp() override {
        quiet = true;
        add_unit("pakila");
        add_orderer("Alpha Oy");
        add_orderer("Beta Oy");
    }
    void add_orderer(const std::string& name) {
        auto r = jc({"register", "add", "--unit", "pakila", "--name", name});
        ASSERT_EQ(r.exit_code, 0) << r.err;
    }
    jobcenter::testing::RunResult admin(std::vector<std::string> args) {
        args.insert(args.begin(), {"--role", "admin"});
        return jc(args);
    }
    std::string orderers() { return jc({"register", "list", "--format", "csv"}).out; }
    // A backup of the database as it is now, at `file`.
    void make_backup(const fs::path& file) {
        auto r = admin({"backup", file.string()});
        ASSERT_EQ(r.exit_code, 0) << r.err;
    }
    // A copy of the good backup that `edit` then changes with foreign keys off, for the refusal tests.
    fs::path edited_backup(const std::string& name, const std::string& sql) {
        make_backup(backup_file);
        fs::path edited = dir / name;
        fs::copy_file(backup_file, edited);
        auto copy = Database::open(edited);
        copy.exec("PRAGMA foreign_keys = OFF; " + sql);
        return edited;
    }
    // Restoring `file` fails with exit 3 naming it and `reason`; the database and its folder are unchanged.
    void expect_refused(const fs::path& file, const std::string& reason) {
        const std::string before = orderers();
        auto r = admin({"restore", file.string()});
        EXPECT_EQ(r.exit_code, 3) << r.err;
        EXPECT_NE(r.err.find(file.string() + ": not restored: "), std::string::npos) << r.err;
        EXPECT_NE(r.err.find(reason), std::string::npos) << r.err;
        EXPECT_EQ(orderers(), before);
        EXPECT_TRUE(files_starting(dir.path(), "test.db.before-restore-").empty()) << "no safety copy for a refusal";
    }
};

TEST_F(BackupRestore, BackupIsAPrivateCheckedCopyHoldingTheSameRows) {
    auto r = admin({"backup", backup_file.string(), "--format", "json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    auto out = json::parse(r.out).as_object();
    EXPECT_EQ(out.at("backup").as_string(), backup_file.string());
    EXPECT_EQ(out.at("bytes").as_int64(), static_cast<std::int64_t>(fs::file_size(backup_file)));
    bool has_register = false;
    for (const auto& row : out.at("migrations").as_array())
        if (row.at("component").as_string() == "register") has_register = row.at("applied").as_int64() > 0;
    EXPECT_TRUE(has_register) << r.out;

    EXPECT_EQ(fs::status(backup_file).permissions() & fs::perms::all, fs::perms::owner_read | fs::perms::owner_write);
    EXPECT_EQ(integrity_of(backup_file), "ok");
    EXPECT_EQ(count_rows(backup_file, "orderer"), 2);
    EXPECT_EQ(count_rows(backup_file, "unit"), 1);
    EXPECT_TRUE(files_starting(dir.path(), "backup.db.partial-").empty()) << "the temporary file is gone";
    EXPECT_FALSE(fs::exists(dir / "backup.db-wal")) << "the backup is one file, not in WAL mode";

    auto same = run_jobcenter({"--db", backup_file.string(), "register", "list", "--format", "csv"}, "", env);
    EXPECT_EQ(same.out, orderers());
}

TEST_F(BackupRestore, BackupTakesOnlyWhatIsCommittedWhileAnotherWriterIsMidTransaction) {
    auto writer = Database::open(db);
    jobcenter::Transaction open_transaction(writer);
    writer.exec("INSERT INTO unit(name, title, organisation, created_at) "
                "VALUES ('toolo', 'Uncommitted', 'VATTI', '2026-01-15T10:00:00Z')");

    auto r = admin({"backup", backup_file.string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(count_rows(backup_file, "unit"), 1);
    EXPECT_EQ(integrity_of(backup_file), "ok");
    open_transaction.rollback();
}

TEST_F(BackupRestore, BackupRefusesAnExistingFileAndAMissingFolder) {
    write_file(backup_file, "precious");
    auto exists = admin({"backup", backup_file.string()});
    EXPECT_EQ(exists.exit_code, 5) << exists.err;
    EXPECT_NE(exists.err.find(backup_file.string() + ": the file exists already"), std::string::npos) << exists.err;
    EXPECT_EQ(read_file(backup_file), "precious");

    auto missing = admin({"backup", (dir / "nowhere" / "b.db").string()});
    EXPECT_EQ(missing.exit_code, 4) << missing.err;
    EXPECT_NE(missing.err.find("does not exist"), std::string::npos) << missing.err;
    EXPECT_TRUE(files_starting(dir.path(), "backup.db.partial-").empty());
}

TEST_F(BackupRestore, BackupAndRestoreNeedTheRoleAdminAndOneFile) {
    auto staff = jc({"backup", backup_file.string()});
    EXPECT_EQ(staff.exit_code, 5);
    EXPECT_NE(staff.err.find("backup needs the role admin; you are staff"), std::string::npos) << staff.err;
    EXPECT_FALSE(fs::exists(backup_file));
    EXPECT_EQ(jc({"restore", backup_file.string(), "--role", "coordinator"}).exit_code, 5);
    EXPECT_EQ(admin({"backup"}).exit_code, 2);
    EXPECT_EQ(admin({"restore", "a.db", "b.db"}).exit_code, 2);
    EXPECT_EQ(admin({"backup", "--force", "a.db"}).exit_code, 2);
}

TEST_F(BackupRestore, BackupOfNoDatabaseIsNotFoundAndCreatesNothing) {
    auto r = run_jobcenter({"--db", (dir / "none.db").string(), "--role", "admin", "backup", backup_file.string()}, "", env);
    EXPECT_EQ(r.exit_code, 4) << r.err;
    EXPECT_FALSE(fs::exists(dir / "none.db"));
    EXPECT_FALSE(fs::exists(backup_file));
}

TEST_F(BackupRestore, RestoreBringsTheRowsBackAndKeepsASafetyCopy) {
    make_backup(backup_file);
    const std::string at_backup = orderers();
    add_orderer("Gamma Oy");
    ASSERT_NE(orderers(), at_backup);

    auto r = admin({"restore", backup_file.string(), "--format", "json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(orderers(), at_backup);

    const fs::path safety = dir / "test.db.before-restore-20260115T100000Z";
    auto out = json::parse(r.out).as_object();
    EXPECT_EQ(out.at("safety_copy").as_string(), safety.string());
    EXPECT_EQ(out.at("pending_migrations").as_int64(), 0);
    ASSERT_TRUE(fs::exists(safety));
    EXPECT_EQ(fs::status(safety).permissions() & fs::perms::all, fs::perms::owner_read | fs::perms::owner_write);
    EXPECT_EQ(count_rows(safety, "orderer"), 3) << "the safety copy holds what the restore replaced";
    EXPECT_EQ(integrity_of(db), "ok");

    // A second restore in the same second keeps its own safety copy beside the first.
    ASSERT_EQ(admin({"restore", backup_file.string()}).exit_code, 0);
    EXPECT_TRUE(fs::exists(safety.string() + "-2"));
    EXPECT_EQ(count_rows(safety, "orderer"), 3);
}

TEST_F(BackupRestore, RestoreIsRecordedInTheAuditLog) {
    make_backup(backup_file);
    ASSERT_EQ(admin({"restore", backup_file.string()}).exit_code, 0);
    auto restored = Database::open(db);
    auto query = restored.prepare("SELECT role, subject_id, detail FROM audit_log WHERE action = 'restore'");
    ASSERT_TRUE(query.step());
    EXPECT_EQ(query.get_text(0), "admin");
    EXPECT_EQ(query.get_text(1), backup_file.string());
    EXPECT_NE(query.get_text(2).find("before-restore-"), std::string::npos);
}

TEST_F(BackupRestore, RestoreIntoANewDatabaseCreatesItPrivately) {
    make_backup(backup_file);
    const fs::path fresh = dir / "fresh.db";
    auto r = run_jobcenter({"--db", fresh.string(), "--role", "admin", "restore", backup_file.string()}, "", env);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(count_rows(fresh, "orderer"), 2);
    EXPECT_EQ(fs::status(fresh).permissions() & fs::perms::all, fs::perms::owner_read | fs::perms::owner_write);
    EXPECT_TRUE(files_starting(dir.path(), "fresh.db.before-restore-").empty()) << "nothing to keep a copy of";
}

TEST_F(BackupRestore, RestoreRefusesACorruptFile) {
    make_backup(backup_file);
    const fs::path corrupt = dir / "corrupt.db";
    fs::copy_file(backup_file, corrupt);
    std::int64_t root_page = 0, page_size = 0;
    {
        OpenOptions read_only;
        read_only.read_only = true;
        auto copy = Database::open(corrupt, read_only);
        auto root = copy.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'orderer'");
        ASSERT_TRUE(root.step());
        root_page = root.get_int(0);
        auto size = copy.prepare("PRAGMA page_size");
        ASSERT_TRUE(size.step());
        page_size = size.get_int(0);
    }
    {
        std::fstream pages(corrupt, std::ios::in | std::ios::out | std::ios::binary);
        pages.seekp((root_page - 1) * page_size);
        const std::string junk(static_cast<std::size_t>(page_size), '\x5a');
        pages.write(junk.data(), static_cast<std::streamsize>(junk.size()));
    }
    expect_refused(corrupt, "PRAGMA integrity_check found damage");
}

TEST_F(BackupRestore, RestoreRefusesAFileThatIsNoSqliteDatabase) {
    const fs::path junk = dir / "junk.db";
    std::string text;
    for (int i = 0; i < 200; ++i) text += "this is a spreadsheet, not a database\n";
    write_file(junk, text);
    expect_refused(junk, "it is not a SQLite database");
}

TEST_F(BackupRestore, RestoreRefusesAFileWithAForeignKeyViolation) {
    auto broken = edited_backup("dangling.db", "UPDATE orderer SET merged_into = 999999 WHERE id = (SELECT min(id) FROM orderer)");
    expect_refused(broken, "PRAGMA foreign_key_check found rows pointing nowhere: a row of orderer");
}

TEST_F(BackupRestore, RestoreRefusesAFileWithAnEditedMigrationChecksum) {
    auto edited = edited_backup(
        "edited.db", "UPDATE schema_migration SET checksum = '0000000000000000' WHERE component = 'register' AND version = 3");
    expect_refused(edited, "register/003_contact_log.sql with another checksum than this version's file");
}

TEST_F(BackupRestore, RestoreRefusesAMigrationThisVersionDoesNotKnow) {
    auto newer = edited_backup("newer.db",
                               "INSERT INTO schema_migration(component, version, name, checksum, applied_at) "
                               "VALUES ('register', 999, '999_future.sql', 'ffffffffffffffff', '2030-01-01T00:00:00Z')");
    expect_refused(newer, "register/999_future.sql, which this version of Jobcenter does not know");
}

TEST_F(BackupRestore, RestoreRefusesASqliteFileThatIsNoJobcenterDatabase) {
    const fs::path other = dir / "other.db";
    {
        auto db_other = Database::open(other);
        db_other.exec("CREATE TABLE notes(id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes(text) VALUES ('x')");
    }
    expect_refused(other, "it is not a Jobcenter database");
}

TEST_F(BackupRestore, RestoreOfAMissingFileIsNotFound) {
    const std::string before = orderers();
    auto r = admin({"restore", (dir / "nothing.db").string()});
    EXPECT_EQ(r.exit_code, 4) << r.err;
    EXPECT_EQ(orderers(), before);
}

TEST_F(BackupRestore, RestoreWaitsForTheWriteLockAndIsRefusedWhenItStaysBusy) {
    make_backup(backup_file);
    add_orderer("Gamma Oy");
    const std::string before = orderers();
    auto writer = Database::open(db);
    jobcenter::Transaction holding_the_lock(writer);

    // --wait 1 rather than the default 30 s: restore waits as long as it is told, then refuses.
    const auto started = std::chrono::steady_clock::now();
    auto r = admin({"--wait", "1", "restore", backup_file.string()});
    EXPECT_GE(std::chrono::steady_clock::now() - started, std::chrono::seconds(1)) << "restore did not wait";
    EXPECT_EQ(r.exit_code, 5) << r.err;
    EXPECT_NE(r.err.find("busy"), std::string::npos) << r.err;
    holding_the_lock.rollback();
    EXPECT_EQ(orderers(), before);
    EXPECT_TRUE(files_starting(dir.path(), "test.db.before-restore-").empty());
}

TEST_F(BackupRestore, HelpNamesTheCommandsAndTheirRole) {
    auto top = jc({"--help"});
    EXPECT_NE(top.out.find("backup    copy the database into a new file"), std::string::npos) << top.out;
    EXPECT_NE(top.out.find("restore   replace the database's content"), std::string::npos) << top.out;
    auto backup = jc({"backup", "--help"});
    EXPECT_EQ(backup.exit_code, 0);
    EXPECT_NE(backup.out.find("usage: jobcenter --role admin [--db PATH] backup FILE"), std::string::npos) << backup.out;
    EXPECT_NE(backup.out.find("Needs the role admin."), std::string::npos);
    auto restore = jc({"restore", "--help"});
    EXPECT_EQ(restore.exit_code, 0);
    EXPECT_NE(restore.out.find("before-restore"), std::string::npos) << restore.out;
}

}  // namespace
