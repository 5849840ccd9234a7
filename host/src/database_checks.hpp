// SQLite's own checks of a database file, as lists of what is wrong: PRAGMA integrity_check and
// PRAGMA foreign_key_check. Shared by backup, restore and doctor.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "jobcenter/database.hpp"

namespace jobcenter {

// What is wrong with the file, as a check found it: the first few findings and how many there were.
struct CheckFindings {
    std::vector<std::string> first;  // up to the limit asked for
    std::size_t count = 0;
    bool clean() const { return count == 0; }
    // "first; second (and 3 more)".
    std::string summary() const;
};

// PRAGMA integrity_check. A file too damaged to be read at all is one finding carrying SQLite's message.
CheckFindings integrity_findings(Database& db, std::size_t limit = 3);

// PRAGMA foreign_key_check: "a row of contact_log (rowid 7) points to a missing row of orderer".
CheckFindings foreign_key_findings(Database& db, std::size_t limit = 3);

}  // namespace jobcenter
