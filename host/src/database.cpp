// Owns the SQLite connection wrapper: opening a file with WAL, foreign keys and a busy timeout,
// prepared statements with bound parameters, the per-connection statement cache, transactions and savepoints.
#include "jobcenter/database.hpp"

#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <atomic>
#include <cctype>
#include <chrono>
#include <cstdint>
#include <memory>
#include <system_error>
#include <thread>
#include <utility>

#include "jobcenter/errors.hpp"
#include "native_database.hpp"
#include "writer_record.hpp"

namespace jobcenter {
namespace {

// SQLITE_TRANSIENT without its old-style cast: SQLite copies the bound text before the call returns.
const sqlite3_destructor_type copy_text = reinterpret_cast<sqlite3_destructor_type>(static_cast<std::intptr_t>(-1));
// SQLITE_STATIC: SQLite reads the caller's text where it is, for as long as the binding lasts.
const sqlite3_destructor_type keep_text = nullptr;

constexpr std::size_t sql_shown_chars = 200;

std::string shorten(std::string_view sql) {
    while (!sql.empty() && std::isspace(static_cast<unsigned char>(sql.front()))) sql.remove_prefix(1);
    if (sql.size() <= sql_shown_chars) return std::string(sql);
    return std::string(sql.substr(0, sql_shown_chars)) + "...";
}

// SQLite's own message for the last failure on `db`, or the generic text of `rc` when there is none.
std::string sqlite_message(sqlite3* db, int rc) {
    if (db != nullptr && sqlite3_errcode(db) != SQLITE_OK) return sqlite3_errmsg(db);
    return sqlite3_errstr(rc);
}

// A new database file is made readable by its owner only (it holds social-welfare data); SQLite gives its
// -wal and -shm files the same mode. An existing file is left as it is.
void create_private_file(const std::filesystem::path& path) {
    const int fd = ::open(path.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
    if (fd >= 0) ::close(fd);
}

// Busy (another connection holds the lock SQLite needs) or locked, in any of their extended codes: returned
// only once the busy handler has given up waiting.
bool is_busy(int rc) {
    const int primary = rc & 0xff;
    return primary == SQLITE_BUSY || primary == SQLITE_LOCKED;
}

// The refusal of a database that stayed busy past the wait, naming the file and who holds it.
DatabaseBusyError busy_error(sqlite3* db) {
    const char* file = db != nullptr ? sqlite3_db_filename(db, "main") : nullptr;
    if (file == nullptr || *file == '\0')
        return DatabaseBusyError("the in-memory database is busy; try again when the other use of it has finished");
    return database_busy_error(file);
}

[[noreturn]] void fail_on(sqlite3* db, int rc, std::string_view what) {
    if (is_busy(rc)) throw busy_error(db);
    throw InternalError(sqlite_message(db, rc), std::string(what));
}

void check_bind(sqlite3_stmt* stmt, int rc, int index, const std::string& sql) {
    if (rc != SQLITE_OK)
        fail_on(sqlite3_db_handle(stmt), rc, "binding parameter " + std::to_string(index) + " of " + shorten(sql));
}

struct StatementCloser {
    void operator()(sqlite3_stmt* stmt) const { sqlite3_finalize(stmt); }
};
using OwnedStatement = std::unique_ptr<sqlite3_stmt, StatementCloser>;

// SQLite counts every allocation under a process-wide mutex unless told not to, a lock taken on most
// calls of a bulk write. Nothing here reads those counts (sqlite3_memory_used and the like), so the
// counting is switched off once, before the first connection initialises SQLite. Should the process
// have initialised SQLite already, sqlite3_config refuses and the counting simply stays on.
void configure_sqlite_once() {
    static const int rc = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    (void)rc;
}

bool is_memory_path(const std::filesystem::path& path) { return path.empty() || path == ":memory:"; }

int open_flags(const OpenOptions& options) {
    int flags = SQLITE_OPEN_NOMUTEX;
    if (options.read_only) return flags | SQLITE_OPEN_READONLY;
    flags |= SQLITE_OPEN_READWRITE;
    if (options.create) flags |= SQLITE_OPEN_CREATE;
    return flags;
}

// Runs one PRAGMA (or any single statement) whose rows are not needed; returns SQLite's result code.
int run_setup(sqlite3* db, const char* sql) {
    sqlite3_stmt* raw = nullptr;
    int rc = sqlite3_prepare_v2(db, sql, -1, &raw, nullptr);
    OwnedStatement stmt(raw);
    if (rc != SQLITE_OK) return rc;
    do {
        rc = sqlite3_step(stmt.get());
    } while (rc == SQLITE_ROW);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

// The journal mode in force, read without changing it ("wal", "delete", ...).
std::string journal_mode(sqlite3* db) {
    sqlite3_stmt* raw = nullptr;
    sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &raw, nullptr);
    OwnedStatement stmt(raw);
    if (stmt == nullptr || sqlite3_step(stmt.get()) != SQLITE_ROW) return {};
    const unsigned char* mode = sqlite3_column_text(stmt.get(), 0);
    return mode != nullptr ? reinterpret_cast<const char*>(mode) : "";
}

// Puts a database that is not in WAL into it. The switch needs the database to itself, and SQLite does not
// call the busy handler for it, so a busy database is tried again here until the connection's wait is over.
int switch_to_wal(sqlite3* db, int wait_ms) {
    using clock = std::chrono::steady_clock;
    constexpr auto pause = std::chrono::milliseconds(20);
    const auto give_up = clock::now() + std::chrono::milliseconds(wait_ms);
    while (true) {
        const int rc = run_setup(db, "PRAGMA journal_mode=WAL");
        if (!is_busy(rc) || clock::now() >= give_up) return rc;
        std::this_thread::sleep_for(pause);
    }
}

}  // namespace

// --- Statement --------------------------------------------------------------------------------------

Statement::Statement(Database& db, std::string_view sql) : db_(&db), sql_(sql) {
    const char* tail = nullptr;
    int rc = sqlite3_prepare_v2(db.db_, sql_.data(), static_cast<int>(sql_.size()), &stmt_, &tail);
    if (rc != SQLITE_OK) db.fail(rc, "preparing " + shorten(sql_));
    if (stmt_ == nullptr) throw InternalError("no SQL statement to prepare", "preparing " + shorten(sql_));

    // One Statement is one statement: refuse trailing SQL that would otherwise be silently ignored.
    const char* end = sql_.data() + sql_.size();
    if (tail != nullptr && tail < end) {
        sqlite3_stmt* extra = nullptr;
        sqlite3_prepare_v2(db.db_, tail, static_cast<int>(end - tail), &extra, nullptr);
        OwnedStatement extra_owner(extra);
        if (extra != nullptr) {
            sqlite3_finalize(stmt_);
            stmt_ = nullptr;
            throw InternalError("more than one SQL statement; use Database::exec for scripts",
                                "preparing " + shorten(sql_));
        }
    }
}

Statement::Statement(Statement&& other) noexcept
    : db_(other.db_), stmt_(std::exchange(other.stmt_, nullptr)), sql_(std::move(other.sql_)) {}

Statement& Statement::operator=(Statement&& other) noexcept {
    if (this != &other) {
        sqlite3_finalize(stmt_);
        db_ = other.db_;
        stmt_ = std::exchange(other.stmt_, nullptr);
        sql_ = std::move(other.sql_);
    }
    return *this;
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

// Errors are reported through the statement's own connection handle, which stays valid when the
// Database object that owns it is moved.
Statement& Statement::bind(int index, std::int64_t value) {
    int rc = sqlite3_bind_int64(stmt_, index, value);
    check_bind(stmt_, rc, index, sql_);
    return *this;
}

Statement& Statement::bind(int index, double value) {
    int rc = sqlite3_bind_double(stmt_, index, value);
    check_bind(stmt_, rc, index, sql_);
    return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
    // A null pointer would bind SQL NULL, so an empty view still gets a real (empty) string.
    const char* data = text.empty() ? "" : text.data();
    int rc = sqlite3_bind_text64(stmt_, index, data, text.size(), copy_text, SQLITE_UTF8);
    check_bind(stmt_, rc, index, sql_);
    return *this;
}

Statement& Statement::bind_view(int index, std::string_view text) {
    const char* data = text.empty() ? "" : text.data();
    int rc = sqlite3_bind_text64(stmt_, index, data, text.size(), keep_text, SQLITE_UTF8);
    check_bind(stmt_, rc, index, sql_);
    return *this;
}

Statement& Statement::bind(int index, std::nullptr_t) {
    int rc = sqlite3_bind_null(stmt_, index);
    check_bind(stmt_, rc, index, sql_);
    return *this;
}

bool Statement::step() {
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    sqlite3* db = sqlite3_db_handle(stmt_);
    std::string message = sqlite_message(db, rc);
    sqlite3_reset(stmt_);  // leave it ready to run again and release any lock it held
    if (is_busy(rc)) throw busy_error(db);
    throw InternalError(message, "running " + shorten(sql_));
}

void Statement::run() {
    while (step()) {
    }
    sqlite3_reset(stmt_);
}

void Statement::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

int Statement::column_count() const { return sqlite3_column_count(stmt_); }

std::string Statement::column_name(int column) const {
    const char* name = sqlite3_column_name(stmt_, column);
    return name != nullptr ? name : "";
}

bool Statement::is_null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

std::int64_t Statement::get_int(int column) const { return sqlite3_column_int64(stmt_, column); }

double Statement::get_double(int column) const { return sqlite3_column_double(stmt_, column); }

std::string Statement::get_text(int column) const { return std::string(get_text_view(column)); }

std::string_view Statement::get_text_view(int column) const {
    const unsigned char* text = sqlite3_column_text(stmt_, column);
    if (text == nullptr) return {};
    auto size = static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column));
    return {reinterpret_cast<const char*>(text), size};
}

std::optional<std::string> Statement::get_optional_text(int column) const {
    if (is_null(column)) return std::nullopt;
    return get_text(column);
}

std::optional<std::int64_t> Statement::get_optional_int(int column) const {
    if (is_null(column)) return std::nullopt;
    return get_int(column);
}

std::string quote_identifier(std::string_view name) {
    std::string out = "\"";
    for (char c : name) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

// --- Database ---------------------------------------------------------------------------------------

Database Database::open(const std::filesystem::path& path, const OpenOptions& options) {
    const bool memory = is_memory_path(path);
    const std::string name = memory ? ":memory:" : path.string();
    if (!memory) {
        std::error_code ec;
        if ((!options.create || options.read_only) && !std::filesystem::exists(path, ec))
            throw NotFoundError("no database file at " + name);
        auto folder = path.parent_path();
        if (!folder.empty() && !std::filesystem::is_directory(folder, ec))
            throw NotFoundError("the folder " + folder.string() + " for the database " + name + " does not exist");
        create_private_file(path);
    }

    configure_sqlite_once();
    Database db;
    db.path_ = memory ? std::filesystem::path(":memory:") : path;
    int rc = sqlite3_open_v2(name.c_str(), &db.db_, open_flags(options), nullptr);
    if (rc != SQLITE_OK) {
        std::string message = sqlite_message(db.db_, rc);
        throw InternalError(message, "opening " + name);  // db's destructor closes the half-open handle
    }
    sqlite3_extended_result_codes(db.db_, 1);
    sqlite3_busy_timeout(db.db_, options.busy_timeout_ms);
    db.busy_timeout_ms_ = options.busy_timeout_ms;

    // The first read of the schema is where SQLite notices a file that is not a database.
    rc = run_setup(db.db_, "SELECT count(*) FROM sqlite_master");
    if ((rc & 0xff) == SQLITE_NOTADB)
        throw InputError(name + " is not a SQLite database (" + sqlite_message(db.db_, rc) + ")");
    if (rc != SQLITE_OK) db.fail(rc, "reading the schema of " + name);

    if (!memory && !options.read_only && journal_mode(db.db_) != "wal") {
        rc = switch_to_wal(db.db_, options.busy_timeout_ms);
        if (rc != SQLITE_OK) db.fail(rc, "switching " + name + " to WAL");
    }
    rc = run_setup(db.db_, "PRAGMA foreign_keys=ON");
    if (rc != SQLITE_OK) db.fail(rc, "enabling foreign keys on " + name);
    rc = run_setup(db.db_, "PRAGMA synchronous=NORMAL");
    if (rc != SQLITE_OK) db.fail(rc, "setting synchronous=NORMAL on " + name);
    // Reads through a memory map (up to SQLite's compiled-in limit) instead of a read() and a copy per page:
    // lookups in a large register, such as the entry-time check, touch pages all over the file.
    if (!memory && options.map_file) {
        rc = run_setup(db.db_, "PRAGMA mmap_size=1099511627776");
        if (rc != SQLITE_OK) db.fail(rc, "mapping " + name + " into memory");
    }
    if (options.cache_kib > 0) {
        rc = run_setup(db.db_, ("PRAGMA cache_size=-" + std::to_string(options.cache_kib)).c_str());
        if (rc != SQLITE_OK) db.fail(rc, "setting the page cache of " + name);
    }
    return db;
}

Database::Database(Database&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)),
      path_(std::move(other.path_)),
      busy_timeout_ms_(other.busy_timeout_ms_),
      cache_(std::move(other.cache_)) {}

Database& Database::operator=(Database&& other) noexcept {
    if (this != &other) {
        cache_.clear();
        sqlite3_close_v2(db_);
        db_ = std::exchange(other.db_, nullptr);
        path_ = std::move(other.path_);
        busy_timeout_ms_ = other.busy_timeout_ms_;
        cache_ = std::move(other.cache_);
    }
    return *this;
}

Database::~Database() {
    cache_.clear();  // finalize every cached statement before the connection goes
    sqlite3_close_v2(db_);
}

void Database::exec(std::string_view sql) {
    const char* next = sql.data();
    const char* end = sql.data() + sql.size();
    while (next < end) {
        sqlite3_stmt* raw = nullptr;
        const char* tail = nullptr;
        int rc = sqlite3_prepare_v2(db_, next, static_cast<int>(end - next), &raw, &tail);
        OwnedStatement stmt(raw);
        std::string_view current(next, static_cast<std::size_t>((tail != nullptr ? tail : end) - next));
        if (rc != SQLITE_OK) fail(rc, "preparing " + shorten(current));
        if (stmt == nullptr) break;  // only whitespace or comments were left
        do {
            rc = sqlite3_step(stmt.get());
        } while (rc == SQLITE_ROW);
        if (rc != SQLITE_DONE) fail(rc, "running " + shorten(current));
        next = tail;
    }
}

Statement& Database::cached(std::string_view sql) {
    std::string key(sql);
    auto found = cache_.find(key);
    if (found != cache_.end()) {
        found->second->reset();
        return *found->second;
    }
    auto stmt = std::make_unique<Statement>(*this, sql);
    return *cache_.emplace(std::move(key), std::move(stmt)).first->second;
}

std::int64_t Database::last_insert_id() const { return sqlite3_last_insert_rowid(db_); }

int Database::changes() const { return sqlite3_changes(db_); }

bool Database::in_transaction() const { return sqlite3_get_autocommit(db_) == 0; }

void Database::fail(int rc, std::string_view what) const { fail_on(db_, rc, what); }

// --- Transaction ------------------------------------------------------------------------------------

Transaction::Transaction(Database& db, TransactionMode mode) : db_(db) {
    if (db_.in_transaction()) {
        static std::atomic<std::uint64_t> counter{0};
        savepoint_ = "jc_sp_" + std::to_string(++counter);
        db_.exec("SAVEPOINT " + savepoint_);
    } else {
        db_.exec(mode == TransactionMode::immediate ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED");
    }
}

Transaction::~Transaction() {
    if (!open_) return;
    try {
        rollback();
    } catch (...) {
        // A destructor must not throw; SQLite rolls back on its own when it cannot finish the job.
    }
}

void Transaction::commit() {
    if (!open_) throw InternalError("commit of a transaction that was already committed or rolled back");
    if (savepoint_.empty()) {
        db_.exec("COMMIT");
    } else {
        db_.exec("RELEASE " + savepoint_);
    }
    open_ = false;
}

void Transaction::rollback() {
    if (!open_) return;
    open_ = false;
    // SQLite may already have rolled everything back after a fatal error (disk full, I/O error).
    if (!db_.in_transaction()) return;
    if (savepoint_.empty()) {
        db_.exec("ROLLBACK");
    } else {
        db_.exec("ROLLBACK TO " + savepoint_ + "; RELEASE " + savepoint_);
    }
}

// --- the host's access to the connection ---------------------------------------------------------------

sqlite3* native_handle(const Database& db) { return db.db_; }
std::filesystem::path database_file(const Database& db) {
    const char* file = sqlite3_db_filename(db.db_, "main");
    return file != nullptr ? std::filesystem::path(file) : std::filesystem::path();
}
int busy_timeout_ms(const Database& db) { return db.busy_timeout_ms_; }

}  // namespace jobcenter
