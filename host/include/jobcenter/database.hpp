// RAII wrapper over one SQLite connection: prepared statements with bound parameters only,
// transactions and savepoints, WAL, foreign keys and a busy timeout. No SQL is ever built from values.
#pragma once

#include "jobcenter/export.hpp"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

struct sqlite3;
struct sqlite3_stmt;

namespace jobcenter {

class Database;

// One prepared statement. Parameters are 1-based as in SQLite; columns are 0-based.
class JOBCENTER_API Statement {
public:
    Statement(Database& db, std::string_view sql);
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement();

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
    Statement& bind(int index, const std::string& text) { return bind(index, std::string_view(text)); }
    Statement& bind(int index, std::nullptr_t);
    Statement& bind(int index, bool value) { return bind(index, static_cast<std::int64_t>(value ? 1 : 0)); }
    template <class T>
    Statement& bind(int index, const std::optional<T>& value) {
        return value ? bind(index, *value) : bind(index, nullptr);
    }
    // Binds text without copying it, for bulk writes: the caller keeps `text` alive and unchanged until
    // the statement's last step with this binding (until it is bound again, reset by Database::cached,
    // or destroyed). bind() copies and has no such condition.
    Statement& bind_view(int index, std::string_view text);
    Statement& bind_view(int index, const std::string& text) { return bind_view(index, std::string_view(text)); }
    Statement& bind_view(int index, const std::optional<std::string_view>& text) {
        return text ? bind_view(index, *text) : bind(index, nullptr);
    }
    // Binds every argument in order, from parameter 1.
    template <class... Args>
    Statement& bind_all(const Args&... args) {
        int index = 0;
        (bind(++index, args), ...);
        return *this;
    }

    // Advances: true when a row is ready to read, false when the statement is done.
    bool step();
    // Runs a statement that returns no rows (or ignores them) to completion, then resets it.
    void run();
    // Resets to run again and clears the bindings.
    void reset();

    int column_count() const;
    std::string column_name(int column) const;
    bool is_null(int column) const;
    std::int64_t get_int(int column) const;
    double get_double(int column) const;
    std::string get_text(int column) const;
    std::string_view get_text_view(int column) const;  // valid until the next step/reset
    std::optional<std::string> get_optional_text(int column) const;
    std::optional<std::int64_t> get_optional_int(int column) const;

    const std::string& sql() const { return sql_; }

private:
    Database* db_;
    sqlite3_stmt* stmt_ = nullptr;
    std::string sql_;
};

// A table, index or column name for SQL text: in double quotes, inner quotes doubled. For names that come
// from code or from the schema itself, never from input (values are always bound).
JOBCENTER_API std::string quote_identifier(std::string_view name);

// How a transaction takes its lock: deferred for readers, immediate for writers (no upgrade deadlocks).
enum class TransactionMode { deferred, immediate };

struct OpenOptions {
    bool create = true;          // create the file when missing
    bool read_only = false;
    int busy_timeout_ms = 30000;  // wait this long for another writer, then refuse (DatabaseBusyError)
    // Read the file through a memory map. Best for one command on its own; a process whose connections see
    // frequent commits (a server) loses by it: SQLite drops the whole map at each one (see docs/http.md#load).
    bool map_file = true;
    // The connection's page cache in KiB; 0 keeps SQLite's default (2 MiB). Without the map, one large
    // enough for a register's indexes keeps repeated lookups from reading them again.
    std::int64_t cache_kib = 0;
};

class JOBCENTER_API Database {
public:
    // Opens (or creates) the file with WAL, foreign keys and the busy timeout.
    // ":memory:" opens a private in-memory database. Throws NotFoundError / InternalError, and
    // DatabaseBusyError when the file stays busy past the busy timeout (here or at any later statement).
    static Database open(const std::filesystem::path& path, const OpenOptions& options = {});

    Database(Database&& other) noexcept;
    Database& operator=(Database&& other) noexcept;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;
    ~Database();

    // Runs SQL without parameters (DDL, PRAGMA); several statements separated by ';' are allowed.
    void exec(std::string_view sql);
    Statement prepare(std::string_view sql) { return Statement(*this, sql); }
    // A statement prepared once per connection and reused (reset, bindings cleared) on each call.
    Statement& cached(std::string_view sql);

    std::int64_t last_insert_id() const;
    int changes() const;  // rows changed by the last INSERT/UPDATE/DELETE
    bool in_transaction() const;
    const std::filesystem::path& path() const { return path_; }

    // Throws InternalError carrying SQLite's message for `rc`, naming `what`; DatabaseBusyError when `rc` says
    // busy or locked.
    [[noreturn]] void fail(int rc, std::string_view what) const;

private:
    Database() = default;
    friend class Statement;
    // The host's own access to the connection (host/src/native_database.hpp); plugins have none.
    friend sqlite3* native_handle(const Database& db);
    friend int busy_timeout_ms(const Database& db);
    friend std::filesystem::path database_file(const Database& db);
    sqlite3* db_ = nullptr;
    std::filesystem::path path_;
    int busy_timeout_ms_ = 0;
    std::unordered_map<std::string, std::unique_ptr<Statement>> cache_;
};

// A transaction, or a savepoint when one is already open. Rolls back unless commit() was called.
class JOBCENTER_API Transaction {
public:
    explicit Transaction(Database& db, TransactionMode mode = TransactionMode::immediate);
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction();
    void commit();
    void rollback();

private:
    Database& db_;
    std::string savepoint_;  // empty for an outer transaction
    bool open_ = true;
};

}  // namespace jobcenter
