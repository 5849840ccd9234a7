// Finding an incremental run's scope a level of records at a time (see incremental_scope.hpp).
#include "register/incremental/incremental_scope.hpp"

#include <algorithm>
#include <atomic>
#include <future>
#include <numeric>

namespace jobcenter::register_plugin {

IncrementalScope incremental_scope(const RecordIndex& index, const MatchRules& rules, CandidateNeighbours& candidates,
                                   const std::vector<std::pair<std::uint32_t, std::uint32_t>>& must_link,
                                   const std::vector<std::uint32_t>& pending) {
    const std::size_t n = index.size();
    // A person's "same" pairs, both ways, by record.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> linked;
    for (auto [a, b] : must_link) {
        linked.emplace_back(a, b);
        linked.emplace_back(b, a);
    }
    std::sort(linked.begin(), linked.end());
    // The records of each current orderer.
    std::vector<std::uint32_t> by_orderer(n);
    std::iota(by_orderer.begin(), by_orderer.end(), 0u);
    std::sort(by_orderer.begin(), by_orderer.end(), [&index](std::uint32_t x, std::uint32_t y) {
        auto ox = index.records[x].orderer_id, oy = index.records[y].orderer_id;
        return ox != oy ? ox < oy : x < y;
    });

    IncrementalScope out;
    out.in_scope.assign(n, 0);
    // The level each record was reached at (0: not reached): a pair is scored once, by the record of the two
    // reached first (of two reached at one level, by the smaller).
    std::vector<std::uint32_t> level(n, 0);
    std::uint32_t current = 1;
    std::vector<std::uint32_t> frontier, next;
    auto visit = [&](std::uint32_t x, std::uint32_t at) {
        if (level[x]) return;
        level[x] = at;
        next.push_back(x);
        const auto orderer = index.records[x].orderer_id;
        auto first = std::lower_bound(by_orderer.begin(), by_orderer.end(), x, [&](std::uint32_t pos, std::uint32_t) {
            return index.records[pos].orderer_id < orderer;
        });
        for (auto it = first; it != by_orderer.end() && index.records[*it].orderer_id == orderer; ++it)
            if (!level[*it]) {
                level[*it] = at;
                next.push_back(*it);
            }
    };
    for (auto p : pending) visit(p, current);
    struct Scored {
        PairKey key;
        PairScore score;
    };
    std::vector<Scored> scored;
    while (!next.empty()) {
        frontier.swap(next);
        next.clear();
        // People's "same" pairs reach within the level.
        for (std::size_t k = 0; k < frontier.size(); ++k)
            for (auto it = std::lower_bound(linked.begin(), linked.end(), std::pair(frontier[k], 0u));
                 it != linked.end() && it->first == frontier[k]; ++it)
                if (!level[it->second]) {
                    visit(it->second, current);
                    frontier.insert(frontier.end(), next.begin(), next.end());
                    next.clear();
                }
        // The level's pairs, on two threads, each collecting its own.
        std::atomic<std::size_t> taken{0};
        auto pairs_of_level = [&] {
            std::vector<Scored> found;
            std::vector<std::uint32_t> neighbours;
            constexpr std::size_t chunk = 64;
            for (std::size_t begin = taken.fetch_add(chunk); begin < frontier.size(); begin = taken.fetch_add(chunk))
                for (std::size_t k = begin; k < std::min(frontier.size(), begin + chunk); ++k) {
                    const std::uint32_t x = frontier[k];
                    candidates.of(x, neighbours);
                    for (auto y : neighbours) {
                        if (level[y] && (level[y] < current || (level[y] == current && y < x))) continue;
                        const PairKey key = PairKey::make(x, y);
                        found.push_back({key, score_pair(index, index.records[key.first()], index.records[key.second()], rules)});
                    }
                }
            return found;
        };
        std::vector<Scored> other;
        if (frontier.size() > 256) {
            auto second = std::async(std::launch::async, pairs_of_level);
            std::vector<Scored> here = pairs_of_level();
            other = second.get();
            other.insert(other.end(), here.begin(), here.end());
        } else {
            other = pairs_of_level();
        }
        // The next level: records reached through pairs at the link score (in pair order: the same whatever
        // the threads did).
        std::sort(other.begin(), other.end(), [](const Scored& x, const Scored& y) { return x.key < y.key; });
        ++current;
        for (const auto& s : other) {
            if (s.score.score < rules.link_score) continue;
            visit(s.key.first(), current);
            visit(s.key.second(), current);
        }
        scored.insert(scored.end(), other.begin(), other.end());
    }
    for (std::size_t i = 0; i < n; ++i) out.in_scope[i] = level[i] != 0;
    std::sort(scored.begin(), scored.end(), [](const Scored& x, const Scored& y) { return x.key < y.key; });
    scored.erase(std::unique(scored.begin(), scored.end(), [](const Scored& x, const Scored& y) { return x.key == y.key; }), scored.end());
    out.touching.keys.reserve(scored.size());
    out.touching.scores.reserve(scored.size());
    for (const auto& s : scored) {
        out.touching.keys.push_back(s.key);
        out.touching.scores.push_back(s.score);
    }
    return out;
}

}  // namespace jobcenter::register_plugin
