// The register's records in memory for deduplication: normalised keys loaded in one pass, values
// interned to integers, and how many distinct orderer names share each value (its rarity).
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "jobcenter/database.hpp"
#include "register/index/union_find.hpp"

namespace jobcenter::register_plugin {

constexpr std::uint32_t no_value = 0;  // interned id of "absent"

// A value shared by more distinct names than this counts each name (spellings of one name are not grouped).
constexpr std::size_t names_grouped_by_spelling = 64;
// Names at least this similar are spellings of one name, counted once among the names sharing a value.
constexpr double same_spelling_family = 0.7;

// How many families of spellings `count` names make, `alike(x, y)` (x < y) saying whether names x and y are
// spellings of one name: families are joined through any alike pair. More than names_grouped_by_spelling
// names count one each.
template <class Alike>
std::size_t spelling_families(std::size_t count, Alike&& alike) {
    if (count <= 1 || count > names_grouped_by_spelling) return count;
    const auto names = static_cast<std::uint32_t>(count);
    UnionFind family(names);
    std::size_t families = count;
    for (std::uint32_t x = 0; x < names; ++x)
        for (std::uint32_t y = x + 1; y < names; ++y) {
            const std::uint32_t rx = family.find(x), ry = family.find(y);
            if (rx != ry && alike(x, y)) {
                family.attach(ry, rx);
                --families;
            }
        }
    return families;
}

// A name word's weight (inverse document frequency, log2(1 + size / records with the word)), from the step
// of the register's size (register_size_step) and the records that have the word, counted in steps.
float word_weight(std::uint64_t size_step, std::uint64_t records_with_word);

// The words of a name key (split at spaces), each once, ascending.
std::vector<std::string_view> name_key_words(std::string_view name_key);
// The value an email's domain is kept as in the index ("@firma.fi"; not for free-mail), empty for no email.
std::string email_domain_value(std::string_view email);

// One source record's comparison keys; strings interned into the index's value ids.
struct IndexedRecord {
    std::int64_t id = 0;          // source_record.id
    std::int64_t orderer_id = 0;  // current cluster
    std::uint32_t name = no_value;         // the whole name key
    std::uint32_t legal_form = no_value;
    std::uint32_t department = no_value;   // for divisions of the City of Helsinki
    std::uint32_t business_id = no_value;
    std::uint32_t phone = no_value;
    std::uint32_t email = no_value;
    std::uint32_t email_domain = no_value; // only for non-free-mail domains
    std::uint32_t street = no_value;       // street key: name, number, staircase ("mannerheimintie 1 a")
    std::uint32_t postcode = no_value;
    std::uint32_t city = no_value;
    bool city_of_helsinki = false;
    bool email_generic = false;
    std::uint32_t first_token = 0, token_count = 0;  // slice of RecordIndex::tokens
    float name_norm = 0;                              // Euclidean norm of the token weights
};

// The values whose sharing names count against agreeing on them (RecordIndex::names_sharing).
inline std::array<std::uint32_t, 5> shared_values(const IndexedRecord& r) {
    return {r.business_id, r.phone, r.email, r.email_domain, r.street};
}

struct NameToken {
    std::uint32_t token;  // interned token id
    float weight;         // the word's weight (word_weight)
    char head[2];         // the token's first two bytes ('\0' past its end), to rule out unlike words cheaply
    std::uint8_t length;  // its length in bytes, up to 255: with `head`, tells before its text is read
};

// A record's keys as source_record stores them (empty for NULL), for adding a record not yet stored.
struct StoredKeys {
    std::int64_t id = 0;
    std::int64_t orderer_id = 0;  // 0: none yet
    std::string_view name_key, legal_form, department_key, business_id, phone, email;
    bool email_free = false, email_generic = false;
    std::string_view street_key, postcode_key, city_key;
    bool city_of_helsinki = false;
    bool operator==(const StoredKeys&) const = default;  // the texts by their content
};

// Source records' keys as read from the database, their text held in one buffer: a chunk of a load, or the
// records a command wrote, read back to bring an index kept in memory up to date.
struct StoredRows {
    static constexpr int texts = 9;  // name_key ... city_key, in StoredKeys' order
    struct Row {
        std::int64_t id, orderer_id;
        bool email_free, email_generic, city_of_helsinki;
        std::array<std::uint32_t, texts + 1> offset;  // text i is [offset[i], offset[i + 1])
    };
    std::string text;
    std::vector<Row> rows;

    StoredKeys keys(const Row& row) const;
};

// The records with the given ids as the database holds them now (within the caller's transaction), by id.
StoredRows read_stored_rows(Database& db, const std::vector<std::int64_t>& ids);

class RecordIndex {
public:
    // Loads every source record, ordered by id.
    static RecordIndex load(Database& db);
    // Loads every source record like load(), with room for `more` records, and leaves the index open for
    // them: add_stored() each (ids above every stored one, in order), then finish().
    static RecordIndex load_for_adding(Database& db, std::size_t more);
    // Loads only the given source records (the candidates of an entry-time check), ordered by id.
    static RecordIndex load_only(Database& db, const std::vector<std::int64_t>& ids);

