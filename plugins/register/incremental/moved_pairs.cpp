// Finding the records whose pairs the changes since the last dedupe run may have moved (see moved_pairs.hpp).
#include "register/incremental/moved_pairs.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <future>
#include <map>
#include <optional>
#include <unordered_map>

#include "register/clustering/clustering.hpp"
#include "register/index/count_steps.hpp"

namespace jobcenter::register_plugin {
class MovedPairFinder {
public:
    MovedPairFinder(const RecordIndex& index, const MatchRules& rules, const RegisterChanges& changes)
        : index_(index), rules_(rules), changes_(changes), added_or_replaced_(index.size(), 0),
          weighs_differently_(index.size(), 0) {
        for (auto p : changes.added) added_or_replaced_[p] = 1;
        for (const auto& r : changes.replaced) added_or_replaced_[r.position] = 1;
        moved_ = added_or_replaced_;
    }

    // The other thread may still be comparing shared values (when finish() was never reached): it writes
    // members, so it is waited for before they go.
    ~MovedPairFinder() {
        if (sharing_.valid()) sharing_.wait();
    }

    // What needs no blocks: the words counted, then the shared values compared on another thread.
    void start() {
        count_word_changes();
        mark_records_with_counted_words();
        moved_by_sharing_.assign(index_.size(), 0);
        sharing_ = std::async(std::launch::async, [this] { mark_values_sharing_differently(); });
    }

    // The blocks compared here, the shared values waited for.
    std::vector<std::uint32_t> finish(CandidateNeighbours& candidates) {
        candidates_ = &candidates;
        mark_shifted_blocks();
        sharing_.get();
        std::vector<std::uint32_t> out;
        for (std::uint32_t i = 0; i < moved_.size(); ++i)
            if (moved_[i] || moved_by_sharing_[i]) out.push_back(i);
        return out;
    }

private:
    const RecordIndex& index_;
    const MatchRules& rules_;
    CandidateNeighbours* candidates_ = nullptr;
    const RegisterChanges& changes_;
    std::future<void> sharing_;
    std::vector<char> moved_;
    std::vector<char> moved_by_sharing_;  // marked by mark_values_sharing_differently, on its own thread
    std::vector<char> added_or_replaced_;
    // Records that have each word now, less those that had it at the last run (words of added and changed
    // records only).
    std::unordered_map<std::string_view, std::int64_t> word_gain_;
    std::vector<char> word_counted_;  // by value id: 1, a word whose count changed; 2, whose step changed too
    // Records (neither added nor changed) that blocking chooses other words of now, and those with a word in
    // another step (their names weigh differently).
    std::vector<std::uint32_t> rechosen_records_, stepped_records_;
    std::vector<std::int32_t> gain_by_id_;  // word_gain_ by value id (words no record has now left out)
    std::vector<char> weighs_differently_;  // by record: its name has a word in another step

    std::uint64_t records_now(std::string_view word) const {
        const std::uint32_t id = index_.lookup(word);
        return id == no_value ? 0 : index_.records_with_token(id);
    }
    // Records that had the word at the last run.
    std::uint64_t records_then(std::uint32_t word) const {
        return static_cast<std::uint64_t>(static_cast<std::int64_t>(index_.records_with_token(word)) - gain_by_id_[word]);
    }
    std::uint64_t records_then(std::string_view word) const {
        auto it = word_gain_.find(word);
        const std::int64_t gain = it == word_gain_.end() ? 0 : it->second;
        return static_cast<std::uint64_t>(static_cast<std::int64_t>(records_now(word)) - gain);
    }

    void count_word_changes() {
        auto words_now = [&](std::uint32_t p) {
            const auto& r = index_.records[p];
            for (std::uint32_t t = r.first_token; t < r.first_token + r.token_count; ++t) ++word_gain_[index_.text(index_.tokens[t].token)];
        };
        for (auto p : changes_.added) words_now(p);
        for (const auto& r : changes_.replaced) {
            words_now(r.position);
            for (auto word : name_key_words(r.name_key)) --word_gain_[word];
        }
        word_counted_.assign(index_.value_count(), 0);
        gain_by_id_.assign(index_.value_count(), 0);
        for (const auto& [word, gain] : word_gain_) {
            const std::uint32_t id = index_.lookup(word);
            if (gain == 0 || id == no_value) continue;
            gain_by_id_[id] = static_cast<std::int32_t>(gain);
            word_counted_[id] = count_step(index_.records_with_token(id)) != count_step(records_then(word)) ? 2 : 1;
        }
    }

