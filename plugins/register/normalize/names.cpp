// Normalising an organisation's name into its matching key: folded words without the legal form, and the
// City of Helsinki's names read into the City and its division.
#include "register/normalize/normalize.hpp"

#include <algorithm>

#include "register/normalize/city_of_helsinki.hpp"
#include "register/normalize/key_text.hpp"
#include "register/normalize/legal_forms.hpp"
#include "register/normalize/text_fold.hpp"

namespace jobcenter::register_plugin {

NormalizedName normalize_name(std::string_view raw) {
    NormalizedName name;
    std::string folded = fold_key(raw);
    std::vector<std::string_view> all;
    all.reserve(16);
    split_tokens(folded, all);
    key_text::Words words(all);
    std::vector<std::string_view> without_inner_forms;
    if (!words.empty()) {
        name.legal_form = legal_forms::strip(words, without_inner_forms);
        if (words.size() > 1 && words.front() == "the") words = words.subspan(1);
        if (!name.legal_form.empty() || !city_of_helsinki::read_name(words, name)) name.key = key_text::join(words);
    }
    for (std::size_t start = 0; start < name.key.size();) {
        std::size_t end = std::min(name.key.find(' ', start), name.key.size());
        name.tokens.emplace_back(name.key, start, end - start);
        start = end + 1;
    }
    return name;
}

}  // namespace jobcenter::register_plugin
