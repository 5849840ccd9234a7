// Legal forms in organisation names: the word lists per language and position, and the rules that strip
// them from the ends of a name and from inside it. To add a form, add a row to one of the tables.
#include "register/normalize/legal_forms.hpp"

#include <algorithm>

#include "register/normalize/phrases.hpp"

namespace jobcenter::register_plugin::legal_forms {
namespace {

using key_text::WordMapping;
using key_text::Words;

// --- word lists: {folded words as written, family} ----------------------------------------------------------

// Finnish and Swedish forms, written before or after the name ("Oy Esimerkki Ab"). Words are folded:
// "r.y." is "r y", "T:mi" is "t mi", "Osakeyhtiö" is "osakeyhtio".
constexpr WordMapping before_or_after_name[] = {
    {"oy", "oy"}, {"osakeyhtio", "oy"}, {"ab", "oy"}, {"aktiebolag", "oy"}, {"oy ab", "oy"}, {"ab oy", "oy"},
    {"oyj", "oyj"}, {"abp", "oyj"}, {"oyj abp", "oyj"}, {"julkinen osakeyhtio", "oyj"},
    {"as oy", "asoy"}, {"asoy", "asoy"}, {"asunto oy", "asoy"}, {"asunto osakeyhtio", "asoy"},
    {"asuntoosakeyhtio", "asoy"}, {"bostads ab", "asoy"}, {"bostadsaktiebolag", "asoy"},
    {"kiinteisto oy", "koy"}, {"koy", "koy"}, {"kiinteisto osakeyhtio", "koy"}, {"kiinteistoosakeyhtio", "koy"},
    {"fastighets ab", "koy"}, {"fastighetsaktiebolag", "koy"},
    {"ky", "ky"}, {"kommandiittiyhtio", "ky"}, {"kb", "ky"}, {"kommanditbolag", "ky"},
    {"ay", "ay"}, {"avoin yhtio", "ay"}, {"oppet bolag", "ay"},
    {"tmi", "tmi"}, {"t mi", "tmi"}, {"toiminimi", "tmi"},
    {"osuuskunta", "osk"}, {"osk", "osk"}, {"andelslag", "osk"}, {"andelslaget", "osk"},
    {"sia", "sia"}, {"uab", "uab"},
    {"nv", "nv"}, {"n v", "nv"},  // Dutch "N.V. Philips' Gloeilampenfabrieken" puts it first too
};

// Forms written only after the name: the other Finnish and Swedish ones and the foreign ones.
constexpr WordMapping after_name_only[] = {
    {"o y", "oy"}, {"oy ltd", "oy"}, {"ab ltd", "oy"}, {"oy ab ltd", "oy"}, {"oyj plc", "oyj"},
    {"ob", "ay"},
    {"ry", "ry"}, {"r y", "ry"}, {"rekisteroity yhdistys", "ry"}, {"rf", "ry"}, {"r f", "ry"},
    {"registrerad forening", "ry"},
    {"sr", "saatio"}, {"s r", "saatio"}, {"saatio", "saatio"}, {"saatio sr", "saatio"}, {"stiftelse", "saatio"},
    {"stiftelsen", "saatio"}, {"anl", "osk"},
    {"ltd", "ltd"}, {"limited", "ltd"}, {"co ltd", "ltd"}, {"company limited", "ltd"}, {"pty ltd", "ltd"},
    {"pvt ltd", "ltd"}, {"plc", "plc"}, {"llp", "llp"}, {"l l p", "llp"},
    {"inc", "inc"}, {"incorporated", "inc"}, {"co inc", "inc"},
    {"corp", "corp"}, {"corporation", "corp"},
    {"co", "co"}, {"company", "co"}, {"and co", "co"}, {"and company", "co"}, {"ja kumpp", "co"},
    {"llc", "llc"}, {"l l c", "llc"}, {"lp", "lp"}, {"l p", "lp"},
    {"gmbh", "gmbh"}, {"gmbh co kg", "gmbh"}, {"ag", "ag"}, {"kg", "kg"},
    {"sa", "sa"}, {"s a", "sa"}, {"sarl", "sarl"}, {"s a r l", "sarl"},
    {"bv", "bv"}, {"b v", "bv"},
    {"as", "as"}, {"a s", "as"}, {"asa", "as"}, {"aps", "aps"}, {"ou", "ou"},
};

// Legal forms that are never ordinary words, so they also go when a branch or a place follows them
// ("Lidl Suomi Ky, Kannelmäki", "DSM N.V., Heerlen", "Hitachi Global Storage Technologies, Inc.
// Netherlands B.V."). Short ones that are also words or initials (as, ag, co, sa) are not here.
constexpr WordMapping inside_name[] = {
    {"oy", "oy"}, {"osakeyhtio", "oy"}, {"oyj", "oyj"}, {"abp", "oyj"}, {"asoy", "asoy"}, {"koy", "koy"},
    {"ky", "ky"}, {"kommandiittiyhtio", "ky"}, {"tmi", "tmi"}, {"toiminimi", "tmi"}, {"ry", "ry"},
    {"nv", "nv"}, {"bv", "bv"}, {"inc", "inc"}, {"ltd", "ltd"}, {"plc", "plc"}, {"gmbh", "gmbh"}, {"llc", "llc"}};

// --- lookup -------------------------------------------------------------------------------------------------

enum class Position { prefix_or_suffix, suffix_only };

struct LegalForm {
    phrases::Phrase phrase;
    std::string_view family;
    Position position;
};

const phrases::PhraseTable<LegalForm>& legal_forms() {
    static const phrases::PhraseTable<LegalForm> table = [] {
        std::vector<LegalForm> entries;
        for (auto [words, family] : before_or_after_name)
            entries.push_back({phrases::phrase(words), family, Position::prefix_or_suffix});
        for (auto [words, family] : after_name_only)
            entries.push_back({phrases::phrase(words), family, Position::suffix_only});
        return phrases::PhraseTable<LegalForm>(std::move(entries));
    }();
    return table;
}

// Removes one legal form from the end, or else from the start, of `words`, never the last word left.
// Returns the family found, or "".
std::string_view strip_one(Words& words) {
    const auto& table = legal_forms();
    for (const LegalForm* form : table.ending(words.back())) {
        if (form->phrase.words.size() < words.size() && phrases::ends_with(words, form->phrase)) {
            words = words.first(words.size() - form->phrase.words.size());
            return form->family;
        }
    }
    for (const LegalForm* form : table.starting(words.front())) {
        if (form->position == Position::prefix_or_suffix && form->phrase.words.size() < words.size() &&
            phrases::starts_with(words, form->phrase)) {
            words = words.subspan(form->phrase.words.size());
            return form->family;
        }
    }
    return {};
}

// The family of a form that may stand inside a name, or "".
std::string_view interior_form(std::string_view word) {
    static const key_text::WordMap forms = key_text::word_map(inside_name);
    auto it = forms.find(word);
    return it == forms.end() ? std::string_view() : it->second;
}

// "n v" and "b v" inside a name: the initials of N.V. and B.V. (one-letter words are no name's words).
std::string_view interior_initials_form(std::string_view first, std::string_view second) {
    if (second != "v") return {};
    if (first == "n") return "nv";
    if (first == "b") return "bv";
    return {};
}

}  // namespace

std::string_view strip(Words& words, std::vector<std::string_view>& storage) {
    std::string_view first;
    for (int round = 0; round < 3 && words.size() > 1; ++round) {
        auto family = strip_one(words);
        if (family.empty()) break;
        if (first.empty()) first = family;
    }
    if (words.size() < 3) return first;
    auto inside = words.subspan(1, words.size() - 2);
    bool any = std::any_of(inside.begin(), inside.end(), [](std::string_view w) { return !interior_form(w).empty(); });
    for (std::size_t i = 1; i + 2 < words.size() && !any; ++i) any = !interior_initials_form(words[i], words[i + 1]).empty();
    if (!any) return first;
    storage.assign(1, words.front());
    for (std::size_t i = 1; i + 1 < words.size(); ++i) {
        auto family = interior_form(words[i]);
        if (family.empty() && i + 2 < words.size()) {
            family = interior_initials_form(words[i], words[i + 1]);
            if (!family.empty()) ++i;
        }
        if (family.empty()) {
            bool ab_of_oy_ab = words[i] == "ab" && interior_form(words[i - 1]) == "oy";
            if (!ab_of_oy_ab) storage.push_back(words[i]);
            continue;
        }
        if (first.empty()) first = family;
    }
    storage.push_back(words.back());
    words = Words(storage);
    return first;
}

}  // namespace jobcenter::register_plugin::legal_forms