    // A word that crossed a step weighs differently in every name that has it.
    void mark_records_with_counted_words() {
        for (std::uint32_t i = 0; i < index_.size(); ++i) {
            const auto& r = index_.records[i];
            char counted = 0;
            for (std::uint32_t t = r.first_token; t < r.first_token + r.token_count; ++t)
                counted = std::max(counted, word_counted_[index_.tokens[t].token]);
            if (counted == 2) weighs_differently_[i] = 1;
            if (added_or_replaced_[i]) continue;
            if (counted && chooses_other_words(r)) rechosen_records_.push_back(i);
            if (counted == 2) {
                stepped_records_.push_back(i);
                moved_[i] = 1;
            }
        }
    }

    // Whether blocking chooses other words of this name than it did at the last run (its rarest by count).
    bool chooses_other_words(const IndexedRecord& r) {
        const std::size_t chosen = rules_.blocking.name_words;
        if (r.token_count <= chosen) return false;  // every word, both times
        auto choose = [&](bool then, std::vector<std::uint32_t>& out) {
            name_word_choices(index_, r, choice_);
            if (then)
                for (auto& w : choice_) w.records = records_then(w.token);
            std::partial_sort(choice_.begin(), choice_.begin() + static_cast<std::ptrdiff_t>(chosen), choice_.end(),
                              [this](const NameWordChoice& x, const NameWordChoice& y) { return rarer_word(index_, x, y); });
            out.clear();
            for (std::size_t w = 0; w < chosen; ++w) out.push_back(choice_[w].token);
            std::sort(out.begin(), out.end());
        };
        choose(false, chosen_now_);
        choose(true, chosen_then_);
        return chosen_now_ != chosen_then_;
    }
    std::vector<NameWordChoice> choice_;
    std::vector<std::uint32_t> chosen_now_, chosen_then_;

    // The blocks that records joined or left since the last run, with who did.
    struct BlockChange {
        std::vector<std::uint32_t> joined;
        std::vector<std::pair<std::string_view, std::uint32_t>> left;  // name key then, position
    };

    void keys_now(std::uint32_t p, std::vector<NameWordChoice>& words, std::vector<BlockingKey>& out) const {
        name_word_choices(index_, index_.records[p], words);
        blocking_keys(index_, rules_.blocking, blocking_fields(index_.records[p]), words, out);
    }

    void mark_shifted_blocks() {
        std::map<BlockingKey, BlockChange> changes;
        std::vector<NameWordChoice> words;
        std::vector<BlockingKey> now, then;
        for (auto p : changes_.added) {
            keys_now(p, words, now);
            for (const auto& key : now) changes[key].joined.push_back(p);
        }
        for (const auto& r : changes_.replaced) {
            keys_now(r.position, words, now);
            for (const auto& key : now) changes[key].joined.push_back(r.position);
            BlockingFields fields;
            fields.city_of_helsinki = r.city_of_helsinki;
            fields.department = index_.lookup(r.department_key);
            fields.business_id = index_.lookup(r.business_id);
            fields.phone = index_.lookup(r.phone);
            fields.email = index_.lookup(r.email);
            fields.street = index_.lookup(r.street_key);
            fields.name = index_.lookup(r.name_key);
            words.clear();
            for (auto word : name_key_words(r.name_key)) words.push_back(name_word_choice(records_then(word), word, index_.lookup(word)));
            blocking_keys(index_, rules_.blocking, fields, words, then);
            for (const auto& key : then) changes[key].left.emplace_back(r.name_key, r.position);
        }
        // A record whose words are counted differently may block on other words (only its word keys can
        // differ): its pairs then differ, and those of the blocks it joined or left.
        for (auto p : rechosen_records_) {
            keys_now(p, words, now);
            name_word_choices(index_, index_.records[p], words);
            for (auto& w : words) w.records = records_then(w.token);
            blocking_keys(index_, rules_.blocking, blocking_fields(index_.records[p]), words, then);
            std::sort(now.begin(), now.end());
            std::sort(then.begin(), then.end());
            if (now == then) continue;
            moved_[p] = 1;
            std::vector<BlockingKey> gained, lost;
            std::set_difference(now.begin(), now.end(), then.begin(), then.end(), std::back_inserter(gained));
            std::set_difference(then.begin(), then.end(), now.begin(), now.end(), std::back_inserter(lost));
            for (const auto& key : gained) changes[key].joined.push_back(p);
            for (const auto& key : lost) changes[key].left.emplace_back(index_.text(index_.records[p].name), p);
        }
        for (const auto& [key, change] : changes) mark_shifted(key, change);
    }

