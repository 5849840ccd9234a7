// Loading the register into memory for deduplication, interning values and measuring their rarity.
#include "register/index/record_index.hpp"

#include <algorithm>
#include <array>
#include <boost/json.hpp>
#include <cmath>
#include <future>
#include <tuple>

#include "register/index/count_steps.hpp"
#include "register/index/radix_sort.hpp"
#include "register/scoring/pair_scoring.hpp"
#include "register/store/bulk_write.hpp"

namespace jobcenter::register_plugin {
namespace {

// Calls `word` with each space-separated word of `key`.
template <class F>
void for_each_word(std::string_view key, F&& word) {
    std::size_t i = 0;
    while (i < key.size()) {
        while (i < key.size() && key[i] == ' ') ++i;
        std::size_t start = i;
        while (i < key.size() && key[i] != ' ') ++i;
        if (i > start) word(key.substr(start, i - start));
    }
}

std::string_view domain_of(std::string_view email) {
    auto at = email.find('@');
    return at == std::string_view::npos ? std::string_view() : email.substr(at + 1);
}

}  // namespace

std::vector<std::string_view> name_key_words(std::string_view name_key) {
    std::vector<std::string_view> words;
    for_each_word(name_key, [&words](std::string_view word) { words.push_back(word); });
    std::sort(words.begin(), words.end());
    words.erase(std::unique(words.begin(), words.end()), words.end());
    return words;
}

std::string email_domain_value(std::string_view email) {
    if (email.empty()) return {};
    const std::string_view domain = domain_of(email);
    std::string value(domain.size() + 1, '@');
    std::copy(domain.begin(), domain.end(), value.begin() + 1);
    return value;
}

StoredKeys StoredRows::keys(const Row& row) const {
    auto field = [&](int i) {
        return std::string_view(text).substr(row.offset[static_cast<std::size_t>(i)],
                                             row.offset[static_cast<std::size_t>(i) + 1] - row.offset[static_cast<std::size_t>(i)]);
    };
    StoredKeys k;
    k.id = row.id;
    k.orderer_id = row.orderer_id;
    k.name_key = field(0);
    k.legal_form = field(1);
    k.department_key = field(2);
    k.business_id = field(3);
    k.phone = field(4);
    k.email = field(5);
    k.street_key = field(6);
    k.postcode_key = field(7);
    k.city_key = field(8);
    k.email_free = row.email_free;
    k.email_generic = row.email_generic;
    k.city_of_helsinki = row.city_of_helsinki;
    return k;
}

namespace {

const std::string stored_columns =
    "SELECT id, orderer_id, name_key, legal_form, department_key, business_id, phone_e164, email_key, email_free, "
    "email_generic, street_key, postcode_key, city_key, city_of_helsinki FROM source_record";

// The next rows of `q` (a query of stored_columns), up to `limit`, their text copied; `read_all` is set once
// the last row is read (a statement stepped again after its last row would start over).
StoredRows read_rows(Statement& q, std::size_t limit, bool& read_all) {
    StoredRows chunk;
    auto text = [&q](int column) { return q.is_null(column) ? std::string_view() : q.get_text_view(column); };
    const int text_columns[StoredRows::texts] = {2, 3, 4, 5, 6, 7, 10, 11, 12};
    while (chunk.rows.size() < limit && !read_all) {
        if (!q.step()) {
            read_all = true;
            break;
        }
        StoredRows::Row row{};
        row.id = q.get_int(0);
        row.orderer_id = q.is_null(1) ? 0 : q.get_int(1);
        row.email_free = q.get_int(8) != 0;
        row.email_generic = q.get_int(9) != 0;
        row.city_of_helsinki = q.get_int(13) != 0;
        for (int i = 0; i < StoredRows::texts; ++i) {
            row.offset[static_cast<std::size_t>(i)] = static_cast<std::uint32_t>(chunk.text.size());
            const std::string_view value = text(text_columns[i]);
            chunk.text.append(value.data(), value.size());
        }
        row.offset[StoredRows::texts] = static_cast<std::uint32_t>(chunk.text.size());
        chunk.rows.push_back(row);
    }
    return chunk;
}

}  // namespace

StoredRows read_stored_rows(Database& db, const std::vector<std::int64_t>& ids) {
    // The ids as a JSON array: one statement for any number of them.
    auto q = db.prepare(stored_columns + " WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id");
    q.bind(1, boost::json::serialize(boost::json::array(ids.begin(), ids.end())));
    bool read_all = false;
    return read_rows(q, SIZE_MAX, read_all);
}

namespace {

std::uint64_t text_hash(std::string_view text) { return std::hash<std::string_view>{}(text); }

// The slot a value's tag (the high half of its hash) starts probing at, in a table of `size` (a power of
// two, at most 2^32) slots; probing goes on linearly from there.
std::size_t home_slot(std::uint32_t tag, std::size_t size) { return static_cast<std::size_t>(tag) & (size - 1); }

std::uint32_t tag_of(std::uint64_t hash) { return static_cast<std::uint32_t>(hash >> 32); }

std::uint64_t slot_of(std::uint32_t tag, std::uint32_t id) { return (std::uint64_t(tag) << 32) | (std::uint64_t(id) + 1); }

}  // namespace

std::uint32_t RecordIndex::find(std::string_view text) const {
    if (text.empty() || slots_.empty()) return no_value;
    const std::uint32_t tag = tag_of(text_hash(text));
    for (std::size_t i = home_slot(tag, slots_.size());; i = (i + 1) & (slots_.size() - 1)) {
        const std::uint64_t slot = slots_[i];
        if (slot == 0) return no_value;
        const auto id = static_cast<std::uint32_t>((slot & 0xFFFFFFFFull) - 1);
        if ((slot >> 32) == tag && values_[id] == text) return id;
    }
}

void RecordIndex::reserve_values(std::size_t values) {
    std::size_t size = 1024;
    while (size < values * 2) size *= 2;  // at most half full
    values_.reserve(values + 1);
    if (size <= slots_.size()) return;
    std::vector<std::uint64_t> grown(size, 0);
    for (const std::uint64_t slot : slots_) {
        if (slot == 0) continue;
        std::size_t i = home_slot(static_cast<std::uint32_t>(slot >> 32), grown.size());
        while (grown[i] != 0) i = (i + 1) & (grown.size() - 1);
        grown[i] = slot;
    }
    slots_.swap(grown);
}

std::string_view RecordIndex::store(std::string_view text) {
    if (text.size() > block_left_) {
        // Blocks grow from 4 KiB to 1 MiB: an entry-time check interns a few hundred values, a whole
        // register millions. Their bytes are left uninitialised until a value is copied in.
        const std::size_t block_size = std::min<std::size_t>(std::size_t{1} << 20, std::size_t{4096} << std::min<std::size_t>(blocks_.size(), 8));
        const std::size_t size = std::max(block_size, text.size());
        blocks_.push_back(std::unique_ptr<char[]>(new char[size]));
        block_next_ = blocks_.back().get();
        block_left_ = size;
    }
    std::copy(text.begin(), text.end(), block_next_);
    const std::string_view stored(block_next_, text.size());
    block_next_ += text.size();
    block_left_ -= text.size();
    return stored;
}

std::uint32_t RecordIndex::intern(std::string_view text) {
    if (text.empty()) return no_value;
    if (values_.size() * 2 >= slots_.size()) reserve_values(std::max<std::size_t>(512, values_.size() * 2));
    const std::uint32_t tag = tag_of(text_hash(text));
    std::size_t i = home_slot(tag, slots_.size());
    for (;; i = (i + 1) & (slots_.size() - 1)) {
        const std::uint64_t slot = slots_[i];
        if (slot == 0) break;
        const auto id = static_cast<std::uint32_t>((slot & 0xFFFFFFFFull) - 1);
        if ((slot >> 32) == tag && values_[id] == text) return id;
    }
    const auto id = static_cast<std::uint32_t>(values_.size());
    values_.push_back(store(text));
    slots_[i] = slot_of(tag, id);
    return id;
}

std::optional<std::uint32_t> RecordIndex::position_of(std::int64_t id) const {
    auto it = std::lower_bound(records.begin(), records.end(), id,
                               [](const IndexedRecord& r, std::int64_t value) { return r.id < value; });
    if (it == records.end() || it->id != id) return std::nullopt;
    return static_cast<std::uint32_t>(it - records.begin());
}

RecordIndex RecordIndex::load(Database& db) { return load_where(db, nullptr, 0, true); }

RecordIndex RecordIndex::load_for_adding(Database& db, std::size_t more) { return load_where(db, nullptr, more, false); }

RecordIndex RecordIndex::load_only(Database& db, const std::vector<std::int64_t>& ids) {
    return load_where(db, &ids, 0, false);  // the caller adds its probe and calls finish_with()
}

void RecordIndex::add_stored(const StoredKeys& k) {
    const IndexedRecord r = interned(k);
    add_interned(r, token_ids_);
}

IndexedRecord RecordIndex::interned(const StoredKeys& k) {
    IndexedRecord r;
    r.id = k.id;
    r.orderer_id = k.orderer_id;
    r.name = intern(k.name_key);
    r.legal_form = intern(k.legal_form);
    r.department = intern(k.department_key);
    r.business_id = intern(k.business_id);
    r.phone = intern(k.phone);
    r.email = intern(k.email);
    if (!k.email.empty() && !k.email_free) {
        const std::string_view domain = domain_of(k.email);
        domain_.resize(domain.size() + 1);  // "@" and the domain
        domain_[0] = '@';
        std::copy(domain.begin(), domain.end(), domain_.begin() + 1);
        r.email_domain = intern(domain_);
    }
    r.email_generic = k.email_generic;
    r.street = intern(k.street_key);
    r.postcode = intern(k.postcode_key);
    r.city = intern(k.city_key);
    r.city_of_helsinki = k.city_of_helsinki;
    token_ids_.clear();  // interned last, as add() does: value ids follow the order values were first met
    for_each_word(k.name_key, [&](std::string_view word) { token_ids_.push_back(intern(word)); });
    return r;
}

RecordIndex RecordIndex::load_where(Database& db, const std::vector<std::int64_t>* ids, std::size_t more, bool finish) {
    RecordIndex index;
    auto intern_chunk = [&index](StoredRows chunk) {
        for (const auto& row : chunk.rows) index.add_stored(chunk.keys(row));
    };
    if (ids) {
        // Chosen records (an entry-time check's candidates): few, read and interned on this thread.
        intern_chunk(read_stored_rows(db, *ids));
        return index;
    }
    auto q = db.prepare(stored_columns + " ORDER BY id");
    // Room for everything at once: a record brings about four new values (its name key, phone, email,
    // street, a new word now and then), and growing the tables on the way copies them each time.
    const std::size_t rows = static_cast<std::size_t>(rows_of_append_only(db, "source_record")) + more;
    index.reserve_values(rows * 4);
    index.records.reserve(rows);
    index.pending_tokens_.reserve(rows * 4);
    index.pending_start_.reserve(rows + 1);
    // Rows are read a chunk at a time (their text copied): this thread reads a chunk while the other interns
    // the chunk before, in row order.
    constexpr std::size_t chunk_rows = 16384;
    bool read_all = false;
    std::future<void> interning;
    for (StoredRows chunk = read_rows(q, chunk_rows, read_all); !chunk.rows.empty(); chunk = read_rows(q, chunk_rows, read_all)) {
        if (interning.valid()) interning.get();
        interning = std::async(std::launch::async, intern_chunk, std::move(chunk));
    }
    if (interning.valid()) interning.get();
    if (finish) index.finish();
    return index;
}

void RecordIndex::add(IndexedRecord record, const std::vector<std::string>& name_tokens) {
    std::vector<std::uint32_t> ids;
    for (const auto& t : name_tokens) ids.push_back(intern(t));
    add_interned(record, ids);
}

namespace {

// A name's words once each, in the order they first come (the order a load interns them).
void first_occurrences(std::vector<std::uint32_t>& ids) {
    std::size_t kept = 0;
    for (std::size_t i = 0; i < ids.size(); ++i)
        if (std::find(ids.begin(), ids.begin() + static_cast<std::ptrdiff_t>(kept), ids[i]) == ids.begin() + static_cast<std::ptrdiff_t>(kept))
            ids[kept++] = ids[i];
    ids.resize(kept);
}

// Whether two records have the same comparison keys (whatever their orderers).
bool same_keys(const IndexedRecord& x, const IndexedRecord& y) {
    auto keys = [](const IndexedRecord& r) {
        return std::tuple(r.name, r.legal_form, r.department, r.business_id, r.phone, r.email, r.email_domain, r.street,
                          r.postcode, r.city, r.city_of_helsinki, r.email_generic);
    };
    return keys(x) == keys(y);
}

}  // namespace

void RecordIndex::add_interned(IndexedRecord record, std::vector<std::uint32_t>& ids) {
    first_occurrences(ids);
    records.push_back(record);
    pending_tokens_.insert(pending_tokens_.end(), ids.begin(), ids.end());
    pending_start_.push_back(pending_tokens_.size());
    weighed_ = false;
}

bool RecordIndex::update_stored(const StoredRows& stored) {
    const std::int64_t last = records.empty() ? 0 : records.back().id;
    for (const auto& row : stored.rows)
        if (row.id <= last && !position_of(row.id)) return false;
    std::vector<std::pair<std::uint32_t, std::vector<std::uint32_t>>> changed_tokens;
    for (const auto& row : stored.rows) {
        if (row.id > last) continue;
        const std::uint32_t p = *position_of(row.id);
        IndexedRecord r = interned(stored.keys(row));
        first_occurrences(token_ids_);
        const bool same_tokens = std::equal(token_ids_.begin(), token_ids_.end(), pending_tokens_.begin() + static_cast<std::ptrdiff_t>(pending_start_[p]),
                                            pending_tokens_.begin() + static_cast<std::ptrdiff_t>(pending_start_[p + 1]));
        if (same_tokens && same_keys(records[p], r)) {
            records[p].orderer_id = r.orderer_id;
            continue;
        }
        records[p] = r;
        changed_tokens.emplace_back(p, token_ids_);
    }
    if (!changed_tokens.empty()) {
        replace_tokens(changed_tokens);
        renumber_values();
        weighed_ = false;
    }
    for (const auto& row : stored.rows)
        if (row.id > last) add_stored(stored.keys(row));
    return true;
}

void RecordIndex::replace_tokens(const std::vector<std::pair<std::uint32_t, std::vector<std::uint32_t>>>& changed) {
    std::vector<std::uint32_t> pending;
    pending.reserve(pending_tokens_.capacity());
    std::vector<std::size_t> start;
    start.reserve(pending_start_.capacity());
    start.push_back(0);
    std::size_t next = 0;  // changed in position order
    for (std::uint32_t i = 0; i < records.size(); ++i) {
        if (next < changed.size() && changed[next].first == i) {
            pending.insert(pending.end(), changed[next].second.begin(), changed[next].second.end());
            ++next;
        } else {
            pending.insert(pending.end(), pending_tokens_.begin() + static_cast<std::ptrdiff_t>(pending_start_[i]),
                           pending_tokens_.begin() + static_cast<std::ptrdiff_t>(pending_start_[i + 1]));
        }
        start.push_back(pending.size());
    }
    pending_tokens_.swap(pending);
    pending_start_.swap(start);
}

void RecordIndex::renumber_values() {
    // Each value's new id, as a load meets it: each record's fields in add_stored's order, then its words.
    constexpr std::uint32_t unnumbered = UINT32_MAX;
    std::vector<std::uint32_t> renumbered(values_.size(), unnumbered);
    renumbered[no_value] = no_value;
    std::vector<std::string_view> met{std::string_view()};
    std::size_t bytes = 0;
    auto meet = [&](std::uint32_t& value) {
        if (renumbered[value] == unnumbered) {
            renumbered[value] = static_cast<std::uint32_t>(met.size());
            met.push_back(values_[value]);
            bytes += values_[value].size();
        }
        value = renumbered[value];
    };
    for (std::size_t i = 0; i < records.size(); ++i) {
        IndexedRecord& r = records[i];
        for (std::uint32_t* field : {&r.name, &r.legal_form, &r.department, &r.business_id, &r.phone, &r.email,
                                     &r.email_domain, &r.street, &r.postcode, &r.city})
            meet(*field);
        for (std::size_t k = pending_start_[i]; k < pending_start_[i + 1]; ++k) meet(pending_tokens_[k]);
    }
    // The values' text into blocks of their own (the old values' text goes), and the table of ids by text
    // made again from the old one's hash tags, without the values no record has.
    std::vector<std::unique_ptr<char[]>> old_blocks;
    old_blocks.swap(blocks_);
    block_next_ = nullptr;
    block_left_ = 0;
    if (bytes > 0) {
        blocks_.push_back(std::unique_ptr<char[]>(new char[bytes]));
        block_next_ = blocks_.back().get();
        block_left_ = bytes;
    }
    values_.assign(1, std::string_view());
    for (std::size_t v = 1; v < met.size(); ++v) values_.push_back(store(met[v]));
    std::vector<std::uint64_t> slots(slots_.size(), 0);
    for (const std::uint64_t slot : slots_) {
        if (slot == 0) continue;
        const auto old_id = static_cast<std::uint32_t>((slot & 0xFFFFFFFFull) - 1);
        if (renumbered[old_id] == unnumbered) continue;
        const auto tag = static_cast<std::uint32_t>(slot >> 32);
        std::size_t i = home_slot(tag, slots.size());
        while (slots[i] != 0) i = (i + 1) & (slots.size() - 1);
        slots[i] = slot_of(tag, renumbered[old_id]);
    }
    slots_.swap(slots);
}

bool RecordIndex::set_orderer(std::int64_t id, std::int64_t orderer_id) {
    const auto p = position_of(id);
    if (!p) return false;
    records[*p].orderer_id = orderer_id;
    return true;
}

RecordIndex RecordIndex::copy_with_room(std::size_t more) const {
    RecordIndex copy;
    copy.records.reserve(records.size() + more);
    copy.records.assign(records.begin(), records.end());
    copy.tokens = tokens;
    copy.token_records = token_records;
    // The values' text in one block of the copy's own, each value at the same id.
    std::size_t bytes = 0;
    for (const auto& v : values_) bytes += v.size();
    copy.values_.reserve(values_.size() + more * 4);
    copy.values_.clear();
    if (bytes > 0) {
        copy.blocks_.push_back(std::unique_ptr<char[]>(new char[bytes]));
        copy.block_next_ = copy.blocks_.back().get();
        copy.block_left_ = bytes;
    }
    for (const auto& v : values_) copy.values_.push_back(v.empty() ? std::string_view() : copy.store(v));
    copy.slots_ = slots_;
    copy.reserve_values(values_.size() + more * 4);
    copy.sharing_ = sharing_;
    copy.records_with_token_ = records_with_token_;
    copy.pending_tokens_.reserve(pending_tokens_.size() + more * 4);
    copy.pending_tokens_.assign(pending_tokens_.begin(), pending_tokens_.end());
    copy.pending_start_.reserve(pending_start_.size() + more);
    copy.pending_start_.assign(pending_start_.begin(), pending_start_.end());
    copy.weighed_ = weighed_;
    return copy;
}

float word_weight(std::uint64_t size_step, std::uint64_t records_with_word) {
    return static_cast<float>(std::log2(1.0 + static_cast<double>(size_step) / static_cast<double>(count_step(records_with_word))));
}

void RecordIndex::finish() { finish_with(records.size(), {}, {}); }

void RecordIndex::finish_with(std::size_t population,
                              const std::unordered_map<std::string, std::uint32_t>& records_with_tokens,
                              const std::unordered_map<std::string, std::uint32_t>& names_sharing) {
    const std::size_t n = records.size();
    records_with_token_.assign(values_.size(), 0);
    for (auto t : pending_tokens_) ++records_with_token_[t];
    for (const auto& [text, count] : records_with_tokens)
        if (auto id = find(text); id != no_value) records_with_token_[id] = std::max(count, records_with_token_[id]);
    // Counts in steps (count_steps.hpp): a pair's score then moves only when a count of its words crosses one.
    const std::uint64_t size_step = register_size_step(std::max(population, n));

    tokens.clear();
    token_records.clear();
    tokens.reserve(pending_tokens_.size());
    token_records.reserve(pending_tokens_.size());
    std::vector<std::uint32_t> words;  // a record's words by value id, the order its tokens take
    for (std::size_t i = 0; i < n; ++i) {
        auto& r = records[i];
        r.first_token = static_cast<std::uint32_t>(tokens.size());
        r.token_count = static_cast<std::uint32_t>(pending_start_[i + 1] - pending_start_[i]);
        words.assign(pending_tokens_.begin() + static_cast<std::ptrdiff_t>(pending_start_[i]),
                     pending_tokens_.begin() + static_cast<std::ptrdiff_t>(pending_start_[i + 1]));
        std::sort(words.begin(), words.end());
        double norm = 0;
        for (const std::uint32_t t : words) {
            const float w = word_weight(size_step, records_with_token_[t]);
            const std::string_view text = values_[t];
            tokens.push_back({t, w, {text.size() > 0 ? text[0] : '\0', text.size() > 1 ? text[1] : '\0'},
                              static_cast<std::uint8_t>(std::min<std::size_t>(text.size(), 255))});
            token_records.push_back(records_with_token_[t]);
            norm += double(w) * w;
        }
        r.name_norm = static_cast<float>(std::sqrt(norm));
    }

    // How many distinct names share each value of the identifying fields: (value, name) pairs packed in one
    // number each and radix-sorted.
    std::vector<std::uint64_t> packed;
    packed.reserve(n * 5);
    for (const auto& r : records)
        for (auto v : shared_values(r))
            if (v != no_value) packed.push_back((std::uint64_t(v) << 32) | r.name);
    radix_sort(packed, 32 + bits_for(values_.size()));
    packed.erase(std::unique(packed.begin(), packed.end()), packed.end());
    std::vector<std::pair<std::uint32_t, std::uint32_t>> value_name(packed.size());
    for (std::size_t i = 0; i < packed.size(); ++i)
        value_name[i] = {static_cast<std::uint32_t>(packed[i] >> 32), static_cast<std::uint32_t>(packed[i])};
    std::vector<std::uint64_t>().swap(packed);
    sharing_.assign(values_.size(), 0);
    count_name_families(value_name);
    for (const auto& [text, count] : names_sharing)
        if (auto id = find(text); id != no_value) sharing_[id] = std::max(count, sharing_[id]);
    weighed_ = true;
}

void RecordIndex::count_name_families(const std::vector<std::pair<std::uint32_t, std::uint32_t>>& value_name) {
    // Spellings of one name ("el hogar del nino", "el hogar del nino loomis") are one orderer sharing
    // the value with itself: names at least this similar to one another count once (Splink #2035: term
    // frequencies counted over data with duplicates overstate how common a value is).
    std::vector<std::uint32_t> record_of_name(values_.size(), UINT32_MAX);
    for (std::uint32_t i = 0; i < records.size(); ++i)
        if (record_of_name[records[i].name] == UINT32_MAX) record_of_name[records[i].name] = i;
    for (std::size_t start = 0; start < value_name.size();) {
        std::size_t end = start;
        while (end < value_name.size() && value_name[end].first == value_name[start].first) ++end;
        auto record = [&](std::size_t x) -> const IndexedRecord& { return records[record_of_name[value_name[start + x].second]]; };
        sharing_[value_name[start].first] = static_cast<std::uint32_t>(spelling_families(
            end - start, [&](std::size_t x, std::size_t y) { return name_similarity(*this, record(x), record(y)) >= same_spelling_family; }));
        start = end;
    }
}

}  // namespace jobcenter::register_plugin
