// Phrases of a few folded words matched at the start or end of a name ("oy ab", "helsingin kaupunki"),
// and a table of them indexed by their first and last word.
#pragma once

#include <algorithm>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "register/normalize/key_text.hpp"
#include "register/normalize/text_fold.hpp"

namespace jobcenter::register_plugin::phrases {

using key_text::Words;

// A phrase of folded words, e.g. "oy ab" or "kasvatuksen ja koulutuksen toimiala".
struct Phrase {
    std::vector<std::string_view> words;
};

// The phrase of a word-list entry: its words split at spaces (views into `spaced`, which must outlive it).
inline Phrase phrase(std::string_view spaced) { return Phrase{split_tokens(spaced)}; }

// The last word may carry the Finnish genitive -n ("toimialan", "kaskon") when `genitive` is set.
inline bool word_matches(std::string_view word, std::string_view wanted, bool genitive) {
    if (word == wanted) return true;
    return genitive && word.size() == wanted.size() + 1 && word.back() == 'n' && word.substr(0, wanted.size()) == wanted;
}

inline bool starts_with(Words words, const Phrase& p, bool genitive = false) {
    if (words.size() < p.words.size()) return false;
    for (std::size_t i = 0; i < p.words.size(); ++i)
        if (!word_matches(words[i], p.words[i], genitive && i + 1 == p.words.size())) return false;
    return true;
}

inline bool ends_with(Words words, const Phrase& p) {
    if (words.size() < p.words.size()) return false;
    std::size_t offset = words.size() - p.words.size();
    for (std::size_t i = 0; i < p.words.size(); ++i)
        if (words[offset + i] != p.words[i]) return false;
    return true;
}

// A table of phrases indexed by their first and last word, longest phrase first, so "oy ab ltd" wins
// over "ltd". `Entry` has a member `Phrase phrase`.
template <typename Entry>
class PhraseTable {
public:
    PhraseTable(const PhraseTable&) = delete;  // the indexes point into entries_
    PhraseTable& operator=(const PhraseTable&) = delete;
    explicit PhraseTable(std::vector<Entry> entries) : entries_(std::move(entries)) {
        std::stable_sort(entries_.begin(), entries_.end(),
                         [](const Entry& a, const Entry& b) { return a.phrase.words.size() > b.phrase.words.size(); });
        for (const auto& e : entries_) {
            by_first_[e.phrase.words.front()].push_back(&e);
            by_last_[e.phrase.words.back()].push_back(&e);
        }
    }
    const std::vector<const Entry*>& starting(std::string_view word) const { return find(by_first_, word); }
    const std::vector<const Entry*>& ending(std::string_view word) const { return find(by_last_, word); }

private:
    using Index = std::unordered_map<std::string_view, std::vector<const Entry*>>;
    static const std::vector<const Entry*>& find(const Index& index, std::string_view word) {
        static const std::vector<const Entry*> none;
        auto it = index.find(word);
        return it == index.end() ? none : it->second;
    }
    std::vector<Entry> entries_;
    Index by_first_, by_last_;
};

}  // namespace jobcenter::register_plugin::phrases