    std::vector<IndexedRecord> records;
    std::vector<NameToken> tokens;  // all records' name tokens, sliced by IndexedRecord
    // Beside tokens (kept apart so that scoring reads less): records with each of those words.
    std::vector<std::uint32_t> token_records;

    // The position of the record with `id`, when it is in this index (loaded in id order: found by search).
    std::optional<std::uint32_t> position_of(std::int64_t id) const;

    std::string_view text(std::uint32_t value) const { return values_[value]; }
    // Distinct names that carry this value, spellings of one name counted once (1 for a value only one
    // orderer uses).
    std::uint32_t names_sharing(std::uint32_t value) const { return value < sharing_.size() ? sharing_[value] : 1; }
    // Records with the word `token`.
    std::uint32_t records_with_token(std::uint32_t token) const { return records_with_token_[token]; }
    std::size_t size() const { return records.size(); }
    // Values interned so far (ids run from 0, no_value, to value_count() - 1).
    std::size_t value_count() const { return values_.size(); }
    std::uint32_t intern(std::string_view text);
    // The id of `text`, or no_value when no record has it.
    std::uint32_t lookup(std::string_view text) const { return find(text); }

    // Adds a record as load() would read it from the database, interning its values in the same order, so
    // the index is the one a later load() gives.
    void add_stored(const StoredKeys& keys);
    // Adds a record built outside the database (the entry-time check), after load().
    void add(IndexedRecord record, const std::vector<std::string>& name_tokens);
    // Brings records written since the index was made into it, as `stored` holds them (ascending ids): a
    // record it has takes its keys and orderer (its values interned anew where they changed), a record after
    // its last one is added. Returns false and changes nothing when a record would fall between its records.
    bool update_stored(const StoredRows& stored);
    // (The index is then the one a load of those records gives: the same values, with the same ids.)
    // Gives the record `id` another orderer; false when the index has no such record.
    bool set_orderer(std::int64_t id, std::int64_t orderer_id);
    // A copy that `more` records can be added to without its tables growing on the way.
    RecordIndex copy_with_room(std::size_t more) const;
    // Whether the weights and sharing counts are those of the records now in the index (finish() since the
    // last record was added or changed).
    bool weighed() const { return weighed_; }

    // Recomputes sharing counts and token weights from the records in the index.
    void finish();
    // As finish(), but with figures of the whole register, for an index that holds only a few candidates
    // (the entry-time check): `population` records, the records with each token, and for some values
    // the number of distinct names sharing them (values not given are counted within the index).
    void finish_with(std::size_t population, const std::unordered_map<std::string, std::uint32_t>& records_with_tokens,
                     const std::unordered_map<std::string, std::uint32_t>& names_sharing);

private:
    static RecordIndex load_where(Database& db, const std::vector<std::int64_t>* ids, std::size_t more, bool finish);
    void count_name_families(const std::vector<std::pair<std::uint32_t, std::uint32_t>>& value_name);
    void add_interned(IndexedRecord record, std::vector<std::uint32_t>& token_ids);
    // The id of `text`, or no_value when it was never interned.
    std::uint32_t find(std::string_view text) const;
    // Room for about `values` distinct values without growing the table on the way.
    void reserve_values(std::size_t values);
    // Each value's text, kept in blocks that never move (a view stays valid as more values come), rather
    // than a string of its own each: a large register has millions of values.
    std::vector<std::string_view> values_{std::string_view()};
    std::vector<std::unique_ptr<char[]>> blocks_;
    char* block_next_ = nullptr;
    std::size_t block_left_ = 0;
    std::string_view store(std::string_view text);
    // Open-addressing table of value ids by text: each slot holds the high half of the text's hash (which
    // also picks the slot, so growing the table needs no text) and id + 1.
    std::vector<std::uint64_t> slots_;
    std::vector<std::uint32_t> sharing_;
    std::vector<std::uint32_t> records_with_token_;
    // Each record's distinct name tokens, in the order of its name: record i's are
    // pending_tokens_[pending_start_[i] .. pending_start_[i + 1]).
    std::vector<std::uint32_t> pending_tokens_;
    std::vector<std::size_t> pending_start_{0};
    // The record's keys interned as add_stored() interns them; its distinct name tokens into token_ids_.
    IndexedRecord interned(const StoredKeys& keys);
    // Gives the records at the positions in `changed` (ascending) their name tokens there (in name order).
    void replace_tokens(const std::vector<std::pair<std::uint32_t, std::vector<std::uint32_t>>>& changed);
    // Numbers the values again as a load of the records would (the order they are first met), leaving out
    // those no record has any more.
    void renumber_values();
    bool weighed_ = false;
    std::string domain_;                    // scratch for add_stored
    std::vector<std::uint32_t> token_ids_;  // scratch for add_stored
};

}  // namespace jobcenter::register_plugin
