// The register's candidate pairs and value interning at the sizes where their fast paths start: pairs
// radix-sorted and generated on two threads must be exactly the pairs of the blocking rules (checked
// against a plain reference), and interned ids must follow first use.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "register/clustering/clustering.hpp"
#include "register/index/blocking.hpp"

namespace {
using namespace jobcenter::register_plugin;
using Pair = std::pair<std::uint32_t, std::uint32_t>;

// A register with shared phones, streets and name words, some keys common enough to exceed pair_whole.
RecordIndex generated(std::size_t n) {
    RecordIndex index;
    const char* words[] = {"siivous", "kuljetus", "rakennus", "ravintola", "pesula", "kukka", "auto", "sahko", "palvelu"};
    for (std::uint32_t i = 0; i < n; ++i) {
        IndexedRecord r;
        r.id = 1000 + i;
        std::vector<std::string> tokens = {words[i % 9], words[(i / 9) % 9] + std::string("x") + std::to_string(i % 97)};
        if (i % 5 == 0) tokens.push_back("oy" + std::to_string(i % 13));
        std::string name;
        for (const auto& t : tokens) name += (name.empty() ? "" : " ") + t;
        r.name = index.intern(name);
        r.phone = i % 3 == 0 ? index.intern("+35840" + std::to_string(i % 211)) : no_value;
        r.street = i % 4 == 0 ? index.intern("katu " + std::to_string(i % 37)) : no_value;
        r.business_id = i % 7 == 0 ? index.intern(std::to_string(1000000 + i % 29) + "-1") : no_value;
        index.add(r, tokens);
    }
    index.finish();
    return index;
}

// The blocking rules written plainly: every key's records, paired whole or by a name-sorted window.
std::vector<Pair> reference_pairs(const RecordIndex& index, const BlockingRules& keys) {
    std::map<std::string, std::vector<std::uint32_t>> blocks;
    for (std::uint32_t i = 0; i < index.size(); ++i) {
        const auto& r = index.records[i];
        if (keys.business_id) {
            if (r.city_of_helsinki) {
                if (r.department) blocks["d" + std::to_string(r.department)].push_back(i);
            } else if (r.business_id) {
                blocks["b" + std::to_string(r.business_id)].push_back(i);
            }
        }
        if (keys.phone && r.phone) blocks["p" + std::to_string(r.phone)].push_back(i);
        if (keys.email && r.email) blocks["e" + std::to_string(r.email)].push_back(i);
        if (keys.street && r.street) blocks["s" + std::to_string(r.street)].push_back(i);
        if (keys.name && r.name) blocks["n" + std::to_string(r.name)].push_back(i);
        std::vector<NameToken> tokens(index.tokens.begin() + r.first_token,
                                      index.tokens.begin() + r.first_token + r.token_count);
        std::sort(tokens.begin(), tokens.end(), [](const NameToken& x, const NameToken& y) {
            return x.weight != y.weight ? x.weight > y.weight : x.token < y.token;
        });
        for (std::size_t t = 0; t < tokens.size() && t < keys.name_words; ++t) {
            // Keys built by appending (GCC 12 warns, wrongly, of overlapping copies in "t" + string).
            std::string word_key = "t";
            word_key += std::to_string(tokens[t].token);
            blocks[word_key].push_back(i);
            const std::string text(index.text(tokens[t].token));
            if (keys.name_word_prefix > 0 && text.size() > keys.name_word_prefix) {
                std::string prefix_key = "x";
                prefix_key.append(text, 0, keys.name_word_prefix);
                blocks[prefix_key].push_back(i);
            }
        }
    }
    std::set<Pair> pairs;
    for (auto& [key, members] : blocks) {
        if (members.size() <= keys.pair_whole) {
            for (std::size_t x = 0; x < members.size(); ++x)
                for (std::size_t y = x + 1; y < members.size(); ++y)
                    if (members[x] != members[y]) pairs.insert(std::minmax(members[x], members[y]));
            continue;
        }
        std::sort(members.begin(), members.end(), [&](std::uint32_t x, std::uint32_t y) {
            const auto& a = index.text(index.records[x].name);
            const auto& b = index.text(index.records[y].name);
            return a != b ? a < b : x < y;
        });
        for (std::size_t x = 0; x < members.size(); ++x)
            for (std::size_t y = x + 1; y < members.size() && y <= x + keys.window; ++y)
                if (members[x] != members[y]) pairs.insert(std::minmax(members[x], members[y]));
    }
    return {pairs.begin(), pairs.end()};
}

TEST(RegisterCandidates, FastPairsAreExactlyTheBlockingRulesPairs) {
    const auto index = generated(3000);
    std::vector<BlockingRules> settings(5);
    settings[1].pair_whole = 20;
    settings[2].phone = false;
    settings[2].street = false;
    settings[2].name_words = 1;
    settings[2].name_word_prefix = 0;
    settings[3].window = 3;
    settings[3].pair_whole = 50;
    settings[4].name_words = 3;
    settings[4].name_word_prefix = 5;
    settings[4].business_id = false;
    for (std::size_t s = 0; s < settings.size(); ++s) {
        const auto fast = candidate_pairs(index, settings[s]);
        const auto expected = reference_pairs(index, settings[s]);
        ASSERT_GT(expected.size(), s == 0 ? 20000u : 5000u) << "setting " << s;  // the defaults: two-thread paths too
        EXPECT_EQ(fast, expected) << "setting " << s;
    }
    // Fewer keys, fewer pairs: a unit that turns a key off compares less.
    BlockingRules fewer;
    fewer.phone = false;
    EXPECT_LT(candidate_pairs(index, fewer).size(), candidate_pairs(index, BlockingRules{}).size());
}

TEST(RegisterCandidates, EachRecordsNeighboursAreExactlyItsCandidatePairs) {
    const auto index = generated(3000);
    std::vector<BlockingRules> settings(3);
    settings[1].pair_whole = 20;  // many blocks sorted by name and paired in windows
    settings[2].window = 3;
    settings[2].pair_whole = 50;
    settings[2].name_words = 3;
    settings[2].name_word_prefix = 5;
    for (std::size_t s = 0; s < settings.size(); ++s) {
        std::vector<std::vector<std::uint32_t>> expected(index.size());
        for (auto [a, b] : candidate_pairs(index, settings[s])) {
            expected[a].push_back(b);
            expected[b].push_back(a);
        }
        CandidateNeighbours neighbours(index, settings[s]);
        std::vector<std::uint32_t> found;
        std::size_t mismatched = 0;
        for (std::uint32_t x = 0; x < index.size(); ++x) {
            std::sort(expected[x].begin(), expected[x].end());
            neighbours.of(x, found);
            mismatched += found != expected[x];
        }
        EXPECT_EQ(mismatched, 0u) << "setting " << s;
    }
}

TEST(RegisterCandidates, ClusteringIsTheSameRunAfterRun) {
    const auto index = generated(3000);
    const auto first = cluster_records(index, MatchRules{});
    for (int run = 0; run < 3; ++run) {
        const auto again = cluster_records(index, MatchRules{});
        EXPECT_EQ(again.cluster_of, first.cluster_of);
        EXPECT_EQ(again.linked_pairs, first.linked_pairs);
        EXPECT_EQ(again.review.size(), first.review.size());
    }
}

TEST(RecordIndexIntern, IdsFollowFirstUseAndSurviveGrowth) {
    RecordIndex index;
    std::vector<std::uint32_t> ids;
    for (int i = 0; i < 5000; ++i) ids.push_back(index.intern("value " + std::to_string(i)));
    for (int i = 0; i < 5000; ++i) {
        EXPECT_EQ(ids[i], static_cast<std::uint32_t>(i + 1));
        EXPECT_EQ(index.intern("value " + std::to_string(i)), ids[i]);
        EXPECT_EQ(index.text(ids[i]), "value " + std::to_string(i));
    }
    EXPECT_EQ(index.intern(""), no_value);
}

}  // namespace