    // Pairs between two records that stayed in a block (neither joined nor left it) are compared as the block
    // pairs them now and as it paired them then: all pairs of a block up to the size paired whole, otherwise
    // each record with its `window` nearest by name, where a pair's distance by name changed only if a record
    // that joined or left lies between the two.
    void mark_shifted(const BlockingKey& key, const BlockChange& change) {
        const std::vector<std::uint32_t>& block = candidates_->block(key);
        const std::size_t size_now = block.size();
        const std::size_t size_then = size_now - change.joined.size() + change.left.size();
        const bool whole_now = candidates_->paired_whole(size_now), whole_then = candidates_->paired_whole(size_then);
        if (whole_now && whole_then) return;
        const auto& rank = candidates_->name_rank();
        auto by_rank = [&rank](std::uint32_t x, std::uint32_t y) { return rank[x] < rank[y]; };
        // The members in name order (a block paired by window is kept so; one paired whole is by position).
        std::vector<std::uint32_t> sorted;
        if (whole_now) {
            sorted = block;
            std::sort(sorted.begin(), sorted.end(), by_rank);
        }
        const std::vector<std::uint32_t>& members = whole_now ? sorted : block;
        // The places of the records that joined; the members at the other places stayed, and are numbered
        // in name order (their order then too). A leaver falls where its name (then) and position sort it.
        std::vector<std::size_t> joined_places;
        for (auto p : change.joined) {
            const auto [first, last] = std::equal_range(members.begin(), members.end(), p, by_rank);
            for (auto it = first; it != last; ++it) joined_places.push_back(static_cast<std::size_t>(it - members.begin()));
        }
        std::sort(joined_places.begin(), joined_places.end());
        joined_places.erase(std::unique(joined_places.begin(), joined_places.end()), joined_places.end());
        auto stayers_before = [&](std::size_t place) {
            return place - static_cast<std::size_t>(std::lower_bound(joined_places.begin(), joined_places.end(), place) - joined_places.begin());
        };
        auto place_of_stayer = [&](std::size_t stayer) {  // the place p with stayers_before(p) == stayer, not joined
            std::size_t place = stayer;
            for (;;) {
                const std::size_t next = stayer + static_cast<std::size_t>(
                    std::upper_bound(joined_places.begin(), joined_places.end(), place) - joined_places.begin());
                if (next == place) return place;
                place = next;
            }
        };
        std::vector<std::size_t> leaver_before;  // stayer numbers the leavers fall before, ascending
        for (const auto& [name, p] : change.left) {
            auto before = [&](std::uint32_t member, const std::pair<std::string_view, std::uint32_t>& probe) {
                const std::string_view member_name = index_.text(index_.records[member].name);
                return member_name != probe.first ? member_name < probe.first : member < probe.second;
            };
            const auto at = std::lower_bound(members.begin(), members.end(), std::pair(name, p), before);
            leaver_before.push_back(stayers_before(static_cast<std::size_t>(at - members.begin())));
        }
        std::sort(leaver_before.begin(), leaver_before.end());
        auto leavers_up_to = [&](std::size_t stayer) {  // leavers placed before stayers 0..stayer
            return static_cast<std::size_t>(std::upper_bound(leaver_before.begin(), leaver_before.end(), stayer) - leaver_before.begin());
        };
        const std::size_t window = candidates_->window(), stayers = size_now - joined_places.size();
        auto compare = [&](std::size_t i, std::size_t j) {
            const std::size_t place_i = place_of_stayer(i), place_j = place_of_stayer(j);
            const bool in_now = whole_now || place_j - place_i <= window;
            const bool in_then = whole_then || (j - i) + leavers_up_to(j) - leavers_up_to(i) <= window;
            if (in_now != in_then) pair_moved(members[place_i], members[place_j]);
        };
        if (whole_now || whole_then) {  // at most pair_whole stayers
            for (std::size_t i = 0; i < stayers; ++i)
                for (std::size_t j = i + 1; j < stayers; ++j) compare(i, j);
            return;
        }
        // Where a change falls among the stayers: a pair of stayers i < b <= j at most `window` apart can have
        // moved (more apart, they are out of the window both times).
        std::vector<std::size_t> boundaries(leaver_before);
        for (auto place : joined_places) boundaries.push_back(stayers_before(place));
        std::sort(boundaries.begin(), boundaries.end());
        boundaries.erase(std::unique(boundaries.begin(), boundaries.end()), boundaries.end());
        for (std::size_t b : boundaries)
            for (std::size_t i = b > window ? b - window : 0; i < b; ++i)
                for (std::size_t j = b; j < stayers && j <= i + window; ++j) compare(i, j);
    }

