// Blocking, scoring and guarded agglomerative clustering of the register's records.
#include "clustering.hpp"

#include <algorithm>
#include <numeric>
#include <unordered_map>
#include <unordered_set>

namespace jobcenter::register_plugin {
namespace {

enum KeyKind : std::uint64_t { business = 1, department, phone, email, street, name, token, prefix };

std::uint64_t make_key(KeyKind kind, std::uint64_t value) { return (std::uint64_t(kind) << 56) | (value & ((1ull << 56) - 1)); }

std::uint64_t prefix_hash(const std::string& text, std::size_t length) {
    std::uint64_t h = 1469598103934665603ull;
    for (std::size_t i = 0; i < length && i < text.size(); ++i) h = (h ^ static_cast<unsigned char>(text[i])) * 1099511628211ull;
    return h;
}

std::uint64_t pair_key(std::uint32_t a, std::uint32_t b) { return (std::uint64_t(a) << 32) | b; }

// In a block too large to pair whole, how many following records (sorted by name) each record meets.
constexpr std::size_t neighbourhood_window = 8;

}  // namespace

std::vector<std::pair<std::uint32_t, std::uint32_t>> candidate_pairs(const RecordIndex& index, const MatchRules& rules) {
    std::vector<std::pair<std::uint64_t, std::uint32_t>> keyed;
    keyed.reserve(index.size() * 8);
    for (std::uint32_t i = 0; i < index.size(); ++i) {
        const auto& r = index.records[i];
        if (r.city_of_helsinki) {
            if (r.department != no_value) keyed.emplace_back(make_key(department, r.department), i);
        } else if (r.business_id != no_value) {
            keyed.emplace_back(make_key(business, r.business_id), i);
        }
        if (r.phone != no_value) keyed.emplace_back(make_key(phone, r.phone), i);
        if (r.email != no_value) keyed.emplace_back(make_key(email, r.email), i);
        if (r.street != no_value) keyed.emplace_back(make_key(street, r.street), i);
        if (r.name != no_value) keyed.emplace_back(make_key(name, r.name), i);
        // The two rarest tokens of the name, whole and as four-letter prefixes (typos at the end).
        std::vector<NameToken> tokens(index.tokens.begin() + r.first_token,
                                      index.tokens.begin() + r.first_token + r.token_count);
        std::sort(tokens.begin(), tokens.end(), [](const NameToken& x, const NameToken& y) {
            return x.weight != y.weight ? x.weight > y.weight : x.token < y.token;
        });
        for (std::size_t t = 0; t < tokens.size() && t < 2; ++t) {
            keyed.emplace_back(make_key(token, tokens[t].token), i);
            const std::string& text = index.text(tokens[t].token);
            if (text.size() >= 5) keyed.emplace_back(make_key(prefix, prefix_hash(text, 4)), i);
        }
    }
    std::sort(keyed.begin(), keyed.end());

    std::vector<std::uint64_t> pairs;
    for (std::size_t start = 0; start < keyed.size();) {
        std::size_t end = start;
        while (end < keyed.size() && keyed[end].first == keyed[start].first) ++end;
        std::size_t size = end - start;
        auto add = [&pairs](std::uint32_t x, std::uint32_t y) {
            if (x != y) pairs.push_back(pair_key(std::min(x, y), std::max(x, y)));
        };
        if (size >= 2 && size <= rules.max_block) {
            for (std::size_t x = start; x < end; ++x)
                for (std::size_t y = x + 1; y < end; ++y) add(keyed[x].second, keyed[y].second);
        } else if (size > rules.max_block) {
            // Too common to pair whole: sorted by name, each record meets only its nearest neighbours
            // (a sorted-neighbourhood window), so spelling variants of one name still meet.
            std::vector<std::uint32_t> members;
            for (std::size_t x = start; x < end; ++x) members.push_back(keyed[x].second);
            std::sort(members.begin(), members.end(), [&index](std::uint32_t x, std::uint32_t y) {
                const auto& a = index.text(index.records[x].name);
                const auto& b = index.text(index.records[y].name);
                return a != b ? a < b : x < y;
            });
            for (std::size_t x = 0; x < members.size(); ++x)
                for (std::size_t y = x + 1; y < members.size() && y <= x + neighbourhood_window; ++y)
                    add(members[x], members[y]);
        }
        start = end;
    }
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
    std::vector<std::pair<std::uint32_t, std::uint32_t>> result;
    result.reserve(pairs.size());
    for (auto p : pairs) result.emplace_back(static_cast<std::uint32_t>(p >> 32), static_cast<std::uint32_t>(p));
    return result;
}

Clustering cluster_records(const RecordIndex& index, const MatchRules& rules,
                           const std::vector<std::pair<std::uint32_t, std::uint32_t>>& forbidden,
                           const std::vector<std::pair<std::uint32_t, std::uint32_t>>& must_link,
                           const std::vector<std::pair<std::uint32_t, std::uint32_t>>* chosen) {
    Clustering out;
    const auto candidates = chosen ? *chosen : candidate_pairs(index, rules);
    out.candidate_pairs = candidates.size();

    std::vector<ScoredPair> scored;
    scored.reserve(candidates.size());
    std::unordered_map<std::uint64_t, PairScore> known;
    known.reserve(candidates.size());
    for (auto [a, b] : candidates) {
        PairScore s = score_pair(index, index.records[a], index.records[b], rules);
        known.emplace(pair_key(a, b), s);
        if (s.score >= rules.review_score) scored.push_back({a, b, s.score});
    }
    std::unordered_set<std::uint64_t> never;
    for (auto [a, b] : forbidden) never.insert(pair_key(std::min(a, b), std::max(a, b)));

    // Strongest first; ties by record id, so the result never depends on the order of the input.
    auto ids = [&index](const ScoredPair& p) {
        auto x = index.records[p.a].id, y = index.records[p.b].id;
        return std::pair(std::min(x, y), std::max(x, y));
    };
    std::sort(scored.begin(), scored.end(), [&ids](const ScoredPair& x, const ScoredPair& y) {
        if (x.score != y.score) return x.score > y.score;
        return ids(x) < ids(y);
    });

    const std::size_t n = index.size();
    std::vector<std::uint32_t> root(n);
    std::iota(root.begin(), root.end(), 0u);
    std::vector<std::vector<std::uint32_t>> members(n);
    for (std::uint32_t i = 0; i < n; ++i) members[i] = {i};
    auto find = [&root](std::uint32_t x) {
        while (root[x] != x) x = root[x] = root[root[x]];
        return x;
    };
    auto pair_score = [&](std::uint32_t a, std::uint32_t b) {
        if (a > b) std::swap(a, b);
        if (auto it = known.find(pair_key(a, b)); it != known.end()) return it->second;
        return score_pair(index, index.records[a], index.records[b], rules);
    };
    // Two clusters may join when no pair between them is forbidden or a hard negative, and the pairs
    // between them average at least the review score (so one strong link cannot chain two orderers).
    auto may_join = [&](std::uint32_t ra, std::uint32_t rb) {
        const auto& A = members[ra];
        const auto& B = members[rb];
        const bool check_all = A.size() * B.size() <= 2500;
        double total = 0;
        std::size_t counted = 0;
        for (auto x : A)
            for (auto y : B) {
                std::uint64_t key = pair_key(std::min(x, y), std::max(x, y));
                if (never.count(key)) return false;
                if (!check_all && !known.count(key)) continue;
                PairScore s = pair_score(x, y);
                if (s.hard_negative) return false;
                total += s.score;
                ++counted;
            }
        return counted == 0 || total / double(counted) >= rules.review_score;
    };

    auto join = [&](std::uint32_t ra, std::uint32_t rb) {
        if (members[ra].size() < members[rb].size()) std::swap(ra, rb);
        root[rb] = ra;
        members[ra].insert(members[ra].end(), members[rb].begin(), members[rb].end());
        members[rb].clear();
        members[rb].shrink_to_fit();
    };
    auto decided_apart = [&](std::uint32_t ra, std::uint32_t rb) {
        for (auto x : members[ra])
            for (auto y : members[rb])
                if (never.count(pair_key(std::min(x, y), std::max(x, y)))) return true;
        return false;
    };
    // People's "same" decisions first, in the order given.
    for (auto [a, b] : must_link) {
        std::uint32_t ra = find(a), rb = find(b);
        if (ra != rb && !decided_apart(ra, rb)) join(ra, rb);
    }

    for (const auto& p : scored) {
        if (p.score < rules.link_score) {
            if (find(p.a) != find(p.b)) out.review.push_back(p);
            continue;
        }
        std::uint32_t ra = find(p.a), rb = find(p.b);
        if (ra == rb) {
            ++out.linked_pairs;
            continue;
        }
        if (!may_join(ra, rb)) {
            ++out.refused_links;
            out.review.push_back(p);
            continue;
        }
        ++out.linked_pairs;
        join(ra, rb);
    }
    // A review pair whose records ended up together needs no review.
    out.review.erase(std::remove_if(out.review.begin(), out.review.end(),
                                    [&](const ScoredPair& p) { return find(p.a) == find(p.b); }),
                     out.review.end());

    out.cluster_of.resize(n);
    std::vector<std::uint32_t> smallest(n, UINT32_MAX);
    for (std::uint32_t i = 0; i < n; ++i) smallest[find(i)] = std::min(smallest[find(i)], i);
    for (std::uint32_t i = 0; i < n; ++i) out.cluster_of[i] = smallest[find(i)];
    return out;
}

}  // namespace jobcenter::register_plugin
