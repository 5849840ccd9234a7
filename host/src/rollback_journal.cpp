// Switching a bulk command's connection to a rollback journal while it is the database's only one.
#include "rollback_journal.hpp"

#include <sqlite3.h>

#include <string>

#include "jobcenter/errors.hpp"
#include "native_database.hpp"

namespace jobcenter {
namespace {

// Sets the journal mode; returns the mode in force after (SQLite keeps the old one when it cannot switch),
// or nothing when it refused (busy: another connection).
std::string set_journal_mode(Database& db, const char* mode) {
    try {
        auto q = db.prepare(std::string("PRAGMA journal_mode=") + mode);
        return q.step() ? q.get_text(0) : std::string();
    } catch (const Error&) {
        return std::string();
    }
}

}  // namespace

RollbackJournalWhileAlone::RollbackJournalWhileAlone(Database& db) : db_(db) {
    if (db_.in_transaction() || db_.path() == ":memory:") return;
    // Leaving WAL needs the only connection: with another one open SQLite reports busy and keeps WAL, at
    // once rather than after the busy timeout (the command then runs in WAL, as any other).
    sqlite3_busy_timeout(native_handle(db_), 0);
    active_ = set_journal_mode(db_, "DELETE") == "delete";
    sqlite3_busy_timeout(native_handle(db_), busy_timeout_ms(db_));
}

RollbackJournalWhileAlone::~RollbackJournalWhileAlone() {
    if (active_) set_journal_mode(db_, "WAL");  // failing, it is back in WAL at the next open
}

}  // namespace jobcenter
