// Blocking: each record's keys, all keys sorted so that each block's records are together, and the
// candidate pairs the blocks give, all at once or record by record.
#include "register/index/blocking.hpp"

#include <algorithm>
#include <functional>
#include <future>
#include <mutex>
#include <stdexcept>

#include <boost/iterator/function_output_iterator.hpp>

#include "register/index/radix_sort.hpp"

namespace jobcenter::register_plugin {
namespace {

std::uint64_t prefix_hash(std::string_view text, std::size_t length) {
    std::uint64_t h = 1469598103934665603ull;
    for (std::size_t i = 0; i < length && i < text.size(); ++i) h = (h ^ static_cast<unsigned char>(text[i])) * 1099511628211ull;
    return h;
}

// The first eight bytes of `text` as a number that sorts as the text does (shorter texts padded with 0).
std::uint64_t leading_bytes(std::string_view text) {
    std::uint64_t key = 0;
    for (std::size_t i = 0; i < 8; ++i) key = (key << 8) | (i < text.size() ? static_cast<unsigned char>(text[i]) : 0u);
    return key;
}

// Each record's place when all are sorted by name key, ties by position. Sorted on the names' first eight
// bytes as numbers, the text compared only where those are equal.
std::vector<std::uint32_t> rank_by_name(const RecordIndex& index) {
    struct Entry {
        std::uint64_t head;
        std::uint32_t record;
    };
    std::vector<Entry> order(index.size());
    for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = {leading_bytes(index.text(index.records[i].name)), i};
    std::sort(order.begin(), order.end(), [&index](const Entry& x, const Entry& y) {
        if (x.head != y.head) return x.head < y.head;
        const auto& a = index.text(index.records[x.record].name);
        const auto& b = index.text(index.records[y.record].name);
        return a != b ? a < b : x.record < y.record;
    });
    std::vector<std::uint32_t> rank(index.size());
    for (std::uint32_t r = 0; r < order.size(); ++r) rank[order[r].record] = r;
    return rank;
}

}  // namespace

BlockingFields blocking_fields(const IndexedRecord& r) {
    BlockingFields f;
    f.city_of_helsinki = r.city_of_helsinki;
    f.department = r.department;
    f.business_id = r.business_id;
    f.phone = r.phone;
    f.email = r.email;
    f.street = r.street;
    f.name = r.name;
    return f;
}

void name_word_choices(const RecordIndex& index, const IndexedRecord& r, std::vector<NameWordChoice>& out) {
    out.clear();
    for (std::uint32_t t = r.first_token; t < r.first_token + r.token_count; ++t) {
        const NameToken& token = index.tokens[t];
        out.push_back({index.token_records[t], std::string_view(), token.token, {token.head[0], token.head[1]}});
    }
}

NameWordChoice name_word_choice(std::uint64_t records, std::string_view text, std::uint32_t token) {
    return {records, text, token, {text.size() > 0 ? text[0] : '\0', text.size() > 1 ? text[1] : '\0'}};
}

bool rarer_word(const RecordIndex& index, const NameWordChoice& x, const NameWordChoice& y) {
    if (x.records != y.records) return x.records < y.records;
    // By text: its first two bytes (as the text compares them, unsigned), then the whole.
    for (int i = 0; i < 2; ++i) {
        const auto a = static_cast<unsigned char>(x.head[i]), b = static_cast<unsigned char>(y.head[i]);
        if (a != b) return a < b;
    }
    const std::string_view tx = x.text.empty() ? index.text(x.token) : x.text;
    const std::string_view ty = y.text.empty() ? index.text(y.token) : y.text;
    return tx < ty;
}

void blocking_keys(const RecordIndex& index, const BlockingRules& keys, const BlockingFields& r,
                   std::vector<NameWordChoice>& words, std::vector<BlockingKey>& out) {
    out.clear();
    if (keys.business_id) {
        if (r.city_of_helsinki) {
            if (r.department != no_value) out.push_back({KeyKind::department, r.department});
        } else if (r.business_id != no_value) {
            out.push_back({KeyKind::business_id, r.business_id});
        }
    }
    if (keys.phone && r.phone != no_value) out.push_back({KeyKind::phone, r.phone});
    if (keys.email && r.email != no_value) out.push_back({KeyKind::email, r.email});
    if (keys.street && r.street != no_value) out.push_back({KeyKind::street, r.street});
    if (keys.name && r.name != no_value) out.push_back({KeyKind::name, r.name});
    // The rarest words of the name, whole and as prefixes (typos at the end).
    if (keys.name_words == 0) return;
    const std::size_t chosen = std::min(keys.name_words, words.size());
    std::partial_sort(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(chosen), words.end(),
                      [&index](const NameWordChoice& x, const NameWordChoice& y) { return rarer_word(index, x, y); });
    for (std::size_t w = 0; w < chosen; ++w) {
        if (words[w].token != no_value) out.push_back({KeyKind::name_word, words[w].token});
        const std::string_view text = words[w].text.empty() ? index.text(words[w].token) : words[w].text;
        if (keys.name_word_prefix > 0 && text.size() > keys.name_word_prefix)
            out.push_back({KeyKind::name_word_prefix, prefix_hash(text, keys.name_word_prefix)});
    }
}

SortedKeys sorted_keys(const RecordIndex& index, const BlockingRules& keys) {
    // Records sorted by name, for blocks too common to pair whole: sorted on the second thread while this
    // one gathers and sorts the keys (only a register larger than the biggest block can have such blocks).
    std::future<std::vector<std::uint32_t>> ranked;
    if (index.size() > keys.pair_whole) ranked = std::async(std::launch::async, rank_by_name, std::cref(index));
    // Each key of each record as one number: the key's kind, its value and then the record's position, in
    // that order of significance, so that a radix sort brings each key's records together in position order.
    // Word prefixes are numbered as they are first met (their hashes would not fit).
    SortedKeys out;
    const unsigned record_bits = bits_for(index.size() + 1);
    const unsigned value_bits = bits_for(std::max<std::size_t>(index.value_count(), index.size() * keys.name_words) + 1);
    constexpr unsigned kind_bits = 4;
    const unsigned key_bits = kind_bits + value_bits + record_bits;
    if (key_bits > 64) throw std::length_error("the register is too large to block in memory");
    std::vector<std::uint64_t> keyed;
    keyed.reserve(index.size() * 8);
    std::vector<NameWordChoice> words;
    std::vector<BlockingKey> record_keys;
    for (std::uint32_t i = 0; i < index.size(); ++i) {
        const auto& r = index.records[i];
        if (keys.name_words > 0) name_word_choices(index, r, words);
        blocking_keys(index, keys, blocking_fields(r), words, record_keys);
        for (auto [kind, value] : record_keys) {
            if (kind == KeyKind::name_word_prefix) value = out.prefix_number.try_emplace(value, out.prefix_number.size()).first->second;
            keyed.push_back((((static_cast<std::uint64_t>(kind) << value_bits) | value) << record_bits) | i);
        }
    }
    radix_sort(keyed, key_bits);
    out.keyed = std::move(keyed);
    out.record_bits = record_bits;
    out.value_bits = value_bits;
    // (A block larger than pair_whole means a register larger than it: then the ranks were started.)
    if (ranked.valid()) out.name_rank = ranked.get();
    return out;
}

std::vector<PairKey> candidate_pair_keys(const RecordIndex& index, const BlockingRules& keys) {
    SortedKeys sorted = sorted_keys(index, keys);
    std::vector<std::uint64_t>& keyed = sorted.keyed;
    auto key_at = [&sorted](std::size_t x) { return sorted.key_at(x); };
    auto record_at = [&sorted](std::size_t x) { return sorted.record_at(x); };

    // The blocks (runs of one key) and the pairs each gives, to split the work in two halves.
    struct Block {
        std::size_t start, end;
    };
    std::vector<Block> blocks;
    std::size_t total_work = 0;
    for (std::size_t start = 0; start < keyed.size();) {
        std::size_t end = start;
        while (end < keyed.size() && key_at(end) == key_at(start)) ++end;
        const std::size_t size = end - start;
        if (size >= 2) {
            blocks.push_back({start, end});
            total_work += size <= keys.pair_whole ? size * (size - 1) / 2 : size * keys.window;
        }
        start = end;
    }
    const std::vector<std::uint32_t>& name_rank = sorted.name_rank;

    // Pair keys are packed as a * n + b while collected (fewer bits to sort), then unpacked.
    const std::uint64_t n = index.size();
    const unsigned bits = 2 * bits_for(index.size() + 1);
    auto pairs_of = [&](std::size_t first_block, std::size_t last_block) {
        std::vector<std::uint64_t> pairs;
        std::vector<std::uint32_t> members;
        auto add = [&pairs, n](std::uint32_t x, std::uint32_t y) {
            if (x != y) pairs.push_back(std::uint64_t(std::min(x, y)) * n + std::max(x, y));
        };
        for (std::size_t k = first_block; k < last_block; ++k) {
            const auto [start, end] = blocks[k];
            if (end - start <= keys.pair_whole) {
                for (std::size_t x = start; x < end; ++x)
                    for (std::size_t y = x + 1; y < end; ++y) add(record_at(x), record_at(y));
            } else {
                // Too common to pair whole: sorted by name, each record meets only its nearest neighbours
                // (a sorted-neighbourhood window), so spelling variants of one name still meet.
                members.clear();
                for (std::size_t x = start; x < end; ++x) members.push_back(record_at(x));
                std::sort(members.begin(), members.end(),
                          [&name_rank](std::uint32_t x, std::uint32_t y) { return name_rank[x] < name_rank[y]; });
                for (std::size_t x = 0; x < members.size(); ++x)
                    for (std::size_t y = x + 1; y < members.size() && y <= x + keys.window; ++y)
                        add(members[x], members[y]);
            }
        }
        radix_sort(pairs, bits);
        pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
        return pairs;
    };
    // Two halves of the blocks on two threads, each sorted, then merged: the same set either way.
    std::size_t split = 0;
    for (std::size_t work = 0; split < blocks.size() && work * 2 < total_work; ++split) {
        const std::size_t size = blocks[split].end - blocks[split].start;
        work += size <= keys.pair_whole ? size * (size - 1) / 2 : size * keys.window;
    }
    std::vector<PairKey> pairs;
    {
        auto second_half = std::async(std::launch::async, pairs_of, split, blocks.size());
        std::vector<std::uint64_t> first = pairs_of(0, split);
        std::vector<std::uint64_t> second = second_half.get();
        std::vector<std::uint64_t>().swap(keyed);
        pairs.reserve(first.size() + second.size());
        auto unpacked = boost::make_function_output_iterator([&pairs, n](std::uint64_t p) {
            pairs.push_back(PairKey::make(static_cast<std::uint32_t>(p / n), static_cast<std::uint32_t>(p % n)));
        });
        std::set_union(first.begin(), first.end(), second.begin(), second.end(), unpacked);
    }
    pairs.shrink_to_fit();
    return pairs;
}

std::vector<std::pair<std::uint32_t, std::uint32_t>> candidate_pairs(const RecordIndex& index, const BlockingRules& keys) {
    const auto pairs = candidate_pair_keys(index, keys);
    std::vector<std::pair<std::uint32_t, std::uint32_t>> result;
    result.reserve(pairs.size());
    for (auto p : pairs) result.emplace_back(p.first(), p.second());
    return result;
}

CandidateNeighbours::CandidateNeighbours(const RecordIndex& index, const BlockingRules& keys)
    : keys_(sorted_keys(index, keys)), pair_whole_(keys.pair_whole), window_(keys.window) {
    // Each record's places among the sorted keys, grouped by record (a counting sort).
    first_place_.assign(index.size() + 1, 0);
    for (std::size_t x = 0; x < keys_.keyed.size(); ++x) ++first_place_[keys_.record_at(x) + 1];
    for (std::size_t i = 0; i < index.size(); ++i) first_place_[i + 1] += first_place_[i];
    places_.resize(keys_.keyed.size());
    std::vector<std::size_t> fill(first_place_.begin(), first_place_.end() - 1);
    for (std::size_t x = 0; x < keys_.keyed.size(); ++x) places_[fill[keys_.record_at(x)]++] = x;
}

std::pair<std::size_t, std::size_t> CandidateNeighbours::places_of(std::uint64_t key) const {
    // Keys sort by key, then record.
    const auto& keyed = keys_.keyed;
    const auto begin = std::lower_bound(keyed.begin(), keyed.end(), key << keys_.record_bits);
    const auto end = std::lower_bound(begin, keyed.end(), (key + 1) << keys_.record_bits);
    return {static_cast<std::size_t>(begin - keyed.begin()), static_cast<std::size_t>(end - keyed.begin())};
}

const std::vector<std::uint32_t>& CandidateNeighbours::by_name(std::size_t start, std::size_t stop) {
    // Filled once under the lock; a filled block is only read (the map's elements never move).
    std::lock_guard<std::mutex> lock(by_name_mutex_);
    auto [cached, first] = by_name_.try_emplace(start);
    std::vector<std::uint32_t>& members = cached->second;
    if (first) {
        for (std::size_t x = start; x < stop; ++x) members.push_back(keys_.record_at(x));
        std::sort(members.begin(), members.end(),
                  [this](std::uint32_t x, std::uint32_t y) { return keys_.name_rank[x] < keys_.name_rank[y]; });
    }
    return members;
}

void CandidateNeighbours::of(std::uint32_t record, std::vector<std::uint32_t>& out) {
    out.clear();
    for (std::size_t k = first_place_[record]; k < first_place_[record + 1]; ++k) {
        const auto [start, stop] = places_of(keys_.key_at(places_[k]));
        if (stop - start < 2) continue;
        if (stop - start <= pair_whole_) {
            for (std::size_t x = start; x < stop; ++x)
                if (keys_.record_at(x) != record) out.push_back(keys_.record_at(x));
            continue;
        }
        // Too common to pair whole: the records within `window` places by name (as candidate_pairs pairs them).
        auto by_rank = [this](std::uint32_t x, std::uint32_t y) { return keys_.name_rank[x] < keys_.name_rank[y]; };
        const std::vector<std::uint32_t>& members = by_name(start, stop);
        const auto [same_first, same_last] = std::equal_range(members.begin(), members.end(), record, by_rank);
        const auto lo = static_cast<std::size_t>(same_first - members.begin());
        const auto hi = static_cast<std::size_t>(same_last - members.begin());  // record's places: [lo, hi)
        const std::size_t from = lo > window_ ? lo - window_ : 0;
        const std::size_t to = std::min(members.size(), hi - 1 + window_ + 1);
        for (std::size_t x = from; x < to; ++x)
            if (members[x] != record) out.push_back(members[x]);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
}

const std::vector<std::uint32_t>& CandidateNeighbours::block(const BlockingKey& key) {
    block_.clear();
    std::uint64_t value = key.value;
    if (key.kind == KeyKind::name_word_prefix) {
        auto it = keys_.prefix_number.find(value);
        if (it == keys_.prefix_number.end()) return block_;
        value = it->second;
    }
    if (value >> keys_.value_bits) return block_;  // not a value of this index
    const auto [start, stop] = places_of((static_cast<std::uint64_t>(key.kind) << keys_.value_bits) | value);
    if (stop - start > pair_whole_) return by_name(start, stop);
    for (std::size_t x = start; x < stop; ++x) block_.push_back(keys_.record_at(x));
    return block_;
}

}  // namespace jobcenter::register_plugin
