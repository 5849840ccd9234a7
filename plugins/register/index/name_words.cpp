// The name-word index: blocks of record ids per word (see name_words.hpp).
#include "register/index/name_words.hpp"

#include <algorithm>
#include <boost/json.hpp>

namespace jobcenter::register_plugin {
namespace {

std::vector<std::int64_t> sorted_unique(std::vector<std::int64_t> ids) {
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return ids;
}

// `ids` (ascending) as blocks of up to name_word_block_size, inserted for `word`.
void insert_blocks(Database& db, const std::string& word, const std::vector<std::int64_t>& ids, std::size_t from = 0) {
    auto& insert = db.cached("INSERT INTO name_word_block(word, first_record, count, records) VALUES(?, ?, ?, ?)");
    for (std::size_t start = from; start < ids.size(); start += name_word_block_size) {
        const std::size_t end = std::min(ids.size(), start + name_word_block_size);
        const std::vector<std::int64_t> block(ids.begin() + static_cast<std::ptrdiff_t>(start),
                                              ids.begin() + static_cast<std::ptrdiff_t>(end));
        insert.bind(1, word).bind(2, block.front()).bind(3, static_cast<std::int64_t>(block.size()));
        insert.bind(4, encode_record_ids(block));
        insert.run();
    }
}

}  // namespace

std::string encode_record_ids(const std::vector<std::int64_t>& ids) {
    std::string text = "[";
    for (std::size_t i = 0; i < ids.size(); ++i) {
        if (i) text += ',';
        text += std::to_string(ids[i]);
    }
    return text + "]";
}

std::vector<std::int64_t> decode_record_ids(std::string_view text) {
    std::vector<std::int64_t> ids;
    std::int64_t value = 0;
    bool in_number = false;
    for (char c : text) {
        if (c >= '0' && c <= '9') {
            value = value * 10 + (c - '0');
            in_number = true;
        } else if (in_number) {
            ids.push_back(value);
            value = 0;
            in_number = false;
        }
    }
    if (in_number) ids.push_back(value);
    std::sort(ids.begin(), ids.end());
    return ids;
}

void NameWordChanges::add(std::int64_t record, const std::vector<std::string>& words) {
    for (const auto& word : words) {
        auto it = words_.find(word);
        if (it == words_.end()) it = words_.emplace(word, Change{}).first;
        it->second.added.push_back(record);
    }
}

void NameWordChanges::remove(std::int64_t record, std::string_view name_key) {
    for (std::size_t i = 0; i < name_key.size();) {
        std::size_t end = name_key.find(' ', i);
        if (end == std::string_view::npos) end = name_key.size();
        if (end > i) {
            const std::string_view word = name_key.substr(i, end - i);
            auto it = words_.find(word);
            if (it == words_.end()) it = words_.emplace(std::string(word), Change{}).first;
            it->second.removed.push_back(record);
        }
        i = end + 1;
    }
}

void NameWordChanges::write(Database& db) {
    auto& last_block = db.cached(
        "SELECT first_record, records FROM name_word_block WHERE word = ? ORDER BY first_record DESC LIMIT 1");
    auto& replace_last = db.cached("UPDATE name_word_block SET count = ?3, records = ?4 WHERE word = ?1 AND first_record = ?2");
    auto& all_blocks = db.cached("SELECT records FROM name_word_block WHERE word = ?");
    auto& delete_all = db.cached("DELETE FROM name_word_block WHERE word = ?");
    auto& set_total = db.cached(
        "INSERT INTO name_word(word, records) VALUES(?1, ?2) ON CONFLICT(word) DO UPDATE SET records = records + ?2");
    auto& drop_word = db.cached("DELETE FROM name_word WHERE word = ? AND records = 0");
    // In word order, so that new rows go to the end of the word-keyed tables.
    std::vector<std::pair<const std::string*, Change*>> in_order;
    in_order.reserve(words_.size());
    for (auto& [word, change] : words_) in_order.emplace_back(&word, &change);
    std::sort(in_order.begin(), in_order.end(), [](const auto& x, const auto& y) { return *x.first < *y.first; });
    for (auto [word_at, change_at] : in_order) {
        const std::string& word = *word_at;
        Change& change = *change_at;
        const std::vector<std::int64_t> added = sorted_unique(std::move(change.added));
        std::vector<std::int64_t> removed;  // a record that keeps the word (re-imported, same word) stays
        for (auto id : sorted_unique(std::move(change.removed)))
            if (!std::binary_search(added.begin(), added.end(), id)) removed.push_back(id);
        if (added.empty() && removed.empty()) continue;

        last_block.bind(1, word);
        std::int64_t last_first = 0;
        std::vector<std::int64_t> last;
        if (last_block.step()) {
            last_first = last_block.get_int(0);
            last = decode_record_ids(last_block.get_text_view(1));
        }
        last_block.reset();
        if (removed.empty() && (last.empty() || added.front() > last.back())) {
            // Only newer records: the last block is filled up, the rest go to new blocks.
            std::size_t from = 0;
            if (!last.empty() && last.size() < name_word_block_size) {
                from = std::min(added.size(), name_word_block_size - last.size());
                last.insert(last.end(), added.begin(), added.begin() + static_cast<std::ptrdiff_t>(from));
                replace_last.bind(1, word).bind(2, last_first).bind(3, static_cast<std::int64_t>(last.size()));
                replace_last.bind(4, encode_record_ids(last));
                replace_last.run();
            }
            insert_blocks(db, word, added, from);
            set_total.bind(1, word).bind(2, static_cast<std::int64_t>(added.size()));
            set_total.run();
            continue;
        }
        // Records in the middle, or leaving: the word's blocks are written again.
        std::vector<std::int64_t> ids;
        all_blocks.bind(1, word);
        while (all_blocks.step()) {
            auto block = decode_record_ids(all_blocks.get_text_view(0));
            ids.insert(ids.end(), block.begin(), block.end());
        }
        all_blocks.reset();
        const auto before = static_cast<std::int64_t>(ids.size());
        ids.insert(ids.end(), added.begin(), added.end());
        ids = sorted_unique(std::move(ids));
        std::vector<std::int64_t> kept;
        std::set_difference(ids.begin(), ids.end(), removed.begin(), removed.end(), std::back_inserter(kept));
        delete_all.bind(1, word);
        delete_all.run();
        insert_blocks(db, word, kept);
        set_total.bind(1, word).bind(2, static_cast<std::int64_t>(kept.size()) - before);
        set_total.run();
        drop_word.bind(1, word);
        drop_word.run();
    }
    words_.clear();
}

std::int64_t records_with_word_count(Database& db, const std::string& word) {
    auto& q = db.cached("SELECT records FROM name_word WHERE word = ?");
    q.bind(1, word);
    const std::int64_t count = q.step() ? q.get_int(0) : 0;
    q.reset();
    return count;
}

std::map<std::string, std::int64_t> records_with_words_count(Database& db, const std::vector<std::string>& words) {
    std::map<std::string, std::int64_t> counts;
    if (words.empty()) return counts;
    auto& q = db.cached("SELECT word, records FROM name_word WHERE word IN (SELECT value FROM json_each(?))");
    q.bind(1, boost::json::serialize(boost::json::value_from(words)));
    while (q.step()) counts.emplace(q.get_text(0), q.get_int(1));
    q.reset();
    return counts;
}

std::vector<std::int64_t> records_with_word(Database& db, const std::string& word, std::size_t limit, bool prefix) {
    if (word.empty()) return {};
    const std::string where = prefix ? " WHERE word >= ?1 AND word < ?1 || char(1114111)" : " WHERE word = ?1";
    // Block by block, stopping as soon as there are too many (a common word or prefix stops at its first
    // blocks).
    auto& blocks = db.cached("SELECT count, records FROM name_word_block" + where);
    blocks.bind(1, word);
    std::size_t found = 0;
    std::vector<std::int64_t> ids;
    while (blocks.step()) {
        found += static_cast<std::size_t>(blocks.get_int(0));
        if (found > limit) break;
        auto block = decode_record_ids(blocks.get_text_view(1));
        ids.insert(ids.end(), block.begin(), block.end());
    }
    blocks.reset();
    if (found > limit) return {};
    return sorted_unique(std::move(ids));
}

}  // namespace jobcenter::register_plugin
