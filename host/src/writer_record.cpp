// Writing, reading and removing the record of the process that holds a database's write lock.
#include "writer_record.hpp"

#include <signal.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <cerrno>
#include <fstream>
#include <sstream>
#include <system_error>

namespace jobcenter {
namespace json = boost::json;
namespace {

bool names_running_process(std::int64_t pid) {
    if (pid <= 0) return false;  // 0 and negative numbers would name process groups
    return ::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH;
}

std::optional<std::string> text_field(const json::object& record, std::string_view name) {
    const json::value* value = record.if_contains(name);
    if (value == nullptr || !value->is_string()) return std::nullopt;
    return std::string(value->get_string());
}

// The record in the file, whatever process it names; nothing when there is no file or it is not a record.
std::optional<WriterIdentity> read_record(const std::filesystem::path& database) {
    std::ifstream in(writer_record_path(database), std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream text;
    text << in.rdbuf();
    boost::system::error_code ec;
    json::value parsed = json::parse(text.str(), ec);
    if (ec || !parsed.is_object()) return std::nullopt;
    const json::object& record = parsed.get_object();
    const json::value* pid = record.if_contains("pid");
    auto command = text_field(record, "command");
    auto unit = text_field(record, "unit");
    auto role = text_field(record, "role");
    auto started = text_field(record, "started");
    if (pid == nullptr || !pid->is_int64() || !command || !unit || !role || !started) return std::nullopt;
    return WriterIdentity{pid->get_int64(), *command, *unit, *role, *started};
}

}  // namespace

std::filesystem::path writer_record_path(const std::filesystem::path& database) {
    return std::filesystem::path(database.string() + "-writer");
}

void write_writer_record(const std::filesystem::path& database, const WriterIdentity& writer) {
    const auto path = writer_record_path(database);
    const auto temporary = std::filesystem::path(path.string() + "." + std::to_string(::getpid()) + ".tmp");
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out << json::serialize(json::object{{"pid", writer.pid},
                                            {"command", writer.command},
                                            {"unit", writer.unit},
                                            {"role", writer.role},
                                            {"started", writer.started}});
        if (!out) {
            std::error_code ignored;
            std::filesystem::remove(temporary, ignored);
            return;
        }
    }
    std::error_code ec;
    std::filesystem::rename(temporary, path, ec);
    if (ec) std::filesystem::remove(temporary, ec);
}

std::optional<WriterIdentity> read_live_writer_record(const std::filesystem::path& database) {
    auto record = read_record(database);
    if (!record || !names_running_process(record->pid)) return std::nullopt;
    return record;
}

void remove_writer_record(const std::filesystem::path& database, std::int64_t pid) {
    auto record = read_record(database);
    if (!record || record->pid != pid) return;
    std::error_code ignored;
    std::filesystem::remove(writer_record_path(database), ignored);
}

std::string describe_writer(const std::filesystem::path& database) {
    auto writer = read_live_writer_record(database);
    if (!writer) return "another jobcenter process is writing to it";
    const std::string unit = writer->unit.empty() ? "no unit" : "unit " + writer->unit;
    return "\"" + writer->command + "\" (" + unit + ", role " + writer->role + ", process " +
           std::to_string(writer->pid) + ") has been writing since " + writer->started;
}

DatabaseBusyError database_busy_error(const std::filesystem::path& database) {
    return DatabaseBusyError("the database " + database.string() + " is busy: " + describe_writer(database) +
                             "; try again when it has finished");
}

HeldWriterRecord::HeldWriterRecord(std::filesystem::path database, WriterIdentity writer)
    : database_(std::move(database)), pid_(writer.pid) {
    if (!database_.empty()) write_writer_record(database_, writer);  // an in-memory database has no file beside it
}

HeldWriterRecord::~HeldWriterRecord() {
    try {
        if (!database_.empty()) remove_writer_record(database_, pid_);
    } catch (...) {
        // A destructor must not throw; a record left behind names a finished process and is ignored.
    }
}

}  // namespace jobcenter