    // A pair of records the blocks compare now and did not then, or the other way. It takes part in clustering
    // only if it scores at least the review score (it is linked or reviewed), or if the clusters of its two
    // records are large enough to be compared by their candidate pairs only (clusters only grow as a run
    // joins them, so the records' current orderers bound them); otherwise its score is computed when needed,
    // candidate or not. Records already found need no look.
    void pair_moved(std::uint32_t x, std::uint32_t y) {
        if (x == y || (moved_[x] && moved_[y])) return;
        if (orderer_size_.empty()) {
            std::unordered_map<std::int64_t, std::uint32_t> sizes;
            for (const auto& r : index_.records) ++sizes[r.orderer_id];
            orderer_size_.resize(index_.size());
            for (std::size_t i = 0; i < index_.size(); ++i)
                orderer_size_[i] = index_.records[i].orderer_id == 0 ? 1 : sizes[index_.records[i].orderer_id];
        }
        const bool compared_by_candidates = std::size_t{orderer_size_[x]} * orderer_size_[y] > all_pairs_compared_up_to;
        if (compared_by_candidates || score_pair(index_, index_.records[x], index_.records[y], rules_).score >= rules_.review_score) {
            moved_[x] = 1;
            moved_[y] = 1;
        }
    }
    std::vector<std::uint32_t> orderer_size_;  // by record: records of its current orderer

