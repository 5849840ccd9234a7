// Scoring the candidate pairs and joining records into clusters by strength, guarded against chaining.
#include "register/clustering/clustering.hpp"

#include <algorithm>
#include <atomic>
#include <future>
#include <optional>
#include <unordered_set>

#include "register/index/blocking.hpp"
#include "register/index/union_find.hpp"

namespace jobcenter::register_plugin {
namespace {

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
        for (const auto& s : chosen->scores) {
            candidate_score.push_back(s.score);
            candidate_negative.push_back(s.hard_negative);
        }
    } else {
        candidates = candidate_pair_keys(index, rules.blocking);
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
