// The City of Helsinki and its divisions: the tables of the City's and each division's spellings, and the
// rules that find them at the start or end of a name. To add a spelling, add a row to one of the tables.
#include "register/normalize/city_of_helsinki.hpp"

#include "register/normalize/phrases.hpp"

namespace jobcenter::register_plugin::city_of_helsinki {
namespace {

using key_text::Words;

// --- word lists (folded words) ------------------------------------------------------------------------------

struct CitySpelling {
    std::string_view words;
    bool suffix_ok;  // nominative forms may also end a name ("Kasko, Helsingin kaupunki")
};

constexpr CitySpelling city_spellings[] = {
    {"helsingin kaupunki", true}, {"helsingin kaupungin", false}, {"helsingin kaup", true},
    {"hgin kaupunki", true}, {"hgin kaupungin", false}, {"hgin kaup", true},
    {"hki n kaupunki", true}, {"hki n kaupungin", false}, {"hkin kaupunki", true}, {"hkin kaupungin", false},
    {"hki kaupunki", true}, {"hki", true}, {"helsingfors stad", true}, {"helsingfors stads", false},
    {"city of helsinki", true}, {"helsinki city", true}, {"helsingin kaupunkikonserni", true},
};

// Words that name the City only before a division ("Helsingin kaupunginkanslia").
constexpr std::string_view city_words_before_division[] = {"helsingin", "helsingfors", "helsinki", "hgin"};

// How a division's spelling identifies the City when the name does not say "Helsingin kaupunki".
enum class Alone {
    no,        // only after a city alias ("Hki, kanslia")
    whole,     // when it is the whole name ("Kuva", "Sote"), since the word is also a common word
    at_start,  // also followed by a unit ("Kasko, hankintapalvelut")
};

struct DivisionSpelling {
    std::string_view words;
    std::string_view canonical;
    Alone alone;
};

constexpr DivisionSpelling division_spellings[] = {
    {"kaupunginkanslia", division::kanslia, Alone::at_start}, {"kanslia", division::kanslia, Alone::no},
    {"city executive office", division::kanslia, Alone::at_start},
    {"stadskansliet", division::kanslia, Alone::at_start},
    {"kasko", division::kasko, Alone::at_start},
    {"kasvatuksen ja koulutuksen toimiala", division::kasko, Alone::at_start},
    {"kasvatuksen ja koulutuksen", division::kasko, Alone::no}, {"kasvatus ja koulutus", division::kasko, Alone::no},
    {"kasvatus ja koulutustoimiala", division::kasko, Alone::at_start},
    {"education division", division::kasko, Alone::no},
    {"fostrans och utbildningssektorn", division::kasko, Alone::at_start},
    {"fostran och utbildningssektorn", division::kasko, Alone::at_start},
    {"opetusvirasto", division::kasko, Alone::no}, {"varhaiskasvatusvirasto", division::kasko, Alone::no},
    {"kymp", division::kymp, Alone::at_start}, {"kaupunkiympariston toimiala", division::kymp, Alone::at_start},
    {"kaupunkiymparisto", division::kymp, Alone::no}, {"urban environment division", division::kymp, Alone::no},
    {"stadsmiljosektorn", division::kymp, Alone::at_start},
    {"kuva", division::kuva, Alone::whole}, {"kulttuurin ja vapaa ajan toimiala", division::kuva, Alone::at_start},
    {"kulttuuri ja vapaa aika", division::kuva, Alone::no}, {"culture and leisure division", division::kuva, Alone::no},
    {"kultur och fritidssektorn", division::kuva, Alone::at_start},
    {"sote", division::sotepe, Alone::whole}, {"sotepe", division::sotepe, Alone::at_start},
    {"sosiaali ja terveystoimiala", division::sotepe, Alone::at_start},
    {"sosiaali terveys ja pelastustoimiala", division::sotepe, Alone::at_start},
    {"sosiaali ja terveysvirasto", division::sotepe, Alone::at_start},
    {"sosiaali ja terveysala", division::sotepe, Alone::no},
    {"social services and health care division", division::sotepe, Alone::no},
    {"social services health care and rescue services division", division::sotepe, Alone::no},
    {"social och halsovardssektorn", division::sotepe, Alone::at_start},
    {"social halsovards och raddningssektorn", division::sotepe, Alone::at_start},
    {"stara", division::stara, Alone::at_start},
    {"rakentamispalveluliikelaitos stara", division::stara, Alone::at_start},
    {"rakentamispalveluliikelaitos", division::stara, Alone::at_start},
    {"rakentamispalvelu stara", division::stara, Alone::at_start},
    {"hkl", division::liikenne, Alone::at_start}, {"liikennelaitos", division::liikenne, Alone::no},
    {"liikenneliikelaitos", division::liikenne, Alone::no},
    {"palvelukeskus helsinki", division::palvelukeskus, Alone::at_start},
    {"palvelukeskus liikelaitos", division::palvelukeskus, Alone::at_start},
    {"palke", division::palvelukeskus, Alone::at_start}, {"palvelukeskus", division::palvelukeskus, Alone::no},
    {"taloushallintopalveluliikelaitos", division::talpa, Alone::at_start},
    {"talpa", division::talpa, Alone::at_start},
    {"taloushallintopalvelu liikelaitos", division::talpa, Alone::at_start},
    {"taloushallintopalvelu", division::talpa, Alone::at_start},
    {"tyollisyyspalvelut", division::tyollisyys, Alone::whole},
    {"sysselsattningstjanster", division::tyollisyys, Alone::whole},
};

// --- lookup -------------------------------------------------------------------------------------------------

struct CityAlias {
    phrases::Phrase phrase;
    bool suffix_ok;
    bool needs_division;  // "Helsingin" names the City only before a division ("Helsingin kaupunginkanslia")
};

struct Division {
    phrases::Phrase phrase;
    std::string_view canonical;
    Alone alone;
};

const phrases::PhraseTable<CityAlias>& city_aliases() {
    static const phrases::PhraseTable<CityAlias> table = [] {
        std::vector<CityAlias> entries;
        for (auto [words, suffix_ok] : city_spellings) entries.push_back({phrases::phrase(words), suffix_ok, false});
        for (std::string_view words : city_words_before_division)
            entries.push_back({phrases::phrase(words), false, true});
        return phrases::PhraseTable<CityAlias>(std::move(entries));
    }();
    return table;
}

const phrases::PhraseTable<Division>& divisions() {
    static const phrases::PhraseTable<Division> table = [] {
        std::vector<Division> entries;
        for (auto [words, canonical, alone] : division_spellings)
            entries.push_back({phrases::phrase(words), canonical, alone});
        return phrases::PhraseTable<Division>(std::move(entries));
    }();
    return table;
}

// The division a department's words start with (genitive allowed on its last word), or nullptr.
const Division* division_at_start(Words words, bool after_city_alias) {
    if (words.empty()) return nullptr;
    for (const Division* d : divisions().starting(words.front())) {
        if (!phrases::starts_with(words, d->phrase, true)) continue;
        if (after_city_alias || d->alone == Alone::at_start) return d;
        if (d->alone == Alone::whole && words.size() == d->phrase.words.size()) return d;
    }
    return nullptr;
}

// The city alias at the start or end of `words`, removed from `words`; false when there is none.
bool strip_city_alias(Words& words) {
    const auto& table = city_aliases();
    for (const CityAlias* alias : table.starting(words.front())) {
        if (!phrases::starts_with(words, alias->phrase)) continue;
        Words rest = words.subspan(alias->phrase.words.size());
        if (alias->needs_division && !division_at_start(rest, true)) continue;
        words = rest;
        return true;
    }
    for (const CityAlias* alias : table.ending(words.back())) {
        if (alias->suffix_ok && phrases::ends_with(words, alias->phrase)) {
            words = words.first(words.size() - alias->phrase.words.size());
            return true;
        }
    }
    return false;
}

}  // namespace

bool is_division(std::string_view department_key) {
    for (const auto& spelling : division_spellings)
        if (spelling.canonical == department_key) return true;
    return false;
}

std::string_view division_display_name(std::string_view department_key) {
    struct Shown {
        std::string_view canonical, name;
    };
    static constexpr Shown shown[] = {
        {division::kanslia, "Kaupunginkanslia"},
        {division::kasko, "Kasvatuksen ja koulutuksen toimiala"},
        {division::kymp, "Kaupunkiympäristön toimiala"},
        {division::kuva, "Kulttuurin ja vapaa-ajan toimiala"},
        {division::sotepe, "Sosiaali-, terveys- ja pelastustoimiala"},
        {division::stara, "Rakentamispalveluliikelaitos Stara"},
        {division::liikenne, "Liikenneliikelaitos"},
        {division::palvelukeskus, "Palvelukeskus Helsinki"},
        {division::talpa, "Taloushallintopalveluliikelaitos"},
        {division::tyollisyys, "Työllisyyspalvelut"},
    };
    for (const auto& s : shown)
        if (s.canonical == department_key) return s.name;
    return department_key;
}

bool read_name(Words words, NormalizedName& name) {
    bool alias = strip_city_alias(words);
    const Division* division = division_at_start(words, alias);
    if (!alias && !division) return false;
    name.city_of_helsinki = true;
    name.key = "helsingin kaupunki";
    if (division) {
        name.department_key = division->canonical;
        words = words.subspan(division->phrase.words.size());
        name.key += ' ';
        name.key += division->canonical;
        key_text::append_words(name.key, words);  // the unit inside the division, if any
    } else if (!words.empty()) {
        name.department_key = key_text::join(words);
        name.key += ' ';
        name.key += name.department_key;
    }
    return true;
}

}  // namespace jobcenter::register_plugin::city_of_helsinki
