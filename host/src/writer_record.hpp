// Who is writing to a database: a small JSON file beside it (<database>-writer) that a writing command keeps
// while its transaction holds the write lock, so that a process refused as busy can name the holder.
#pragma once

#include "jobcenter/errors.hpp"
#include "jobcenter/export.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace jobcenter {

struct WriterIdentity {
    std::int64_t pid = 0;
    std::string command;  // as typed after `jobcenter`: "register import"
    std::string unit;     // empty when the command acts for no unit
    std::string role;
    std::string started;  // when it took the write lock, UTC: "2026-12-07T10:02:11Z"
};

// The record's file: the database file's path with "-writer" added, as SQLite names its "-wal" file.
JOBCENTER_API std::filesystem::path writer_record_path(const std::filesystem::path& database);

// Writes the record whole or not at all (a temporary file renamed over it). Best effort: a folder that refuses
// the file leaves the holder unnamed; it never fails the command.
JOBCENTER_API void write_writer_record(const std::filesystem::path& database, const WriterIdentity& writer);

// The record, when there is one that reads as a record and names a process that is still running.
JOBCENTER_API std::optional<WriterIdentity> read_live_writer_record(const std::filesystem::path& database);

// Removes the record when it still names `pid`; a later writer's record stays.
JOBCENTER_API void remove_writer_record(const std::filesystem::path& database, std::int64_t pid);

// Who holds the write lock, as a busy refusal says it: "\"register import\" (unit pakila, role coordinator,
// process 4242) has been writing since 2026-12-07T10:02:11Z", or "another jobcenter process is writing to it".
JOBCENTER_API std::string describe_writer(const std::filesystem::path& database);

// The refusal of a database that stayed busy past the wait, naming the file and who holds it.
JOBCENTER_API DatabaseBusyError database_busy_error(const std::filesystem::path& database);

// The record for as long as this object lives: written when made, removed when it goes (if still this one's).
class JOBCENTER_API HeldWriterRecord {
public:
    HeldWriterRecord(std::filesystem::path database, WriterIdentity writer);
    HeldWriterRecord(const HeldWriterRecord&) = delete;
    HeldWriterRecord& operator=(const HeldWriterRecord&) = delete;
    ~HeldWriterRecord();

private:
    std::filesystem::path database_;
    std::int64_t pid_;
};

}  // namespace jobcenter
