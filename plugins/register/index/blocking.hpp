// Blocking: which pairs of records duplicate finding compares at all (never all pairs). Each record has
// keys (business ID, phone, email, street, whole name, its rarest name words and their first letters); the
// records sharing a key form a block, paired whole when small and by a window of nearest names when common.
#pragma once

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "register/index/blocking_rules.hpp"
#include "register/index/key_kind.hpp"
#include "register/index/pair_key.hpp"
#include "register/index/record_index.hpp"

namespace jobcenter::register_plugin {

// Pairs of records that share a blocking key that `keys` turns on: business ID (or, for the City's
// divisions, the department), phone, email, street address, the whole name, and the rarest name words and
// their prefixes. In a key shared by more than keys.pair_whole records, each record meets only its
// keys.window nearest neighbours by name.
std::vector<std::pair<std::uint32_t, std::uint32_t>> candidate_pairs(const RecordIndex& index, const BlockingRules& keys);
// The same pairs as sorted, distinct pair keys.
std::vector<PairKey> candidate_pair_keys(const RecordIndex& index, const BlockingRules& keys);

// A blocking key: its kind and value (a value id of the index; for a word's first letters, their hash).
struct BlockingKey {
    KeyKind kind;
    std::uint64_t value;
    bool operator==(const BlockingKey&) const = default;
    bool operator<(const BlockingKey& o) const { return kind != o.kind ? kind < o.kind : value < o.value; }
};

// A word of a name as blocking chooses among them: the rarest first (fewest records with it), ties by text
// (not by value id, which follows the order words were first met). token: the word's value id, no_value for
// a word no record has now (a changed record's old name); text: empty for a word of the index (read from it
// only where two words tie on their count and first two bytes).
struct NameWordChoice {
    std::uint64_t records;
    std::string_view text;
    std::uint32_t token;
    char head[2];
};
NameWordChoice name_word_choice(std::uint64_t records, std::string_view text, std::uint32_t token);
// Whether x is chosen before y.
bool rarer_word(const RecordIndex& index, const NameWordChoice& x, const NameWordChoice& y);

// The fields a record's blocking keys come from.
struct BlockingFields {
    bool city_of_helsinki = false;
    std::uint32_t department = no_value, business_id = no_value, phone = no_value, email = no_value, street = no_value,
                  name = no_value;
};
BlockingFields blocking_fields(const IndexedRecord& record);
// The record's name words as blocking chooses among them (in the index's order; blocking_keys sorts them).
void name_word_choices(const RecordIndex& index, const IndexedRecord& record, std::vector<NameWordChoice>& out);

// A record's blocking keys, in the order sorted_keys adds them (a word's first letters may come twice when two
// chosen words begin alike). `words` is reordered.
void blocking_keys(const RecordIndex& index, const BlockingRules& rules, const BlockingFields& fields,
                   std::vector<NameWordChoice>& words, std::vector<BlockingKey>& out);

// Every blocking key of every record as one number (the key's kind and value, then the record's position),
// sorted, so that each key's records are together in position order; and, for a register larger than the
// biggest block paired whole, each record's place when all are sorted by name.
struct SortedKeys {
    std::vector<std::uint64_t> keyed;
    unsigned record_bits = 0, value_bits = 0;
    std::vector<std::uint32_t> name_rank;
    std::unordered_map<std::uint64_t, std::uint32_t> prefix_number;  // a word prefix's number, by its hash
    std::uint64_t key_at(std::size_t x) const { return keyed[x] >> record_bits; }
    std::uint32_t record_at(std::size_t x) const {
        return static_cast<std::uint32_t>(keyed[x] & ((std::uint64_t{1} << record_bits) - 1));
    }
};
SortedKeys sorted_keys(const RecordIndex& index, const BlockingRules& keys);

// The records each record forms a candidate pair with (exactly those of candidate_pairs), found when
// asked, from the sorted keys, instead of every pair of the register being made first: for an incremental
// run, which needs the pairs of the records it reaches only.
class CandidateNeighbours {
public:
    CandidateNeighbours(const RecordIndex& index, const BlockingRules& keys);
    // The records `record` is paired with, ascending, each once. Safe to call from several threads at once.
    void of(std::uint32_t record, std::vector<std::uint32_t>& out);
    // The records with `key`, once for each time they have it: sorted by name (as the window pairs them) when
    // the block is larger than the rules pair whole, otherwise by position (valid until the next call; not
    // for several threads).
    const std::vector<std::uint32_t>& block(const BlockingKey& key);
    bool paired_whole(std::size_t block_size) const { return block_size <= pair_whole_; }
    std::size_t window() const { return window_; }
    const std::vector<std::uint32_t>& name_rank() const { return keys_.name_rank; }

private:
    // The block [start, stop) of a key among the sorted keys.
    std::pair<std::size_t, std::size_t> places_of(std::uint64_t key) const;
    const std::vector<std::uint32_t>& by_name(std::size_t start, std::size_t stop);
    std::vector<std::uint32_t> block_;  // scratch for block()
    SortedKeys keys_;
    std::size_t pair_whole_, window_;
    std::vector<std::size_t> first_place_;  // by record: where its places start in places_
    std::vector<std::size_t> places_;       // the records' places among the sorted keys, grouped by record
    std::unordered_map<std::size_t, std::vector<std::uint32_t>> by_name_;  // big blocks' records by name, by block start
    std::mutex by_name_mutex_;  // of() may be called from several threads
};

}  // namespace jobcenter::register_plugin
