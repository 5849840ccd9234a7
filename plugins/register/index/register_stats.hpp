// Writing the register's figures the entry-time check reads (register_stat, see schema 005): how many
// distinct names share each identifying value. (How many records have each name word: name_words.hpp.)
#pragma once

#include "jobcenter/database.hpp"
#include "register/index/record_index.hpp"

namespace jobcenter::register_plugin {

// Makes register_stat hold the figures of `index` (counts of two or more), changing only the rows whose
// count differs from what the table already holds.
void write_register_stats(Database& db, const RecordIndex& index);

}  // namespace jobcenter::register_plugin
