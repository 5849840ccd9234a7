// Foreign keys of a bulk command checked once before it commits instead of row by row (ForeignKeyLedger).
#pragma once

#include <memory>

#include "jobcenter/database.hpp"

namespace jobcenter {

// While it lives, SQLite's own per-row enforcement of foreign keys is off and a pre-update hook notes, for
// every row written, each key it points to, and for every row deleted or re-keyed, the key it took away.
// verify() then looks each distinct key up once (walking a parent's rowids in order when the keys are
// many) and throws InternalError naming the first broken reference, so the transaction rolls back and
// nothing is written. A key no parent has is broken only if a row still holds it at the end: a bulk load
// may name a row it writes later, or replace a key it wrote. The guarantee is SQLite's (no committed row
// points nowhere); the cost is one lookup per distinct key instead of a cursor opened per row per key.
//
// Inactive (enforcement stays per row, verify() does nothing) when a transaction is already open, as
// SQLite cannot switch enforcement inside one. What it cannot follow key by key (a foreign key of several
// columns, a key neither integer nor text, a table whose foreign keys changed after it started, a child
// column without an index to look keys up in) is checked whole with PRAGMA foreign_key_check.
class ForeignKeyLedger {
public:
    explicit ForeignKeyLedger(Database& db);
    ForeignKeyLedger(const ForeignKeyLedger&) = delete;
    ForeignKeyLedger& operator=(const ForeignKeyLedger&) = delete;
    ~ForeignKeyLedger();  // the hook removed and enforcement back on (once the transaction has ended)

    bool active() const { return state_ != nullptr; }
    // Call inside the transaction, after the last write and before the commit.
    void verify();

    struct State;

private:
    Database& db_;
    std::unique_ptr<State> state_;
};

}  // namespace jobcenter
