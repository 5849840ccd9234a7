// Owns the host's use of SQLite's online backup API (sqlite3_backup_init/step/finish) and the making of
// a new database file from a live one: temporary file, integrity check, rename that replaces nothing.
#include "online_backup.hpp"

#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <system_error>

#include "database_checks.hpp"
#include "jobcenter/errors.hpp"
#include "native_database.hpp"
#include "writer_record.hpp"

namespace jobcenter {
namespace fs = std::filesystem;

// --- OnlineBackup -------------------------------------------------------------------------------------

OnlineBackup::OnlineBackup(sqlite3* destination, sqlite3* source, fs::path live_database)
    : live_database_(std::move(live_database)) {
    backup_ = sqlite3_backup_init(destination, "main", source, "main");
    if (backup_ == nullptr)
        throw InternalError(std::string("cannot start the copy: ") + sqlite3_errmsg(destination), live_database_.string());
}

OnlineBackup::~OnlineBackup() { sqlite3_backup_finish(backup_); }

void OnlineBackup::lock_destination() { step(0); }

void OnlineBackup::copy_all() {
    step(-1);
    const int rc = sqlite3_backup_finish(backup_);
    backup_ = nullptr;
    if (rc != SQLITE_OK)
        throw InternalError(std::string("the copy failed: ") + sqlite3_errstr(rc), live_database_.string());
}

void OnlineBackup::step(int pages) {
    if (done_) return;
    const int rc = sqlite3_backup_step(backup_, pages);
    if (rc == SQLITE_DONE) {
        done_ = true;
        return;
    }
    if (rc == SQLITE_OK) return;
    const int primary = rc & 0xff;
    if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) throw database_busy_error(live_database_);
    if (primary == SQLITE_READONLY)
        throw InputError("the two databases have different page sizes, which a database in WAL mode cannot take",
                         live_database_.string());
    throw InternalError(std::string("the copy failed: ") + sqlite3_errstr(rc), live_database_.string());
}

// --- copy_to_new_file -----------------------------------------------------------------------------------

namespace {

struct ConnectionCloser {
    void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using OwnedConnection = std::unique_ptr<sqlite3, ConnectionCloser>;

// A temporary file of mode 0600 beside the target, removed (with any journal of it) unless kept.
class TemporaryFile {
public:
    explicit TemporaryFile(const fs::path& target) {
        std::string pattern = target.string() + ".partial-XXXXXX";
        const int fd = ::mkstemp(pattern.data());
        if (fd < 0)
            throw InternalError("cannot create a temporary file beside it: " + std::string(std::strerror(errno)),
                                target.string());
        ::close(fd);
        path_ = pattern;
    }
    TemporaryFile(const TemporaryFile&) = delete;
    TemporaryFile& operator=(const TemporaryFile&) = delete;
    ~TemporaryFile() {
        if (kept_) return;
        std::error_code ec;
        fs::remove(path_, ec);
        fs::remove(path_.string() + "-journal", ec);
    }
    const fs::path& path() const { return path_; }
    void keep() { kept_ = true; }

private:
    fs::path path_;
    bool kept_ = false;
};

// Runs one statement on a raw connection and returns its first column of the first row.
std::string single_text(sqlite3* db, const char* sql, const fs::path& file) {
    sqlite3_stmt* raw = nullptr;
    int rc = sqlite3_prepare_v2(db, sql, -1, &raw, nullptr);
    std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> stmt(raw, sqlite3_finalize);
    if (rc == SQLITE_OK) rc = sqlite3_step(stmt.get());
    if (rc != SQLITE_ROW) throw InternalError(std::string(sql) + " failed: " + sqlite3_errmsg(db), file.string());
    const unsigned char* text = sqlite3_column_text(stmt.get(), 0);
    return text ? reinterpret_cast<const char*>(text) : "";
}

// Copies every page of `source` into the empty file at `path`, then makes the copy a rollback-journal
// database so it is one file on its own.
void copy_pages(Database& source, const fs::path& path) {
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE, nullptr);
    OwnedConnection destination(raw);
    if (rc != SQLITE_OK)
        throw InternalError("cannot open the copy: " + std::string(sqlite3_errstr(rc)), path.string());
    sqlite3_extended_result_codes(destination.get(), 1);
    {
        OnlineBackup backup(destination.get(), native_handle(source), source.path());
        backup.copy_all();
    }
    if (single_text(destination.get(), "PRAGMA journal_mode=DELETE", path) != "delete")
        throw InternalError("cannot take the copy out of WAL mode", path.string());
}

// Opens the finished copy read-only and refuses it unless SQLite's integrity check passes.
void check_copy(const fs::path& path, const fs::path& target) {
    OpenOptions read_only;
    read_only.create = false;
    read_only.read_only = true;
    Database copy = Database::open(path, read_only);
    CheckFindings damage = integrity_findings(copy);
    if (!damage.clean())
        throw InternalError("the copy failed its integrity check, so it was not kept: " + damage.summary(),
                            target.string());
}

// Flushes the folder's entry of a renamed file to disk.
void sync_folder(const fs::path& folder) {
    const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY);
    if (fd < 0) return;  // the rename stands; only its durability across a power cut is left to the OS
    ::fsync(fd);
    ::close(fd);
}

void refuse_existing(const fs::path& target) {
    throw RefusedError("the file exists already; a copy never replaces a file: give a new name or move it away",
                       target.string());
}

// Renames `from` to `to` unless `to` exists, atomically where the file system allows it.
void rename_without_replacing(const fs::path& from, const fs::path& to) {
    if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0) return;
    if (errno == EEXIST) refuse_existing(to);
    if (errno != EINVAL && errno != ENOSYS)
        throw InternalError("cannot rename the finished copy into place: " + std::string(std::strerror(errno)),
                            to.string());
    // A file system without RENAME_NOREPLACE: check, then rename.
    std::error_code ec;
    if (fs::exists(fs::symlink_status(to, ec))) refuse_existing(to);
    fs::rename(from, to);
}

}  // namespace

CopiedDatabase copy_to_new_file(Database& source, const fs::path& target) {
    const fs::path folder = target.parent_path().empty() ? fs::path(".") : target.parent_path();
    std::error_code ec;
    if (!fs::is_directory(folder, ec))
        throw NotFoundError("the folder " + folder.string() + " does not exist", target.string());
    if (fs::exists(fs::symlink_status(target, ec))) refuse_existing(target);

    TemporaryFile partial(target);
    copy_pages(source, partial.path());
    check_copy(partial.path(), target);
    rename_without_replacing(partial.path(), target);
    partial.keep();
    sync_folder(folder);
    return {target, fs::file_size(target)};
}

}  // namespace jobcenter
