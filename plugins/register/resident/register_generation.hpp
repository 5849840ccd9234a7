// The register's generation (register_generation, schema 013): changed by every transaction that adds or
// changes source records, their keys or their orderers, so that a process keeping the register in memory
// can tell whether what it holds is still the register.
#pragma once

#include <cstdint>

#include "jobcenter/database.hpp"

namespace jobcenter::register_plugin {

struct Generation {
    std::int64_t count = 0;  // transactions that changed the register
    std::int64_t stamp = 0;  // drawn anew with each: two states with the same stamp are one state
    bool operator==(const Generation&) const = default;
};

// The generation as the caller's transaction sees it.
Generation read_generation(Database& db);

// Moves the generation on, in the caller's transaction (which must then have changed the register, or be
// about to before it commits); returns the new one.
Generation advance_generation(Database& db);

}  // namespace jobcenter::register_plugin
