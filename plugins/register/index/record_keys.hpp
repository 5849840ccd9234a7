// The record_key table (schema/register/011_record_keys.sql): the values the entry-time check looks source
// records up by, and how a bulk import writes them in key order instead of through the trigger.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "jobcenter/database.hpp"
#include "register/index/key_kind.hpp"
#include "register/index/record_index.hpp"

namespace jobcenter::register_plugin {

// record_key.kind is a KeyKind: source_record's business_id, phone_e164, email_key, street_key and name_key
// (the view source_record_keys says which is which).

// The trigger that adds a new record's keys, dropped while an import that only adds records writes them,
// and made again after (both inside the import's transaction: a failure rolls the drop back too). While
// it is away, the import adds the keys of the records it writes with one of the two calls below.
class NewRecordKeysDeferred {
public:
    void defer(Database& db);
    bool deferred() const { return sql_.has_value(); }
    // Makes the trigger again; nothing when it was not deferred.
    void restore(Database& db);

private:
    std::optional<std::string> sql_;
};

// Adds the keys of the records with ids from `first_id` on as source_record holds them (the view
// source_record_keys), SQLite sorting them.
void add_record_keys_from_table(Database& db, std::int64_t first_id);

// Adds the keys of the index's records from position `first` on, each kind's sorted here by value and then
// record id, so that SQLite appends them (when the table has no greater keys of that kind). Reads only the
// records' ids and key values and the texts of values, so it may run while another thread finishes the
// index's weights.
void add_record_keys_in_key_order(Database& db, const RecordIndex& index, std::uint32_t first);

}  // namespace jobcenter::register_plugin
