// Matching one word of a name with a run of the other's words: initials and words written together.
#include "register/scoring/name_runs.hpp"

#include <array>

namespace jobcenter::register_plugin {
namespace {

constexpr std::size_t most_words = 16;  // a name's words read for runs; names rarely have more

struct KeyWords {
    std::array<std::string_view, most_words> word;
    std::size_t count = 0;
};

KeyWords words_of(std::string_view key) {
    KeyWords out;
    for (std::size_t start = 0; start < key.size() && out.count < most_words;) {
        std::size_t end = key.find(' ', start);
        if (end == std::string_view::npos) end = key.size();
        if (end > start) out.word[out.count++] = key.substr(start, end - start);
        start = end + 1;
    }
    return out;
}

bool has_digit(std::string_view word) {
    for (char c : word)
        if (c >= '0' && c <= '9') return true;
    return false;
}

bool is_used(std::uint64_t used, std::uint32_t j) { return j >= 64 || (used >> j & 1) != 0; }

}  // namespace

NameRun match_name_run(const RecordIndex& index, const NameToken& word_token, std::uint32_t other_name,
                       const NameToken* other, std::uint32_t other_count, std::uint64_t used) {
    const std::size_t length = word_token.length;
    const bool initials_fit = length >= 3 && length <= 5, together_fits = length >= 5;
    if (other_count < 2 || (!initials_fit && !together_fits)) return {};
    // Words written together need a free word of the other name with their first two letters; initials as
    // many free words as letters, one starting with each of the first two.
    std::uint32_t free_words = 0;
    bool same_first = false, same_two = false, second_letter = false;
    for (std::uint32_t j = 0; j < other_count; ++j) {
        if (is_used(used, j)) continue;
        ++free_words;
        const bool first = other[j].head[0] == word_token.head[0];
        same_first = same_first || first;
        same_two = same_two || (first && other[j].head[1] == word_token.head[1]);
        second_letter = second_letter || other[j].head[0] == word_token.head[1];
    }
    const bool initials = initials_fit && same_first && second_letter && free_words >= length;
    const bool together = together_fits && same_two && free_words >= 2;
    if (!initials && !together) return {};
    const std::string_view word = index.text(word_token.token);

    const KeyWords words = words_of(index.text(other_name));
    // The free token of the other name spelt `w`, as a bit of the mask (0: none).
    auto token_bit = [&](std::string_view w) -> std::uint64_t {
        for (std::uint32_t j = 0; j < other_count; ++j)
            if (!is_used(used, j) && index.text(other[j].token) == w) return std::uint64_t{1} << j;
        return 0;
    };
    auto run_mask = [&](std::size_t start, std::size_t words_in_run) -> std::uint64_t {
        std::uint64_t mask = 0;
        for (std::size_t k = start; k < start + words_in_run; ++k) {
            const std::uint64_t bit = token_bit(words.word[k]);
            if (bit == 0) return 0;
            mask |= bit;
        }
        return mask;
    };
    if (initials && !has_digit(word)) {
        for (std::size_t start = 0; start + word.size() <= words.count; ++start) {
            bool all = true;
            for (std::size_t k = 0; k < word.size() && all; ++k) all = words.word[start + k][0] == word[k];
            if (!all) continue;
            if (const std::uint64_t mask = run_mask(start, word.size()); mask != 0) return {mask, initials_similarity};
        }
    }
    if (together) {
        for (std::size_t start = 0; start + 2 <= words.count; ++start) {
            const std::string_view first = words.word[start], second = words.word[start + 1];
            if (first.size() < 2 || second.size() < 2 || first.size() + second.size() != word.size()) continue;
            if (!word.starts_with(first) || !word.ends_with(second)) continue;
            if (const std::uint64_t mask = run_mask(start, 2); mask != 0) return {mask, written_together_similarity};
        }
    }
    return {};
}

}  // namespace jobcenter::register_plugin