    // How many distinct names share a value counts against agreeing on it. It changes when records with the
    // value came, went or changed name, and (for a value few enough names share that their spellings are
    // grouped) when the words of those names weigh differently. For a value more names share, the count is
    // of names and weighs in steps: it moved only if its step did.
    void mark_values_sharing_differently() {
        std::vector<char> candidate(index_.value_count(), 0);
        auto consider = [&candidate](std::uint32_t v) {
            if (v != no_value) candidate[v] = 1;
        };
        // Each changed record's values then (those still in the index; the others no record has now).
        std::vector<std::array<std::uint32_t, 5>> values_then(changes_.replaced.size());
        for (std::size_t k = 0; k < changes_.replaced.size(); ++k) {
            const auto& r = changes_.replaced[k];
            values_then[k] = {index_.lookup(r.business_id), index_.lookup(r.phone), index_.lookup(r.email),
                              r.email_free ? no_value : index_.lookup(email_domain_value(r.email)), index_.lookup(r.street_key)};
            for (auto v : values_then[k]) consider(v);
            for (auto v : shared_values(index_.records[r.position])) consider(v);
        }
        for (auto p : changes_.added)
            for (auto v : shared_values(index_.records[p])) consider(v);
        for (auto p : stepped_records_)
            for (auto v : shared_values(index_.records[p])) consider(v);

        // The records with each considered value now, grouped by value.
        std::vector<std::pair<std::uint32_t, std::uint32_t>> carriers;  // value, record
        for (std::uint32_t i = 0; i < index_.size(); ++i)
            for (auto v : shared_values(index_.records[i]))
                if (v != no_value && candidate[v]) carriers.emplace_back(v, i);
        std::sort(carriers.begin(), carriers.end());
        carriers.erase(std::unique(carriers.begin(), carriers.end()), carriers.end());
        // The changed records' names then, by value (as value ids; a name no record has now is unknown).
        constexpr std::uint32_t unknown_name = UINT32_MAX;
        std::vector<std::pair<std::uint32_t, std::uint32_t>> names_then_of_changed;
        for (std::size_t k = 0; k < changes_.replaced.size(); ++k) {
            const std::string& old_name = changes_.replaced[k].name_key;
            const std::uint32_t name = index_.lookup(old_name);
            for (auto v : values_then[k])
                if (v != no_value) names_then_of_changed.emplace_back(v, name == no_value && !old_name.empty() ? unknown_name : name);
        }
        std::sort(names_then_of_changed.begin(), names_then_of_changed.end());

        std::vector<std::uint32_t> names_now, names_then;
        const std::uint64_t size_step = register_size_step(index_.size());
        // Distinct names sharing a value at the last run, spellings of one name counted once (as
        // RecordIndex counts them), with each name's words weighed as they were then.
        std::vector<NameToken> tokens_then;
        auto families_then = [&](const std::vector<std::uint32_t>& names, std::size_t start, std::size_t end,
                                 const std::vector<std::pair<std::uint32_t, std::uint32_t>>& of) -> std::size_t {
            if (names.size() <= 1 || names.size() > names_grouped_by_spelling) return names.size();  // nothing to weigh
            std::vector<std::uint32_t> record_of(names.size(), UINT32_MAX);  // a record with each name
            for (std::size_t x = start; x < end; ++x) {
                const std::uint32_t record = of[x].second;
                const auto it = std::lower_bound(names.begin(), names.end(), index_.records[record].name);
                if (it != names.end() && *it == index_.records[record].name) {
                    auto& first = record_of[static_cast<std::size_t>(it - names.begin())];
                    first = std::min(first, record);
                }
            }
            tokens_then.clear();
            std::vector<WeighedName> weighed(names.size());
            std::vector<std::size_t> first_token(names.size());
            for (std::size_t k = 0; k < names.size(); ++k) {
                const auto& r = index_.records[record_of[k]];
                first_token[k] = tokens_then.size();
                double norm = 0;
                for (std::uint32_t t = r.first_token; t < r.first_token + r.token_count; ++t) {
                    NameToken token = index_.tokens[t];
                    token.weight = word_weight(size_step, records_then(token.token));
                    norm += double(token.weight) * token.weight;
                    tokens_then.push_back(token);
                }
                weighed[k] = {r.name, nullptr, r.token_count, static_cast<float>(std::sqrt(norm))};
            }
            for (std::size_t k = 0; k < names.size(); ++k) weighed[k].tokens = tokens_then.data() + first_token[k];
            return spelling_families(names.size(), [&](std::size_t x, std::size_t y) {
                return name_similarity(index_, weighed[x], weighed[y]) >= same_spelling_family;
            });
        };
        auto distinct = [](std::vector<std::uint32_t>& names) {
            std::sort(names.begin(), names.end());
            return static_cast<std::size_t>(std::unique(names.begin(), names.end()) - names.begin());
        };
        for (std::size_t start = 0; start < carriers.size();) {
            const std::uint32_t v = carriers[start].first;
            std::size_t end = start;
            names_now.clear();
            names_then.clear();
            bool weighs_differently = false;
            for (; end < carriers.size() && carriers[end].first == v; ++end) {
                const std::uint32_t record = carriers[end].second;
                const std::uint32_t name = index_.records[record].name;
                names_now.push_back(name);
                if (!added_or_replaced_[record]) names_then.push_back(name);
                weighs_differently = weighs_differently || weighs_differently_[record];
            }
            for (auto it = std::lower_bound(names_then_of_changed.begin(), names_then_of_changed.end(), std::pair(v, 0u));
                 it != names_then_of_changed.end() && it->first == v; ++it)
                names_then.push_back(it->second);
            names_now.resize(distinct(names_now));
            names_then.resize(distinct(names_then));
            // The count then, from the names then as they weighed then (a name no record has now, a changed
            // record's old one, cannot be weighed: its value is taken as moved).
            std::optional<std::size_t> then;
            if (names_then == names_now && !weighs_differently) then = index_.names_sharing(v);
            else if (std::includes(names_now.begin(), names_now.end(), names_then.begin(), names_then.end()))
                then = families_then(names_then, start, end, carriers);
            if (!then || count_step(*then) != count_step(index_.names_sharing(v)))
                for (std::size_t x = start; x < end; ++x) moved_by_sharing_[carriers[x].second] = 1;
            start = end;
        }
    }
};


MovedPairs::MovedPairs(const RecordIndex& index, const MatchRules& rules, const RegisterChanges& changes)
    : finder_(std::make_unique<MovedPairFinder>(index, rules, changes)) {
    finder_->start();
}

MovedPairs::~MovedPairs() = default;

std::vector<std::uint32_t> MovedPairs::records(CandidateNeighbours& candidates) { return finder_->finish(candidates); }

}  // namespace jobcenter::register_plugin
