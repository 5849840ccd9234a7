// A bulk command's journal: a rollback journal instead of the WAL while its connection is the only one.
#pragma once

#include "jobcenter/database.hpp"

namespace jobcenter {

// For its life, the connection writes through a rollback journal instead of the WAL, when it can: outside a
// transaction and with no other connection to the database (otherwise it stays in WAL and nothing
// changes). Pages new to the file are then written once, into the file. Back to WAL when it goes.
class RollbackJournalWhileAlone {
public:
    explicit RollbackJournalWhileAlone(Database& db);
    RollbackJournalWhileAlone(const RollbackJournalWhileAlone&) = delete;
    RollbackJournalWhileAlone& operator=(const RollbackJournalWhileAlone&) = delete;
    ~RollbackJournalWhileAlone();
    bool active() const { return active_; }

private:
    Database& db_;
    bool active_ = false;
};

}  // namespace jobcenter
