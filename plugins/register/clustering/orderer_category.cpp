// Inferring an orderer's category from its source records' names and legal forms (orderer_category.hpp).
#include "register/clustering/orderer_category.hpp"

#include <algorithm>

namespace jobcenter::register_plugin {
namespace {

// Legal form families (normalize.hpp's NormalizedName::legal_form) of associations and foundations; every
// other family is a company's.
constexpr std::string_view association_form = "ry";
constexpr std::string_view foundation_form = "saatio";

// Folded words, or the ends of compound words, that say what a name is when no legal form does.
constexpr std::array<std::string_view, 3> parish_word_ends{"seurakunta", "seurakuntayhtyma", "forsamling"};
constexpr std::array<std::string_view, 2> association_word_ends{"yhdistys", "forening"};
constexpr std::array<std::string_view, 2> foundation_word_ends{"saatio", "stiftelse"};

// Whether a word of `name_key` is, or ends in, one of `ends`.
template <std::size_t N>
bool has_word_ending(std::string_view name_key, const std::array<std::string_view, N>& ends) {
    for (std::size_t start = 0; start < name_key.size();) {
        std::size_t stop = name_key.find(' ', start);
        if (stop == std::string_view::npos) stop = name_key.size();
        const std::string_view word = name_key.substr(start, stop - start);
        for (auto end : ends)
            if (word.ends_with(end)) return true;
        start = stop + 1;
    }
    return false;
}

}  // namespace

std::optional<OrdererCategory> category_named(std::string_view name) {
    for (std::size_t c = 0; c < orderer_category_names.size(); ++c)
        if (orderer_category_names[c] == name) return static_cast<OrdererCategory>(c);
    return std::nullopt;
}

OrdererCategory record_category(std::string_view name_key, std::string_view legal_form, bool city_of_helsinki) {
    if (city_of_helsinki) return OrdererCategory::city;
    if (has_word_ending(name_key, parish_word_ends)) return OrdererCategory::parish;
    if (legal_form == association_form) return OrdererCategory::association;
    if (legal_form == foundation_form) return OrdererCategory::foundation;
    if (!legal_form.empty()) return OrdererCategory::company;
    if (has_word_ending(name_key, association_word_ends)) return OrdererCategory::association;
    if (has_word_ending(name_key, foundation_word_ends)) return OrdererCategory::foundation;
    return OrdererCategory::unknown;
}

OrdererCategory inferred_category(std::span<const OrdererCategory> records) {
    std::array<std::size_t, orderer_category_names.size()> counts{};
    for (auto c : records) ++counts[static_cast<std::size_t>(c)];
    counts[static_cast<std::size_t>(OrdererCategory::unknown)] = 0;
    // max_element keeps the first of equal counts: ties go to the earlier category.
    const auto best = std::max_element(counts.begin(), counts.end());
    if (*best == 0) return OrdererCategory::unknown;
    return static_cast<OrdererCategory>(best - counts.begin());
}

}  // namespace jobcenter::register_plugin
