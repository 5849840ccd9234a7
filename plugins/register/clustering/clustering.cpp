// Blocking, scoring and guarded agglomerative clustering of the register's records.
#include "register/clustering/clustering.hpp"

#include <algorithm>
#include <atomic>
#include <future>
#include <iterator>
#include <optional>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

#include <boost/iterator/function_output_iterator.hpp>

#include "register/index/radix_sort.hpp"
#include "register/index/union_find.hpp"

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

SortedKeys sorted_keys(const RecordIndex& index, const MatchRules& rules) {
    const BlockingRules& keys = rules.blocking;
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

namespace {

// The candidate pairs as sorted, distinct pair keys.
std::vector<PairKey> candidate_keys(const RecordIndex& index, const MatchRules& rules) {
    const BlockingRules& keys = rules.blocking;
    SortedKeys sorted = sorted_keys(index, rules);
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

// Scores every candidate pair, on two threads; each pair's score lands in its own slot, so the result
// does not depend on the threads.
void score_all(const RecordIndex& index, const MatchRules& rules, const std::vector<PairKey>& keys,
               std::vector<double>& score, std::vector<bool>& hard_negative) {
    score.assign(keys.size(), 0.0);
    std::vector<char> negative(keys.size(), 0);
    // The second record of a pair is anywhere in the index: its record is fetched from memory some pairs
    // ahead, and its name's words a few pairs ahead (once the record is there), so that scoring rarely
    // waits for memory.
    constexpr std::size_t record_ahead = 16, tokens_ahead = 8;
    auto work = [&](std::size_t begin, std::size_t end) {
        for (std::size_t i = begin; i < end; ++i) {
            if (i + record_ahead < end) __builtin_prefetch(&index.records[keys[i + record_ahead].second()]);
            if (i + tokens_ahead < end) __builtin_prefetch(&index.tokens[index.records[keys[i + tokens_ahead].second()].first_token]);
            PairScore s = score_pair(index, index.records[keys[i].first()], index.records[keys[i].second()], rules);
            score[i] = s.score;
            negative[i] = s.hard_negative;
        }
    };
    if (keys.size() < 20000) {
        work(0, keys.size());
    } else {
        // Slices handed out as each thread finishes one, so that neither waits for the other at the end
        // (pairs from common words score slower than the rest, and they are not spread evenly).
        constexpr std::size_t slice = 65536;
        std::atomic<std::size_t> next{0};
        auto take_slices = [&] {
            for (std::size_t begin = next.fetch_add(slice); begin < keys.size(); begin = next.fetch_add(slice))
                work(begin, std::min(keys.size(), begin + slice));
        };
        auto other = std::async(std::launch::async, take_slices);
        take_slices();
        other.get();
    }
    hard_negative.assign(negative.begin(), negative.end());
}

}  // namespace

std::vector<std::pair<std::uint32_t, std::uint32_t>> candidate_pairs(const RecordIndex& index, const MatchRules& rules) {
    const auto keys = candidate_keys(index, rules);
    std::vector<std::pair<std::uint32_t, std::uint32_t>> result;
    result.reserve(keys.size());
    for (auto p : keys) result.emplace_back(p.first(), p.second());
    return result;
}

CandidateNeighbours::CandidateNeighbours(const RecordIndex& index, const MatchRules& rules)
    : keys_(sorted_keys(index, rules)), pair_whole_(rules.blocking.pair_whole), window_(rules.blocking.window) {
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

Clustering cluster_records(const RecordIndex& index, const MatchRules& rules,
                           const std::vector<std::pair<std::uint32_t, std::uint32_t>>& forbidden,
                           const std::vector<std::pair<std::uint32_t, std::uint32_t>>& must_link,
                           const ScoredCandidates* chosen) {
    Clustering out;
    auto phase_start = PhaseClock::now();
    // Sorted pair keys: looked up by binary search below. Chosen pairs (an incremental run) or all.
    std::vector<PairKey> candidates;
    std::vector<double> candidate_score;
    std::vector<bool> candidate_negative;
    if (chosen) {
        candidates = chosen->keys;
        candidate_score.reserve(candidates.size());
        candidate_negative.reserve(candidates.size());
        for (const auto& s : chosen->scores) candidate_score.push_back(s.score), candidate_negative.push_back(s.hard_negative);
    } else {
        candidates = candidate_keys(index, rules);
        out.candidates_time = since(phase_start);
        phase_start = PhaseClock::now();
        score_all(index, rules, candidates, candidate_score, candidate_negative);
        out.scoring_time = since(phase_start);
    }
    out.candidate_pairs = candidates.size();
    phase_start = PhaseClock::now();
    std::vector<ScoredPair> scored;
    for (std::size_t i = 0; i < candidates.size(); ++i)
        if (candidate_score[i] >= rules.review_score)
            scored.push_back({candidates[i].first(), candidates[i].second(), candidate_score[i]});
    // Where each record's pairs (as the smaller record of the pair) start among the sorted candidates: a
    // lookup searches only that record's few pairs instead of all of them.
    std::vector<std::size_t> first_pair(index.size() + 1, 0);
    for (auto key : candidates) ++first_pair[key.first() + 1];
    for (std::size_t i = 0; i < index.size(); ++i) first_pair[i + 1] += first_pair[i];
    auto known = [&](PairKey key) -> std::optional<PairScore> {
        const std::size_t a = key.first();
        const auto begin = candidates.begin() + static_cast<std::ptrdiff_t>(first_pair[a]);
        const auto end = candidates.begin() + static_cast<std::ptrdiff_t>(first_pair[a + 1]);
        auto it = std::lower_bound(begin, end, key);
        if (it == end || *it != key) return std::nullopt;
        const auto i = static_cast<std::size_t>(it - candidates.begin());
        return PairScore{candidate_score[i], candidate_negative[i]};
    };
    std::unordered_set<PairKey> never;
    for (auto [a, b] : forbidden) never.insert(PairKey::make(a, b));

    // Strongest first; ties by record id, so the result never depends on the order of the input. An index in
    // id order (as the register loads) compares positions, which follow the ids, without reading records.
    const bool positions_follow_ids = std::is_sorted(
        index.records.begin(), index.records.end(), [](const IndexedRecord& x, const IndexedRecord& y) { return x.id < y.id; });
    auto ids = [&index](const ScoredPair& p) {
        auto x = index.records[p.a].id, y = index.records[p.b].id;
        return std::pair(std::min(x, y), std::max(x, y));
    };
    if (positions_follow_ids)
        std::sort(scored.begin(), scored.end(), [](const ScoredPair& x, const ScoredPair& y) {
            if (x.score != y.score) return x.score > y.score;
            return std::pair(x.a, x.b) < std::pair(y.a, y.b);
        });
    else
        std::sort(scored.begin(), scored.end(), [&ids](const ScoredPair& x, const ScoredPair& y) {
            if (x.score != y.score) return x.score > y.score;
            return ids(x) < ids(y);
        });

    const std::size_t n = index.size();
    UnionFind sets(n);
    std::vector<std::vector<std::uint32_t>> members(n);
    for (std::uint32_t i = 0; i < n; ++i) members[i] = {i};
    auto pair_score = [&](std::uint32_t a, std::uint32_t b) {
        if (a > b) std::swap(a, b);
        if (auto s = known(PairKey::make(a, b))) return *s;
        return score_pair(index, index.records[a], index.records[b], rules);
    };
    // Two clusters may join when no pair between them is forbidden or a hard negative, and the pairs
    // between them average at least the review score (so one strong link cannot chain two orderers).
    // Returns that average (the link score when no pair was compared), or nothing when they may not join.
    auto may_join = [&](std::uint32_t ra, std::uint32_t rb) -> std::optional<double> {
        const auto& A = members[ra];
        const auto& B = members[rb];
        const bool check_all = A.size() * B.size() <= all_pairs_compared_up_to;
        double total = 0;
        std::size_t counted = 0;
        for (auto x : A)
            for (auto y : B) {
                const PairKey key = PairKey::make(x, y);
                if (!never.empty() && never.count(key)) return std::nullopt;
                std::optional<PairScore> stored = known(key);
                if (!check_all && !stored) continue;
                PairScore s = stored ? *stored : pair_score(x, y);
                if (s.hard_negative) return std::nullopt;
                total += s.score;
                ++counted;
            }
        if (counted == 0) return rules.link_score;
        const double average = total / double(counted);
        if (average < rules.review_score) return std::nullopt;
        return average;
    };

    auto join = [&](std::uint32_t ra, std::uint32_t rb) {
        if (members[ra].size() < members[rb].size()) std::swap(ra, rb);
        sets.attach(rb, ra);
        members[ra].insert(members[ra].end(), members[rb].begin(), members[rb].end());
        members[rb].clear();
        members[rb].shrink_to_fit();
    };
    auto decided_apart = [&](std::uint32_t ra, std::uint32_t rb) {
        for (auto x : members[ra])
            for (auto y : members[rb])
                if (never.count(PairKey::make(x, y))) return true;
        return false;
    };
    // People's "same" decisions first, in the order given.
    for (auto [a, b] : must_link) {
        std::uint32_t ra = sets.find(a), rb = sets.find(b);
        if (ra != rb && !decided_apart(ra, rb)) join(ra, rb);
    }

    for (const auto& p : scored) {
        if (p.score < rules.link_score) {
            if (sets.find(p.a) != sets.find(p.b)) out.review.push_back(p);
            continue;
        }
        std::uint32_t ra = sets.find(p.a), rb = sets.find(p.b);
        if (ra == rb) {
            ++out.linked_pairs;
            continue;
        }
        const std::optional<double> average = may_join(ra, rb);
        if (!average) {
            ++out.refused_links;
            out.review.push_back(p);
            continue;
        }
        ++out.linked_pairs;
        if (*average < rules.link_score && members[ra].size() + members[rb].size() >= 3) {
            const bool a_larger = members[ra].size() > members[rb].size() ||
                                  (members[ra].size() == members[rb].size() && ra < rb);
            const auto& part = members[a_larger ? rb : ra];
            WeakBridge bridge{p, *average, std::vector<std::uint32_t>(part.begin(), part.end())};
            if (!a_larger) std::swap(bridge.pair.a, bridge.pair.b);
            std::sort(bridge.part.begin(), bridge.part.end());
            out.bridges.push_back(std::move(bridge));
        }
        join(ra, rb);
    }
    // A review pair whose records ended up together needs no review.
    out.review.erase(std::remove_if(out.review.begin(), out.review.end(),
                                    [&](const ScoredPair& p) { return sets.find(p.a) == sets.find(p.b); }),
                     out.review.end());

    out.cluster_of.resize(n);
    std::vector<std::uint32_t> smallest(n, UINT32_MAX);
    for (std::uint32_t i = 0; i < n; ++i) smallest[sets.find(i)] = std::min(smallest[sets.find(i)], i);
    for (std::uint32_t i = 0; i < n; ++i) out.cluster_of[i] = smallest[sets.find(i)];
    out.joining_time = since(phase_start);
    return out;
}

}  // namespace jobcenter::register_plugin
