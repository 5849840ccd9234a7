// Which pairs of records duplicate finding compares at all (blocking): the keys two records must share,
// M.blocking in register.lua changes them; the built-in values are these (listed in docs/scripts.md).
#pragma once

#include <cstddef>

namespace jobcenter::register_plugin {

struct BlockingRules {
    bool business_id = true;           // the same valid business ID (City of Helsinki divisions: the same department)
    bool phone = true;                 // the same phone number
    bool email = true;                 // the same email address
    bool street = true;                // the same street address (street and house number)
    bool name = true;                  // the same whole name
    std::size_t name_words = 2;        // the rarest words of the name shared, 0 to 4 of them
    std::size_t name_word_prefix = 4;  // the first letters of those words shared (typos at the end); 0: off
    std::size_t pair_whole = 16;       // a key shared by more records is not paired whole ...
    std::size_t window = 6;            // ... each record meets only this many nearest by name
    std::size_t max_block = 100;       // the entry-time check reads a key's records only up to this many
};

}  // namespace jobcenter::register_plugin
