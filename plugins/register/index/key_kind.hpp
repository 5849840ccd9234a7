// The kinds of keys records are found and blocked by. The first five are record_key.kind in the database
// (schema/register/011_record_keys.sql): their numbers are stored and must not change.
#pragma once

#include <cstddef>
#include <cstdint>

namespace jobcenter::register_plugin {

enum class KeyKind : std::uint8_t {
    business_id = 1,
    phone = 2,
    email = 3,
    street = 4,
    name = 5,              // the whole name key
    department = 6,        // a City of Helsinki division's department (blocking only)
    name_word = 7,         // one of the rarest words of a name (blocking only)
    name_word_prefix = 8,  // such a word's first letters, as their hash (blocking only)
};

// record_key holds the kinds 1 to record_key_kinds.
constexpr std::size_t record_key_kinds = 5;

}  // namespace jobcenter::register_plugin
