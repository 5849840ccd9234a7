// One word of a name standing for several words of the other: initials ("nlu" / "national louis
// university") and words written together ("depriest" / "de priest", "kotipalvelu" / "koti palvelu").
#pragma once

#include <cstdint>
#include <string_view>

#include "register/index/record_index.hpp"

namespace jobcenter::register_plugin {

// The words of the other name that one word stands for: a mask over its tokens (by their place in its
// token list) and how alike the two are (0: no run).
struct NameRun {
    std::uint64_t tokens = 0;
    double similarity = 0;
};

// How much a word counts against the run it stands for, as against an identical word (1.0).
constexpr double initials_similarity = 0.8;
constexpr double written_together_similarity = 0.9;

// The word `word` against runs of consecutive words of the other name (`other_name`, its key's value id) whose
// tokens (`other`, `other_count` of them) are not in `used`: three to five letters that are the initials of
// as many words, or five letters or more that are two words written together. Most pairs are ruled out by
// the tokens' first letters, before any text is read.
NameRun match_name_run(const RecordIndex& index, const NameToken& word, std::uint32_t other_name,
                       const NameToken* other, std::uint32_t other_count, std::uint64_t used);

}  // namespace jobcenter::register_plugin
