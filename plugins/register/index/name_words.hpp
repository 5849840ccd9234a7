// The name-word index of the register: for every word of the source records' name keys, the records that
// have it, kept as blocks of up to name_word_block_size record ids (table name_word_block), and how many
// they are (table name_word). The
// entry-time check finds records by a word or a word's first letters through it and counts how many
// records have a word; an import writes it, one block at a time instead of one row per word and record.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "jobcenter/database.hpp"

namespace jobcenter::register_plugin {

// Blocks of 64 ids (about 500 bytes of text) stay within their B-tree page; larger ones spilled to
// overflow pages, one more page for the check to touch per block.
constexpr std::size_t name_word_block_size = 64;

// A block's record ids as stored: a JSON array of integers, ascending ("[12,15,1002]").
std::string encode_record_ids(const std::vector<std::int64_t>& ids);
// The ids of a stored block, ascending whatever order they were stored in.
std::vector<std::int64_t> decode_record_ids(std::string_view text);

// Changes to the index gathered over an import and written at its end, each word once.
class NameWordChanges {
public:
    // `record` now has each of `words` (the words of its name key).
    void add(std::int64_t record, const std::vector<std::string>& words);
    // `record` no longer has the words of `name_key` (its old key, before an import changed it).
    void remove(std::int64_t record, std::string_view name_key);
    // Writes the changes. A word that only gains records newer than all it had (an import of new
    // records) has its last block filled and new blocks added; any other is written again whole.
    void write(Database& db);

private:
    struct Change {
        std::vector<std::int64_t> added, removed;
    };
    // Looked up once per word of every record an import writes: hashed (written in word order).
    struct WordHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view word) const { return std::hash<std::string_view>{}(word); }
    };
    std::unordered_map<std::string, Change, WordHash, std::equal_to<>> words_;
};

// How many records have `word`.
std::int64_t records_with_word_count(Database& db, const std::string& word);
// How many records have each of `words` (words no record has are left out).
std::map<std::string, std::int64_t> records_with_words_count(Database& db, const std::vector<std::string>& words);
// The records that have `word` (or, with `prefix`, any word starting with it), ascending, unless more than
// `limit` do: then none.
std::vector<std::int64_t> records_with_word(Database& db, const std::string& word, std::size_t limit, bool prefix = false);

}  // namespace jobcenter::register_plugin
