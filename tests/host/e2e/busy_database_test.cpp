// Processes sharing one database while another holds its write lock, as staff meet it during a coordinator's
// import: readers proceed, a writer waits up to --wait seconds and is then refused (exit 5) naming the holder,
// and nothing it meant to write is half written. Also: a global option given twice is a usage error.
#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <memory>
#include <thread>

#include "native_database.hpp"
#include "support/cli_fixture.hpp"
#include "writer_record.hpp"

namespace {
namespace json = boost::json;
using jobcenter::Database;
using jobcenter::HeldWriterRecord;
using jobcenter::Transaction;
using jobcenter::WriterIdentity;

std::int64_t this_process() { return static_cast<std::int64_t>(::getpid()); }

// Another writer, as a real one holds the database: a connection inside BEGIN IMMEDIATE and, once it has the
// lock, its record beside the database. Lets go (commit, then the record) when released or destroyed.
class OtherWriter {
public:
    OtherWriter(const std::string& db, std::optional<WriterIdentity> identity)
        : connection_(Database::open(db)), transaction_(std::make_unique<Transaction>(connection_)) {
        if (identity) record_ = std::make_unique<HeldWriterRecord>(jobcenter::database_file(connection_), *identity);
    }
    void release() {
        if (transaction_) transaction_->commit();
        transaction_.reset();
        record_.reset();
    }

private:
    Database connection_;
    std::unique_ptr<Transaction> transaction_;
    std::unique_ptr<HeldWriterRecord> record_;
};

WriterIdentity coordinator_import(std::int64_t pid) {
    return {pid, "register import", "pakila", "coordinator", "2026-12-07T10:02:11Z"};
}

class BusyDatabase : public jobcenter::testing::CliTest {
protected:
    BusyDatabase() { quiet = true; }
    std::string orderer;

    void SetUp() override {
        add_unit("pakila");
        add_unit("toolo");
        orderer = std::to_string(
            jc_json({"register", "add", "--unit", "pakila", "--name", "Esimerkki Oy", "--business-id", "1234567-1"})
                .at("id").as_int64());
    }
    jobcenter::testing::RunResult add_contact(const std::string& wait) {
        return jc({"register", "contact", "add", orderer, "--unit", "toolo", "--staff", "Maija", "--outcome", "waiting",
                   "--wait", wait});
    }
    std::int64_t contacts() { return jc_json({"register", "contact", "list"}).at("count").as_int64(); }
};

TEST_F(BusyDatabase, ReadersProceedWhileAnotherProcessWrites) {
    OtherWriter importing(db, coordinator_import(this_process()));
    auto listed = jc({"register", "list", "--unit", "toolo", "--wait", "0"});
    EXPECT_EQ(listed.exit_code, 0) << listed.err;
    EXPECT_NE(listed.out.find("Esimerkki Oy"), std::string::npos) << listed.out;
    auto checked = jc({"register", "check", "--name", "Esimerkki Oy", "--unit", "toolo", "--wait", "0"});
    EXPECT_EQ(checked.exit_code, 0) << checked.err;
    EXPECT_NE(checked.out.find("Esimerkki Oy"), std::string::npos) << checked.out;
}

TEST_F(BusyDatabase, AWriterThatCannotWaitIsRefusedNamingTheHolder) {
    auto importing = std::make_unique<OtherWriter>(db, coordinator_import(this_process()));
    auto refused = add_contact("0");
    EXPECT_EQ(refused.exit_code, 5) << refused.err;
    const std::string file = std::filesystem::canonical(db).string();
    EXPECT_NE(refused.err.find("the database " + file + " is busy: \"register import\" (unit pakila, role coordinator, "
                               "process " + std::to_string(this_process()) +
                               ") has been writing since 2026-12-07T10:02:11Z; try again when it has finished"),
              std::string::npos)
        << refused.err;

    auto as_json = jc({"register", "contact", "add", orderer, "--unit", "toolo", "--staff", "Maija", "--outcome",
                       "waiting", "--wait=0", "--format", "json"});
    EXPECT_EQ(as_json.exit_code, 5);
    EXPECT_EQ(json::parse(as_json.out).at("error").at("kind").as_string(), "refused");

    importing->release();
    EXPECT_EQ(contacts(), 0) << "a refused command wrote something";
    EXPECT_FALSE(std::filesystem::exists(jobcenter::writer_record_path(file)));
}

TEST_F(BusyDatabase, AWaitingWriterProceedsOnceTheHolderLetsGo) {
    OtherWriter importing(db, coordinator_import(this_process()));
    std::thread finishing([&] {
        std::this_thread::sleep_for(std::chrono::seconds(1));
        importing.release();
    });
    auto added = add_contact("20");
    finishing.join();
    EXPECT_EQ(added.exit_code, 0) << added.err;
    EXPECT_EQ(contacts(), 1);
}

// A record left by a process that is gone (killed while it wrote) names no one.
TEST_F(BusyDatabase, AStaleRecordIsNotNamed) {
    const pid_t gone = ::fork();
    if (gone == 0) ::_exit(0);
    ::waitpid(gone, nullptr, 0);
    jobcenter::write_writer_record(std::filesystem::canonical(db), coordinator_import(gone));
    OtherWriter unrecorded(db, std::nullopt);

    auto refused = add_contact("0");
    EXPECT_EQ(refused.exit_code, 5) << refused.err;
    EXPECT_NE(refused.err.find("is busy: another jobcenter process is writing to it; try again"), std::string::npos)
        << refused.err;
    EXPECT_EQ(refused.err.find("register import"), std::string::npos) << refused.err;
}

TEST_F(BusyDatabase, AGlobalOptionGivenTwiceIsAUsageErrorNamingIt) {
    auto twice = jc({"--unit", "pakila", "register", "contact", "add", orderer, "--staff", "Maija", "--outcome",
                     "waiting", "--unit", "toolo"});
    EXPECT_EQ(twice.exit_code, 2);
    EXPECT_NE(twice.err.find("--unit: --unit is given twice ('pakila', then 'toolo')"), std::string::npos) << twice.err;
    EXPECT_EQ(jc({"--db", db, "unit", "list"}).exit_code, 2);  // the fixture gives --db already
    EXPECT_EQ(jc({"--wait", "1", "unit", "list", "--wait=2"}).exit_code, 2);
    auto bad_wait = jc({"--wait", "soon", "unit", "list"});
    EXPECT_EQ(bad_wait.exit_code, 2);
    EXPECT_NE(bad_wait.err.find("--wait: 'soon' is not a whole number of seconds"), std::string::npos) << bad_wait.err;
    EXPECT_EQ(contacts(), 0);
}

}  // namespace
