// The revision of normalisation a register's stored keys were read with (register_key_revision), and reading
// them again when it is older than the running one's: each stored record's keys recomputed from its fields as
// given, the changed ones written back (record_key and the name-word index follow).
#pragma once

#include <boost/json.hpp>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "jobcenter/context.hpp"

namespace jobcenter::register_plugin {

// The revision the stored keys were read with, when the register has records and an older revision than the
// running one's read them; nothing otherwise.
std::optional<int> outdated_key_revision(Database& db);

// What a command that uses outdated keys as stored warns: "the register's keys were read by an older version
// (revision 0, now 1): " and `consequence`.
std::string outdated_keys_warning(int stored_revision, std::string_view consequence);

// Marks the keys current when the register has no records yet: those about to be written are read by this
// revision. An import or `register add` calls it before writing.
void mark_keys_current_if_empty(Database& db);

struct KeysReadAgain {
    int from_revision = 0;
    std::size_t records = 0;  // records read
    std::size_t changed = 0;  // records given other keys
};

// Reads every record's keys again when they are outdated, in the caller's transaction, and marks them current;
// nothing (0 records) otherwise. The index a server keeps is let go, so that the next run reads the new keys.
KeysReadAgain read_keys_again_if_outdated(Context& ctx);

// As a command's report gives it: {"from_revision", "to_revision", "records", "changed"}.
boost::json::object keys_read_again_json(const KeysReadAgain& read);

// For a dedupe run's fingerprint: the revision its index's keys were read with ("; keys 1").
std::string key_revision_fingerprint(Database& db);

}  // namespace jobcenter::register_plugin
