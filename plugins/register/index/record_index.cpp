// Loading the register into memory for deduplication, interning values and measuring their rarity.
#include "register/index/record_index.hpp"

#include <algorithm>
#include <array>
#include <boost/json.hpp>
#include <cmath>
#include <future>

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

namespace {

// Stored records' keys as read from the database, a chunk at a time: their text copied into one buffer, so
// that one thread can intern a chunk while the other reads the next.
struct KeysChunk {
    static constexpr int texts = 9;  // name_key ... city_key, in StoredKeys' order
    struct Row {
        std::int64_t id, orderer_id;
        bool email_free, email_generic, city_of_helsinki;
        std::array<std::uint32_t, texts + 1> offset;  // text i is [offset[i], offset[i + 1])
    };
    std::string text;
    std::vector<Row> rows;

    StoredKeys keys(const Row& row) const {
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
};

}  // namespace

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
    add_interned(r, token_ids_);
}

RecordIndex RecordIndex::load_where(Database& db, const std::vector<std::int64_t>* ids, std::size_t more, bool finish) {
    RecordIndex index;
    const std::string columns =
        "SELECT id, orderer_id, name_key, legal_form, department_key, business_id, phone_e164, email_key, email_free, "
        "email_generic, street_key, postcode_key, city_key, city_of_helsinki FROM source_record";
    // Chosen records in one statement (the ids as a JSON array), in id order like the whole register.
    auto q = db.prepare(ids ? columns + " WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id" : columns + " ORDER BY id");
    auto text = [&q](int column) { return q.is_null(column) ? std::string_view() : q.get_text_view(column); };
    // Rows are read a chunk at a time (their text copied), then interned.
    constexpr std::size_t chunk_rows = 16384;
    bool read_all = false;  // a statement stepped again after its last row would start over
    auto read_chunk = [&q, &text, &read_all] {
        KeysChunk chunk;
        const int text_columns[KeysChunk::texts] = {2, 3, 4, 5, 6, 7, 10, 11, 12};
        while (chunk.rows.size() < chunk_rows && !read_all) {
            if (!q.step()) {
                read_all = true;
                break;
            }
            KeysChunk::Row row{};
            row.id = q.get_int(0);
            row.orderer_id = q.is_null(1) ? 0 : q.get_int(1);
            row.email_free = q.get_int(8) != 0;
            row.email_generic = q.get_int(9) != 0;
            row.city_of_helsinki = q.get_int(13) != 0;
            for (int i = 0; i < KeysChunk::texts; ++i) {
                row.offset[static_cast<std::size_t>(i)] = static_cast<std::uint32_t>(chunk.text.size());
                const std::string_view value = text(text_columns[i]);
                chunk.text.append(value.data(), value.size());
            }
            row.offset[KeysChunk::texts] = static_cast<std::uint32_t>(chunk.text.size());
            chunk.rows.push_back(row);
        }
        return chunk;
    };
    auto intern_chunk = [&index](KeysChunk chunk) {
        for (const auto& row : chunk.rows) index.add_stored(chunk.keys(row));
    };
    if (!ids) {
        // Room for everything at once: a record brings about four new values (its name key, phone, email,
        // street, a new word now and then), and growing the tables on the way copies them each time.
        const std::size_t rows = static_cast<std::size_t>(rows_of_append_only(db, "source_record")) + more;
        index.reserve_values(rows * 4);
        index.records.reserve(rows);
        index.pending_tokens_.reserve(rows * 4);
        index.pending_start_.reserve(rows + 1);
        // This thread reads a chunk of rows while the other interns the chunk before, in row order.
        std::future<void> interning;
        for (KeysChunk chunk = read_chunk(); !chunk.rows.empty(); chunk = read_chunk()) {
            if (interning.valid()) interning.get();
            interning = std::async(std::launch::async, intern_chunk, std::move(chunk));
        }
        if (interning.valid()) interning.get();
        if (finish) index.finish();
        return index;
    }
    // Chosen records (an entry-time check's candidates): few, read and interned on this thread.
    boost::json::array wanted(ids->begin(), ids->end());
    q.bind(1, boost::json::serialize(wanted));
    for (KeysChunk chunk = read_chunk(); !chunk.rows.empty(); chunk = read_chunk()) intern_chunk(std::move(chunk));
    return index;
}

void RecordIndex::add(IndexedRecord record, const std::vector<std::string>& name_tokens) {
    std::vector<std::uint32_t> ids;
    for (const auto& t : name_tokens) ids.push_back(intern(t));
    add_interned(record, ids);
}

void RecordIndex::add_interned(IndexedRecord record, std::vector<std::uint32_t>& ids) {
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    records.push_back(record);
    pending_tokens_.insert(pending_tokens_.end(), ids.begin(), ids.end());
    pending_start_.push_back(pending_tokens_.size());
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
    for (std::size_t i = 0; i < n; ++i) {
        auto& r = records[i];
        r.first_token = static_cast<std::uint32_t>(tokens.size());
        r.token_count = static_cast<std::uint32_t>(pending_start_[i + 1] - pending_start_[i]);
        double norm = 0;
        for (std::size_t k = pending_start_[i]; k < pending_start_[i + 1]; ++k) {
            const std::uint32_t t = pending_tokens_[k];
            const float w = word_weight(size_step, records_with_token_[t]);
            const std::string_view text = values_[t];
            tokens.push_back({t, w, {text.size() > 0 ? text[0] : '\0', text.size() > 1 ? text[1] : '\0'}});
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
