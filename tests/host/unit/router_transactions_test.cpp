// How the router runs a command's transaction against other processes: always in WAL, a writer's record kept
// beside the database while its transaction is open, and a bulk command's WAL folded back after its commit.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>

#include "host_services.hpp"
#include "native_database.hpp"
#include "router.hpp"
#include "support/test_support.hpp"
#include "terminal_progress.hpp"
#include "writer_record.hpp"

namespace jobcenter {
namespace {
namespace json = boost::json;
using jobcenter::testing::TempDir;

const std::string nobody = "another jobcenter process is writing to it";

// What a command sees of its own connection while it runs: the journal mode and who the record names.
json::value observe(Context& ctx) {
    auto mode = ctx.db().prepare("PRAGMA journal_mode");
    mode.step();
    return json::object{{"journal_mode", mode.get_text(0)}, {"writer", describe_writer(database_file(ctx.db()))}};
}

// Enough rows that the WAL holds many pages once they are committed.
void write_rows(Context& ctx, int rows) {
    ctx.db().exec("CREATE TABLE IF NOT EXISTS probe (x INTEGER, filler TEXT)");
    auto& insert = ctx.db().cached("INSERT INTO probe VALUES (?, ?)");
    for (int i = 0; i < rows; ++i) insert.bind_all(i, std::string(500, 'x')).run();
}

std::vector<Command> probe_commands() {
    auto command = [](std::string name, Access access, int rows) {
        Command c{std::move(name), "observe the transaction", "", {}, access, Role::staff};
        c.run = [rows](Context& ctx, const json::object&) {
            write_rows(ctx, rows);
            return observe(ctx);
        };
        return c;
    };
    return {command("bulk", Access::bulk_write, 2000), command("write", Access::write, 200),
            command("read", Access::read, 0)};
}

class RouterTransactions : public ::testing::Test {
protected:
    TempDir dir;
    std::filesystem::path database = dir / "router.db";
    SystemClock clock;
    StderrLogger log{Logger::Level::error};
    TerminalProgress progress{false};
    CommandRouter router{HostPaths{database, dir / "no-plugins", std::filesystem::path(JOBCENTER_SOURCE_DIR) / "schema",
                                   std::filesystem::path(JOBCENTER_SOURCE_DIR) / "scripts"},
                         PluginSet{}, clock, log};

    RouterTransactions() { router.add_builtin_group("probe", "transaction probes", probe_commands()); }

    json::value run(const std::string& command) {
        return router.execute(Caller{"", Role::admin}, "probe", command, {}, progress);
    }
    std::uintmax_t wal_size() { return std::filesystem::file_size(database.string() + "-wal"); }
};

TEST_F(RouterTransactions, ABulkCommandRunsInWalAndLeavesNoWalBehind) {
    auto result = run("bulk");
    EXPECT_EQ(result.at("journal_mode").as_string(), "wal");
    auto other = Database::open(database);
    auto mode = other.prepare("PRAGMA journal_mode");
    ASSERT_TRUE(mode.step());
    EXPECT_EQ(mode.get_text(0), "wal");
    EXPECT_EQ(wal_size(), 0u) << "the bulk command's commit was not checkpointed";
}

TEST_F(RouterTransactions, AnotherConnectionReadingKeepsTheWalAndTheCommit) {
    run("write");
    auto reader = Database::open(database);
    Transaction reading(reader, TransactionMode::deferred);
    auto before = reader.prepare("SELECT count(*) FROM probe");
    ASSERT_TRUE(before.step());
    EXPECT_EQ(before.get_int(0), 200);
    before.reset();

    EXPECT_EQ(run("bulk").at("journal_mode").as_string(), "wal");  // does not wait for the reader
    EXPECT_GT(wal_size(), 0u) << "the checkpoint waited for, or cut under, the reader";
    auto during = reader.prepare("SELECT count(*) FROM probe");
    ASSERT_TRUE(during.step());
    EXPECT_EQ(during.get_int(0), 200) << "the reader's snapshot changed under it";
    during.reset();
    reading.commit();
    auto after = reader.prepare("SELECT count(*) FROM probe");
    ASSERT_TRUE(after.step());
    EXPECT_EQ(after.get_int(0), 2200);
}

TEST_F(RouterTransactions, AWriterIsRecordedWhileItsTransactionIsOpen) {
    const std::string holder = "\"probe write\" (no unit, role admin, process " + std::to_string(::getpid()) + ")";
    EXPECT_NE(std::string(run("write").at("writer").as_string()).find(holder), std::string::npos);
    EXPECT_FALSE(std::filesystem::exists(writer_record_path(database))) << "the record outlived the transaction";
    EXPECT_NE(std::string(run("bulk").at("writer").as_string()).find("\"probe bulk\""), std::string::npos);
    EXPECT_FALSE(std::filesystem::exists(writer_record_path(database)));
    EXPECT_EQ(run("read").at("writer").as_string(), nobody) << "a reader recorded itself as a writer";
}

// A command that fails is rolled back and takes its record with it.
TEST_F(RouterTransactions, AFailedWriterLeavesNoRecord) {
    router.add_builtin_group("failing", "a writer that fails",
                             {Command{"write", "fails", "", {}, Access::write, Role::staff,
                                      false, true, [](Context& ctx, const json::object&) -> json::value {
                                          write_rows(ctx, 1);
                                          throw InputError("refused on purpose");
                                      }}});
    EXPECT_THROW(router.execute(Caller{"", Role::admin}, "failing", "write", {}, progress), Error);
    EXPECT_FALSE(std::filesystem::exists(writer_record_path(database)));
}

}  // namespace
}  // namespace jobcenter
