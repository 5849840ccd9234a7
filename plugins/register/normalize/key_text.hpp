// Small helpers the normalisers share: ASCII character classes, trimming, joining folded words, and
// building lookup tables from word lists.
#pragma once

#include <algorithm>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace jobcenter::register_plugin::key_text {

// The words of a folded key, as views into it.
using Words = std::span<const std::string_view>;

// One entry of a word list that maps a written (folded) form to what it stands for: {"hki", "helsinki"}.
using WordMapping = std::pair<std::string_view, std::string_view>;
using WordMap = std::unordered_map<std::string_view, std::string_view>;
using WordSet = std::unordered_set<std::string_view>;

inline bool is_digit(char c) { return c >= '0' && c <= '9'; }

// An ASCII lowercase letter or a byte of a non-ASCII character (folded text has no uppercase ASCII).
inline bool is_letter(char c) { return (c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80; }

inline bool all_digits(std::string_view s) { return !s.empty() && std::all_of(s.begin(), s.end(), is_digit); }

inline std::string_view trim(std::string_view s) {
    auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; };
    while (!s.empty() && space(s.front())) s.remove_prefix(1);
    while (!s.empty() && space(s.back())) s.remove_suffix(1);
    return s;
}

inline void append_words(std::string& out, Words words) {
    for (auto w : words) {
        if (!out.empty()) out += ' ';
        out += w;
    }
}

inline std::string join(Words words) {
    std::string out;
    append_words(out, words);
    return out;
}

// True when `word` is one of the short list `words` (for lists too small to need a hash set).
inline bool is_one_of(std::span<const std::string_view> words, std::string_view word) {
    return std::find(words.begin(), words.end(), word) != words.end();
}

inline WordMap word_map(std::span<const WordMapping> list) { return WordMap(list.begin(), list.end()); }
inline WordSet word_set(std::span<const std::string_view> list) { return WordSet(list.begin(), list.end()); }

}  // namespace jobcenter::register_plugin::key_text
