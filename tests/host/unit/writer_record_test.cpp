// The record of who holds a database's write lock: written whole, read back, ignored when it names a process
// that is gone or is not a record, and removed only by the process it names.
#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include "support/test_support.hpp"
#include "writer_record.hpp"

namespace jobcenter {
namespace {

using jobcenter::testing::read_file;
using jobcenter::testing::TempDir;
using jobcenter::testing::write_file;

std::int64_t this_process() { return static_cast<std::int64_t>(::getpid()); }

// The id of a process that has exited and been reaped.
std::int64_t finished_process() {
    const pid_t child = ::fork();
    if (child == 0) ::_exit(0);
    ::waitpid(child, nullptr, 0);
    return static_cast<std::int64_t>(child);
}

WriterIdentity importer(std::int64_t pid) { return {pid, "register import", "pakila", "coordinator", "2026-12-07T10:02:11Z"}; }

TEST(WriterRecord, IsWrittenBesideTheDatabaseAndReadBack) {
    TempDir dir;
    const auto database = dir / "jobcenter.db";
    EXPECT_EQ(writer_record_path(database), dir / "jobcenter.db-writer");
    write_writer_record(database, importer(this_process()));
    auto record = read_live_writer_record(database);
    ASSERT_TRUE(record);
    EXPECT_EQ(record->pid, this_process());
    EXPECT_EQ(record->command, "register import");
    EXPECT_EQ(record->unit, "pakila");
    EXPECT_EQ(record->role, "coordinator");
    EXPECT_EQ(record->started, "2026-12-07T10:02:11Z");
    EXPECT_EQ(describe_writer(database), "\"register import\" (unit pakila, role coordinator, process " +
                                             std::to_string(this_process()) +
                                             ") has been writing since 2026-12-07T10:02:11Z");
    EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.path()), {}), 1) << "no temporary file is left";
}

TEST(WriterRecord, WithoutAUnitSaysSo) {
    TempDir dir;
    const auto database = dir / "jobcenter.db";
    write_writer_record(database, {this_process(), "unit add", "", "admin", "2026-12-07T10:02:11Z"});
    EXPECT_NE(describe_writer(database).find("(no unit, role admin, process "), std::string::npos)
        << describe_writer(database);
}

TEST(WriterRecord, AFinishedProcessOrAnUnreadableFileNamesNoOne) {
    TempDir dir;
    const auto database = dir / "jobcenter.db";
    const std::string nobody = "another jobcenter process is writing to it";
    EXPECT_EQ(describe_writer(database), nobody);  // no file

    write_writer_record(database, importer(finished_process()));
    EXPECT_FALSE(read_live_writer_record(database));
    EXPECT_EQ(describe_writer(database), nobody);

    for (const char* junk : {"", "not json", "[1,2]", "{\"pid\": 0, \"command\": \"x\", \"unit\": \"\", \"role\": \"staff\", "
                                                      "\"started\": \"\"}",
                             "{\"pid\": \"1\", \"command\": \"x\", \"unit\": \"\", \"role\": \"staff\", \"started\": \"\"}",
                             "{\"pid\": 1}"}) {
        write_file(writer_record_path(database), junk);
        EXPECT_EQ(describe_writer(database), nobody) << junk;
    }
}

// A process removes only its own record: a later writer's record stays.
TEST(WriterRecord, IsRemovedOnlyByTheProcessItNames) {
    TempDir dir;
    const auto database = dir / "jobcenter.db";
    write_writer_record(database, importer(this_process()));
    remove_writer_record(database, this_process() + 1);
    EXPECT_TRUE(std::filesystem::exists(writer_record_path(database)));
    remove_writer_record(database, this_process());
    EXPECT_FALSE(std::filesystem::exists(writer_record_path(database)));
}

TEST(WriterRecord, HeldForTheLifeOfItsHolder) {
    TempDir dir;
    const auto database = dir / "jobcenter.db";
    {
        HeldWriterRecord held(database, importer(this_process()));
        EXPECT_TRUE(read_live_writer_record(database));
    }
    EXPECT_FALSE(std::filesystem::exists(writer_record_path(database)));
    {
        HeldWriterRecord held(database, importer(this_process()));
        write_writer_record(database, {this_process() + 1, "register dedupe", "toolo", "coordinator", "later"});
    }
    EXPECT_NE(read_file(writer_record_path(database)).find("register dedupe"), std::string::npos)
        << "the holder took away a record that was no longer its own";
}

}  // namespace
}  // namespace jobcenter
