// Normalising names, business IDs, addresses, phones, emails and websites into keys for deduplication.
//
// Everything is table-driven and works on folded words (text_fold.hpp): no regular expressions, and the
// tables are built once. Each rule is a small function; the tables of words per language sit at the top
// of each section.
#include "register/normalize/normalize.hpp"

#include <algorithm>
#include <array>
#include <span>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "register/normalize/business_id.hpp"
#include "register/normalize/text_fold.hpp"

namespace jobcenter::register_plugin {
namespace {

using Words = std::span<const std::string_view>;

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) { return (c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80; }

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), is_digit);
}

std::string_view trim(std::string_view s) {
    auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; };
    while (!s.empty() && space(s.front())) s.remove_prefix(1);
    while (!s.empty() && space(s.back())) s.remove_suffix(1);
    return s;
}

void append_words(std::string& out, Words words) {
    for (auto w : words) {
        if (!out.empty()) out += ' ';
        out += w;
    }
}

std::string join(Words words) {
    std::string out;
    append_words(out, words);
    return out;
}

// --- phrases: a few words matched at the start or end of a name -------------------------------------------

// A phrase of folded words, e.g. "oy ab" or "kasvatuksen ja koulutuksen toimiala".
struct Phrase {
    std::vector<std::string_view> words;
};

Phrase phrase(std::string_view spaced) { return Phrase{split_tokens(spaced)}; }

// The last word may carry the Finnish genitive -n ("toimialan", "kaskon") when `genitive` is set.
bool word_matches(std::string_view word, std::string_view wanted, bool genitive) {
    if (word == wanted) return true;
    return genitive && word.size() == wanted.size() + 1 && word.back() == 'n' && word.substr(0, wanted.size()) == wanted;
}

bool starts_with(Words words, const Phrase& p, bool genitive = false) {
    if (words.size() < p.words.size()) return false;
    for (std::size_t i = 0; i < p.words.size(); ++i)
        if (!word_matches(words[i], p.words[i], genitive && i + 1 == p.words.size())) return false;
    return true;
}

bool ends_with(Words words, const Phrase& p) {
    if (words.size() < p.words.size()) return false;
    std::size_t offset = words.size() - p.words.size();
    for (std::size_t i = 0; i < p.words.size(); ++i)
        if (words[offset + i] != p.words[i]) return false;
    return true;
}

// A table of phrases indexed by their first and last word, longest phrase first, so "oy ab ltd" wins
// over "ltd".
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

// --- legal forms --------------------------------------------------------------------------------------------

enum class Position { prefix_or_suffix, suffix_only };

struct LegalForm {
    Phrase phrase;
    std::string_view family;
    Position position;
};

// Finnish and Swedish forms are written before or after the name ("Oy Esimerkki Ab"); foreign forms after.
// Words are folded: "r.y." is "r y", "T:mi" is "t mi", "Osakeyhtiö" is "osakeyhtio".
const PhraseTable<LegalForm>& legal_forms() {
    static const PhraseTable<LegalForm> table = [] {
        constexpr auto both = Position::prefix_or_suffix;
        constexpr auto suffix = Position::suffix_only;
        const std::pair<std::string_view, std::string_view> finnish[] = {
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
        const std::pair<std::string_view, std::string_view> after_only[] = {
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
        std::vector<LegalForm> entries;
        for (auto [words, family] : finnish) entries.push_back({phrase(words), family, both});
        for (auto [words, family] : after_only) entries.push_back({phrase(words), family, suffix});
        return PhraseTable<LegalForm>(std::move(entries));
    }();
    return table;
}

// Removes one legal form from the end, or else from the start, of `words`, never the last word left.
// Returns the family found, or "".
std::string_view strip_one_legal_form(Words& words) {
    const auto& table = legal_forms();
    for (const LegalForm* form : table.ending(words.back())) {
        if (form->phrase.words.size() < words.size() && ends_with(words, form->phrase)) {
            words = words.first(words.size() - form->phrase.words.size());
            return form->family;
        }
    }
    for (const LegalForm* form : table.starting(words.front())) {
        if (form->position == Position::prefix_or_suffix && form->phrase.words.size() < words.size() &&
            starts_with(words, form->phrase)) {
            words = words.subspan(form->phrase.words.size());
            return form->family;
        }
    }
    return {};
}

// Legal forms that are never ordinary words, so they also go when a branch or a place follows them
// ("Lidl Suomi Ky, Kannelmäki", "DSM N.V., Heerlen", "Hitachi Global Storage Technologies, Inc.
// Netherlands B.V."). Short ones that are also words or initials (as, ag, co, sa) stay.
std::string_view interior_legal_form(std::string_view word) {
    static const std::unordered_map<std::string_view, std::string_view> forms = {
        {"oy", "oy"}, {"osakeyhtio", "oy"}, {"oyj", "oyj"}, {"abp", "oyj"}, {"asoy", "asoy"}, {"koy", "koy"},
        {"ky", "ky"}, {"kommandiittiyhtio", "ky"}, {"tmi", "tmi"}, {"toiminimi", "tmi"}, {"ry", "ry"},
        {"nv", "nv"}, {"bv", "bv"}, {"inc", "inc"}, {"ltd", "ltd"}, {"plc", "plc"}, {"gmbh", "gmbh"}, {"llc", "llc"}};
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

// Strips legal forms at both ends ("Oy Esimerkki Ab") and the unambiguous ones inside; the first one found
// is kept as the family. `storage` holds the words when some inside ones had to be removed.
std::string_view strip_legal_forms(Words& words, std::vector<std::string_view>& storage) {
    std::string_view first;
    for (int round = 0; round < 3 && words.size() > 1; ++round) {
        auto family = strip_one_legal_form(words);
        if (family.empty()) break;
        if (first.empty()) first = family;
    }
    if (words.size() < 3) return first;
    auto inside = words.subspan(1, words.size() - 2);
    bool any = std::any_of(inside.begin(), inside.end(), [](std::string_view w) { return !interior_legal_form(w).empty(); });
    for (std::size_t i = 1; i + 2 < words.size() && !any; ++i) any = !interior_initials_form(words[i], words[i + 1]).empty();
    if (!any) return first;
    storage.assign(1, words.front());
    for (std::size_t i = 1; i + 1 < words.size(); ++i) {
        auto family = interior_legal_form(words[i]);
        if (family.empty() && i + 2 < words.size()) {
            family = interior_initials_form(words[i], words[i + 1]);
            if (!family.empty()) ++i;
        }
        if (family.empty()) {
            bool ab_of_oy_ab = words[i] == "ab" && interior_legal_form(words[i - 1]) == "oy";
            if (!ab_of_oy_ab) storage.push_back(words[i]);
            continue;
        }
        if (first.empty()) first = family;
    }
    storage.push_back(words.back());
    words = Words(storage);
    return first;
}

// --- the City of Helsinki and its divisions -----------------------------------------------------------------

struct CityAlias {
    Phrase phrase;
    bool suffix_ok;        // nominative forms may also end a name ("Kasko, Helsingin kaupunki")
    bool needs_division;   // "Helsingin" names the City only before a division ("Helsingin kaupunginkanslia")
};

const PhraseTable<CityAlias>& city_aliases() {
    static const PhraseTable<CityAlias> table = [] {
        const std::pair<std::string_view, bool> spellings[] = {
            {"helsingin kaupunki", true}, {"helsingin kaupungin", false}, {"helsingin kaup", true},
            {"hgin kaupunki", true}, {"hgin kaupungin", false}, {"hgin kaup", true},
            {"hki n kaupunki", true}, {"hki n kaupungin", false}, {"hkin kaupunki", true}, {"hkin kaupungin", false},
            {"hki kaupunki", true}, {"hki", true}, {"helsingfors stad", true}, {"helsingfors stads", false},
            {"city of helsinki", true}, {"helsinki city", true}, {"helsingin kaupunkikonserni", true},
        };
        std::vector<CityAlias> entries;
        for (auto [words, suffix_ok] : spellings) entries.push_back({phrase(words), suffix_ok, false});
        for (std::string_view words : {"helsingin", "helsingfors", "helsinki", "hgin"})
            entries.push_back({phrase(words), false, true});
        return PhraseTable<CityAlias>(std::move(entries));
    }();
    return table;
}

// How a division's spelling identifies the City when the name does not say "Helsingin kaupunki".
enum class Alone {
    no,         // only after a city alias ("Hki, kanslia")
    whole,      // when it is the whole name ("Kuva", "Sote"), since the word is also a common word
    at_start,   // also followed by a unit ("Kasko, hankintapalvelut")
};

struct Division {
    Phrase phrase;
    std::string_view canonical;
    Alone alone;
};

const PhraseTable<Division>& divisions() {
    static const PhraseTable<Division> table = [] {
        constexpr std::string_view kanslia = "kaupunginkanslia";
        constexpr std::string_view kasko = "kasvatuksen ja koulutuksen toimiala";
        constexpr std::string_view kymp = "kaupunkiympariston toimiala";
        constexpr std::string_view kuva = "kulttuurin ja vapaa ajan toimiala";
        constexpr std::string_view sotepe = "sosiaali terveys ja pelastustoimiala";
        constexpr std::string_view stara = "stara";
        constexpr std::string_view liikenne = "liikenneliikelaitos";
        constexpr std::string_view palvelukeskus = "palvelukeskus helsinki";
        constexpr std::string_view talpa = "taloushallintopalveluliikelaitos";
        constexpr std::string_view tyollisyys = "tyollisyyspalvelut";
        const std::tuple<std::string_view, std::string_view, Alone> spellings[] = {
            {"kaupunginkanslia", kanslia, Alone::at_start}, {"kanslia", kanslia, Alone::no},
            {"city executive office", kanslia, Alone::at_start}, {"stadskansliet", kanslia, Alone::at_start},
            {"kasko", kasko, Alone::at_start}, {"kasvatuksen ja koulutuksen toimiala", kasko, Alone::at_start},
            {"kasvatuksen ja koulutuksen", kasko, Alone::no}, {"kasvatus ja koulutus", kasko, Alone::no},
            {"kasvatus ja koulutustoimiala", kasko, Alone::at_start}, {"education division", kasko, Alone::no},
            {"fostrans och utbildningssektorn", kasko, Alone::at_start},
            {"fostran och utbildningssektorn", kasko, Alone::at_start}, {"opetusvirasto", kasko, Alone::no},
            {"varhaiskasvatusvirasto", kasko, Alone::no},
            {"kymp", kymp, Alone::at_start}, {"kaupunkiympariston toimiala", kymp, Alone::at_start},
            {"kaupunkiymparisto", kymp, Alone::no}, {"urban environment division", kymp, Alone::no},
            {"stadsmiljosektorn", kymp, Alone::at_start},
            {"kuva", kuva, Alone::whole}, {"kulttuurin ja vapaa ajan toimiala", kuva, Alone::at_start},
            {"kulttuuri ja vapaa aika", kuva, Alone::no}, {"culture and leisure division", kuva, Alone::no},
            {"kultur och fritidssektorn", kuva, Alone::at_start},
            {"sote", sotepe, Alone::whole}, {"sotepe", sotepe, Alone::at_start},
            {"sosiaali ja terveystoimiala", sotepe, Alone::at_start},
            {"sosiaali terveys ja pelastustoimiala", sotepe, Alone::at_start},
            {"sosiaali ja terveysvirasto", sotepe, Alone::at_start}, {"sosiaali ja terveysala", sotepe, Alone::no},
            {"social services and health care division", sotepe, Alone::no},
            {"social services health care and rescue services division", sotepe, Alone::no},
            {"social och halsovardssektorn", sotepe, Alone::at_start},
            {"social halsovards och raddningssektorn", sotepe, Alone::at_start},
            {"stara", stara, Alone::at_start}, {"rakentamispalveluliikelaitos stara", stara, Alone::at_start},
            {"rakentamispalveluliikelaitos", stara, Alone::at_start}, {"rakentamispalvelu stara", stara, Alone::at_start},
            {"hkl", liikenne, Alone::at_start}, {"liikennelaitos", liikenne, Alone::no},
            {"liikenneliikelaitos", liikenne, Alone::no},
            {"palvelukeskus helsinki", palvelukeskus, Alone::at_start},
            {"palvelukeskus liikelaitos", palvelukeskus, Alone::at_start}, {"palke", palvelukeskus, Alone::at_start},
            {"palvelukeskus", palvelukeskus, Alone::no},
            {"taloushallintopalveluliikelaitos", talpa, Alone::at_start}, {"talpa", talpa, Alone::at_start},
            {"taloushallintopalvelu liikelaitos", talpa, Alone::at_start},
            {"taloushallintopalvelu", talpa, Alone::at_start},
            {"tyollisyyspalvelut", tyollisyys, Alone::whole}, {"sysselsattningstjanster", tyollisyys, Alone::whole},
        };
        std::vector<Division> entries;
        for (auto [words, canonical, alone] : spellings) entries.push_back({phrase(words), canonical, alone});
        return PhraseTable<Division>(std::move(entries));
    }();
    return table;
}

const Division* division_at_start(Words words, bool after_city_alias);

// The city alias at the start or end of `words`, removed from `words`; false when there is none.
bool strip_city_alias(Words& words) {
    const auto& table = city_aliases();
    for (const CityAlias* alias : table.starting(words.front())) {
        if (!starts_with(words, alias->phrase)) continue;
        Words rest = words.subspan(alias->phrase.words.size());
        if (alias->needs_division && !division_at_start(rest, true)) continue;
        words = rest;
        return true;
    }
    for (const CityAlias* alias : table.ending(words.back())) {
        if (alias->suffix_ok && ends_with(words, alias->phrase)) {
            words = words.first(words.size() - alias->phrase.words.size());
            return true;
        }
    }
    return false;
}

// The division a department's words start with (genitive allowed on its last word), or nullptr.
const Division* division_at_start(Words words, bool after_city_alias) {
    if (words.empty()) return nullptr;
    for (const Division* d : divisions().starting(words.front())) {
        if (!starts_with(words, d->phrase, true)) continue;
        if (after_city_alias || d->alone == Alone::at_start) return d;
        if (d->alone == Alone::whole && words.size() == d->phrase.words.size()) return d;
    }
    return nullptr;
}

// Fills the city fields of `name` when `words` name the City of Helsinki or one of its divisions.
bool read_city_name(Words words, NormalizedName& name) {
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
        append_words(name.key, words);  // the unit inside the division, if any
    } else if (!words.empty()) {
        name.department_key = join(words);
        name.key += ' ';
        name.key += name.department_key;
    }
    return true;
}

// --- addresses ----------------------------------------------------------------------------------------------

struct AddressWord {
    std::string_view text;
    bool dot = false;    // written with a full stop right after it: "k.", "Aleksanterink."
    bool comma = false;  // a comma follows (after any full stop): "11 E. Adams, Suite 1500"
};
using AddressWords = std::span<const AddressWord>;

bool is_word_byte(char c) { return is_letter(c) || is_digit(c); }

// Splits folded address text (letters, digits and ". - # ,") into words; "1-3" stays one word.
std::vector<AddressWord> address_words(std::string_view s) {
    std::vector<AddressWord> words;
    words.reserve(12);
    std::size_t i = 0;
    while (i < s.size()) {
        char c = s[i];
        if (c == '#') {
            words.push_back({s.substr(i, 1)});
            ++i;
            continue;
        }
        if (!is_word_byte(c)) {
            ++i;
            continue;
        }
        std::size_t start = i;
        while (i < s.size() && is_word_byte(s[i])) ++i;
        while (i + 1 < s.size() && s[i] == '-' && is_digit(s[i - 1]) && is_digit(s[i + 1])) {
            ++i;
            while (i < s.size() && is_word_byte(s[i])) ++i;
        }
        bool dot = i < s.size() && s[i] == '.';
        std::size_t after = dot ? i + 1 : i;
        while (after < s.size() && s[after] == ' ') ++after;
        words.push_back({s.substr(start, i - start), dot, after < s.size() && s[after] == ','});
    }
    return words;
}

bool starts_with_digit(std::string_view w) { return !w.empty() && is_digit(w.front()); }

// "12345" or "60601-1234": a postcode written after the street.
bool looks_like_postcode(std::string_view w) {
    return (w.size() == 5 && all_digits(w)) || (w.size() == 10 && all_digits(w.substr(0, 5)) && w[5] == '-' &&
                                                all_digits(w.substr(6)));
}

// The 5 digits of a postcode field: "00100", "FI-00100", "60601-1234", "606011234", "00100 Helsinki".
// Other digit runs are kept as written ("2119"). `rest` receives text after the digits (a city).
std::string postcode_of(std::string_view text, std::string_view& rest) {
    std::size_t i = 0;
    while (i < text.size() && !is_digit(text[i])) ++i;
    std::size_t start = i;
    while (i < text.size() && is_digit(text[i])) ++i;
    std::string_view digits = text.substr(start, i - start);
    if (digits.empty()) {
        rest = text;  // "Helsinki" in the postcode column
        return {};
    }
    if (i + 4 < text.size() && text[i] == '-' && all_digits(text.substr(i + 1, 4))) i += 5;  // ZIP+4
    rest = text.substr(i);
    if (digits.size() == 9) digits = digits.substr(0, 5);  // ZIP+4 without its hyphen
    return std::string(digits);
}

// Swedish and abbreviated names of cities, and districts written in place of their city, folded.
const std::unordered_map<std::string_view, std::string_view>& city_names() {
    static const std::unordered_map<std::string_view, std::string_view> names = {
        {"hki", "helsinki"}, {"hgin", "helsinki"}, {"helsingfors", "helsinki"}, {"esbo", "espoo"},
        {"vanda", "vantaa"}, {"grankulla", "kauniainen"}, {"abo", "turku"}, {"tammerfors", "tampere"},
        {"kervo", "kerava"}, {"sibbo", "sipoo"}, {"kyrkslatt", "kirkkonummi"}, {"traskanda", "jarvenpaa"},
        {"borga", "porvoo"}, {"hyvinge", "hyvinkaa"}, {"tusby", "tuusula"}, {"lojo", "lohja"}, {"vasa", "vaasa"},
        {"uleaborg", "oulu"}, {"karleby", "kokkola"}, {"jakobstad", "pietarsaari"}, {"lovisa", "loviisa"},
        {"hango", "hanko"}, {"nystad", "uusikaupunki"}, {"bjorneborg", "pori"}, {"tavastehus", "hameenlinna"},
        {"villmanstrand", "lappeenranta"}, {"nyslott", "savonlinna"}, {"raseborg", "raasepori"},
        {"tikkurila", "vantaa"}, {"dickursby", "vantaa"}, {"myyrmaki", "vantaa"}, {"hakunila", "vantaa"},
        {"koivukyla", "vantaa"}, {"espoon keskus", "espoo"}, {"esbo centrum", "espoo"}, {"tapiola", "espoo"},
        {"hagalund", "espoo"}, {"leppavaara", "espoo"}, {"matinkyla", "espoo"}, {"espoonlahti", "espoo"},
    };
    return names;
}

bool is_country_word(std::string_view w) {
    return w == "finland" || w == "suomi" || w == "usa" || w == "us" || w == "fi" || w == "fin";
}

// fold_key of a city without postcodes, district numbers ("Helsinki 10"), country names and a trailing
// two-letter state ("Chicago IL"); aliases mapped. A 5-digit postcode found on the way fills `postcode`.
std::string city_key_of(std::string_view city, std::string& postcode) {
    std::string folded = fold_key(city);
    if (folded.find(' ') == std::string::npos && !starts_with_digit(folded)) {  // one word, the usual case
        auto it = city_names().find(folded);
        if (it != city_names().end()) return std::string(it->second);
        return is_country_word(folded) ? std::string() : folded;
    }
    std::vector<std::string_view> words;
    split_tokens(folded, words);
    std::vector<std::string_view> kept;
    for (auto w : words) {
        if (starts_with_digit(w)) {
            if (postcode.empty() && looks_like_postcode(w)) postcode = w.substr(0, 5);
            continue;
        }
        if (!is_country_word(w)) kept.push_back(w);
    }
    if (kept.size() >= 2 && kept.back().size() == 2) kept.pop_back();
    std::string key = join(kept);
    auto it = city_names().find(key);
    return it == city_names().end() ? key : std::string(it->second);
}

// Word lists per language. English: street types (left out of the key), directions, prefixes.
const std::unordered_map<std::string_view, std::string_view>& english_street_types() {
    static const std::unordered_map<std::string_view, std::string_view> types = {
        {"st", "street"}, {"str", "street"}, {"street", "street"}, {"ave", "avenue"}, {"av", "avenue"},
        {"avn", "avenue"}, {"avenue", "avenue"}, {"blvd", "boulevard"}, {"blv", "boulevard"}, {"boul", "boulevard"},
        {"boulevard", "boulevard"}, {"rd", "road"}, {"road", "road"}, {"dr", "drive"}, {"drv", "drive"},
        {"drive", "drive"}, {"ln", "lane"}, {"lane", "lane"}, {"ct", "court"}, {"crt", "court"}, {"court", "court"},
        {"pl", "place"}, {"place", "place"}, {"pkwy", "parkway"}, {"pky", "parkway"}, {"parkway", "parkway"},
        {"hwy", "highway"}, {"highway", "highway"}, {"sq", "square"}, {"square", "square"}, {"ter", "terrace"},
        {"terr", "terrace"}, {"terrace", "terrace"}, {"cir", "circle"}, {"circle", "circle"}, {"expy", "expressway"},
        {"expressway", "expressway"}, {"plz", "plaza"}, {"plaza", "plaza"}, {"trl", "trail"}, {"trail", "trail"},
        {"aly", "alley"}, {"alley", "alley"}, {"way", "way"}, {"hts", "heights"}, {"la", "lane"},
    };
    return types;
}

const std::unordered_map<std::string_view, std::string_view>& english_directions() {
    static const std::unordered_map<std::string_view, std::string_view> directions = {
        {"n", "north"}, {"north", "north"}, {"s", "south"}, {"south", "south"}, {"e", "east"}, {"east", "east"},
        {"w", "west"}, {"west", "west"}, {"ne", "northeast"}, {"northeast", "northeast"}, {"nw", "northwest"},
        {"northwest", "northwest"}, {"se", "southeast"}, {"southeast", "southeast"}, {"sw", "southwest"},
        {"southwest", "southwest"},
    };
    return directions;
}

// Abbreviations that start or sit inside a street name: "St. Louis Ave", "Dr Martin Luther King Jr Dr".
const std::unordered_map<std::string_view, std::string_view>& english_name_words() {
    static const std::unordered_map<std::string_view, std::string_view> words = {
        {"st", "saint"}, {"mt", "mount"}, {"ft", "fort"}, {"dr", "doctor"}, {"first", "1st"}, {"second", "2nd"},
        {"third", "3rd"}, {"fourth", "4th"}, {"fifth", "5th"}, {"sixth", "6th"}, {"seventh", "7th"},
        {"eighth", "8th"}, {"ninth", "9th"}, {"tenth", "10th"}, {"eleventh", "11th"}, {"twelfth", "12th"},
    };
    return words;
}

const std::unordered_set<std::string_view>& english_unit_markers() {
    static const std::unordered_set<std::string_view> markers = {"apt", "apartment", "suite", "ste", "unit", "#",
                                                                 "room", "rm", "bldg", "building"};
    return markers;
}

bool is_english_floor(std::string_view w) { return w == "fl" || w == "floor" || w == "flr"; }

// Words that start a note after the street: "2450 Broadway between 90th and 91st Sts.", "57 Jane St. off Hudson".
bool is_english_note_word(std::string_view w) {
    return w == "between" || w == "near" || w == "at" || w == "off" || w == "opposite" || w == "across" ||
           w == "corner" || w == "inside";
}

// Type abbreviations that are also other words: "St" (Saint), "Dr" (Doctor), "La" (the article).
bool is_ambiguous_english_type(std::string_view w) { return w == "st" || w == "dr" || w == "la"; }

bool is_english_ordinal(std::string_view w) {
    std::size_t i = 0;
    while (i < w.size() && is_digit(w[i])) ++i;
    if (i == 0 || i == w.size()) return false;
    auto suffix = w.substr(i);
    return suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th";
}

// Finnish and Swedish: a street-type word ending a name, written as its own word or as an abbreviation
// glued to the name ("Aleksanterink.", "Mannerheimin tie", "Alexandersg.").
struct StreetType {
    std::string_view written;
    std::string_view full;
    bool needs_dot;  // "t." is "tie", a bare "t" is not
};

constexpr StreetType nordic_glued_types[] = {
    {"k", "katu", true}, {"t", "tie", true}, {"kj", "kuja", false}, {"pl", "polku", true},
    {"g", "gatan", true}, {"v", "vagen", true}, {"vg", "vagen", false},
};

constexpr StreetType nordic_separate_types[] = {
    {"k", "katu", false}, {"katu", "katu", false}, {"t", "tie", true}, {"tie", "tie", false},
    {"kj", "kuja", false}, {"kuja", "kuja", false}, {"polku", "polku", false}, {"gatan", "gatan", false},
    {"g", "gatan", true}, {"vagen", "vagen", false}, {"v", "vagen", true}, {"vg", "vagen", false},
};

// Finnish and Swedish words between the house number and the flat that carry no key: "as." (asunto),
// "lgh" (lägenhet), "bst" (bostad), "lh" (liikehuoneisto), "huoneisto".
bool is_nordic_flat_marker(std::string_view w) {
    return w == "as" || w == "asunto" || w == "huoneisto" || w == "lgh" || w == "bst" || w == "lh";
}

bool is_nordic_floor(std::string_view w) {
    return w == "krs" || w == "kerros" || w == "vaning" || w == "van" || w == "tr" || w == "trappa";
}

// Expands the street type of a Finnish or Swedish name (in place; words are rebuilt as strings).
void expand_nordic_street_type(std::vector<std::string>& name, AddressWords written) {
    if (name.empty()) return;
    const AddressWord& last = written.back();
    if (name.size() >= 2) {
        const std::string& before = name[name.size() - 2];
        bool genitive = !before.empty() && (before.back() == 'n' || before.back() == 's');
        for (const auto& type : nordic_separate_types) {
            if (genitive && last.text == type.written && (!type.needs_dot || last.dot)) {
                name[name.size() - 2] += type.full;  // "mannerheimin tie" -> "mannerheimintie"
                name.pop_back();
                return;
            }
        }
    }
    std::string& word = name.back();
    for (const auto& type : nordic_glued_types) {
        if (word.size() >= type.written.size() + 3 && word.ends_with(type.written) && (!type.needs_dot || last.dot)) {
            word.resize(word.size() - type.written.size());
            word += type.full;  // "aleksanterink." -> "aleksanterinkatu"
            return;
        }
    }
}

// Expands abbreviations; `type_index` and `trailing_direction` receive the positions left out of the key
// (name.size() when there is none): registers drop the type ("Ave") and a trailing "NE" often.
void expand_english_street_name(std::vector<std::string>& name, std::size_t& type_index,
                                std::size_t& trailing_direction) {
    type_index = name.size();
    trailing_direction = name.size();
    if (name.size() < 2) return;
    const auto& directions = english_directions();
    const auto& types = english_street_types();
    std::size_t last = name.size() - 1;
    if (auto d = directions.find(name[last]); d != directions.end() && types.count(name[last - 1])) {
        name[last] = d->second;  // "main st n"
        trailing_direction = last;
        --last;
    }
    if (auto t = types.find(name[last]); t != types.end()) {
        name[last] = t->second;
        type_index = last;
    }
    if (auto d = directions.find(name[0]); d != directions.end() && type_index != 0) name[0] = d->second;
    for (std::size_t i = 0; i < name.size(); ++i) {
        if (i == type_index || (i == 0 && directions.count(name[0]))) continue;
        if (auto w = english_name_words().find(name[i]); w != english_name_words().end()) name[i] = w->second;
    }
}

// "12", "12-14", "12a": digits, maybe a range, maybe one letter.
bool is_house_number(std::string_view w) {
    std::size_t i = 0;
    while (i < w.size() && (is_digit(w[i]) || (w[i] == '-' && i > 0 && i + 1 < w.size() && is_digit(w[i + 1])))) ++i;
    return i > 0 && (i == w.size() || (i + 1 == w.size() && is_letter(w[i])));
}

// "1a" -> number "1", staircase "a"; "12-14" stays whole.
void split_house_number(std::string_view w, NormalizedAddress& a) {
    std::size_t i = 0;
    while (i < w.size() && (is_digit(w[i]) || (w[i] == '-' && i + 1 < w.size() && is_digit(w[i + 1])))) ++i;
    auto letters = w.substr(i);
    if (letters.size() == 1) {
        a.number = w.substr(0, i);
        a.staircase = letters;
    } else {
        a.number = w;
    }
}

// The staircase and flat after the house number: "A 3", "A3", "as. 3", "B 23"; floors ("3. krs") dropped.
void read_nordic_flat(AddressWords rest, NormalizedAddress& a) {
    bool flat_from_previous = false;
    for (std::size_t i = 0; i < rest.size(); ++i) {
        std::string_view w = rest[i].text;
        bool was_flat = flat_from_previous;
        flat_from_previous = false;
        if (is_nordic_flat_marker(w)) continue;
        if (is_nordic_floor(w)) {
            if (was_flat) a.flat.clear();  // "3 krs": the number was the floor
            else if (i + 1 < rest.size() && all_digits(rest[i + 1].text)) ++i;  // "krs 3"
            continue;
        }
        if (a.staircase.empty() && a.flat.empty() && w.size() == 1 && is_letter(w[0])) {
            a.staircase = w;
        } else if (a.staircase.empty() && a.flat.empty() && w.size() >= 2 && is_letter(w[0]) && all_digits(w.substr(1))) {
            a.staircase = w.substr(0, 1);  // "a3"
            a.flat = w.substr(1);
            flat_from_previous = true;
        } else if (a.flat.empty() && all_digits(w)) {
            a.flat = w;
            flat_from_previous = true;
        } else {
            break;  // a city or a note: the flat part is over
        }
    }
}

void read_english_unit(AddressWords rest, NormalizedAddress& a) {
    for (std::size_t i = 0; i + 1 < rest.size(); ++i) {
        if (english_unit_markers().count(rest[i].text) && a.flat.empty()) {
            a.flat = rest[i + 1].text;
            return;
        }
    }
}

std::vector<std::string> strings_of(AddressWords words) {
    std::vector<std::string> out;
    out.reserve(words.size());
    for (const auto& w : words) out.emplace_back(w.text);
    return out;
}

void set_street(NormalizedAddress& a, const std::vector<std::string>& name, std::size_t skip_index,
                std::size_t skip_too = std::string::npos) {
    for (std::size_t i = 0; i < name.size(); ++i) {
        if (!a.street_name.empty()) a.street_name += ' ';
        a.street_name += name[i];
        if ((i == skip_index || i == skip_too) && name.size() > 1) continue;
        if (!a.street_key.empty()) a.street_key += ' ';
        a.street_key += name[i];
    }
    if (!a.number.empty()) {
        if (!a.street_key.empty()) a.street_key += ' ';
        a.street_key += std::string_view(a.number).substr(0, a.number.find('-'));  // "11-13": the building at 11
    }
}

// "1st", "51st", "first": a floor before "Floor", or a numbered street.
bool is_english_ordinal_word(std::string_view w) {
    if (is_english_ordinal(w)) return true;
    auto it = english_name_words().find(w);
    return it != english_name_words().end() && is_english_ordinal(it->second);
}

// "51" -> "51st", "113" -> "113th": registers write numbered streets both ways.
std::string ordinal(std::string_view digits) {
    std::string out(digits);
    char last = digits.back();
    bool teen = digits.size() >= 2 && digits[digits.size() - 2] == '1';
    if (!teen && last == '1') return out + "st";
    if (!teen && last == '2') return out + "nd";
    if (!teen && last == '3') return out + "rd";
    return out + "th";
}

// Where an English street name ends: at a unit ("Suite 3"), a floor ("3rd Floor"), or after the street
// type when more follows ("69th Street Chicago", "Bryn Mawr Ave 211"); a direction after the type stays.
std::size_t english_name_end(AddressWords rest) {
    std::size_t end = 0;
    while (end < rest.size() && !english_unit_markers().count(rest[end].text) && !is_english_floor(rest[end].text) &&
           !(end + 1 < rest.size() && is_english_floor(rest[end + 1].text) && is_english_ordinal_word(rest[end].text)) &&
           !(end > 0 && is_english_note_word(rest[end].text)))
        if (rest[end++].comma) break;  // "3007 W Diversey, Chicago"
    const auto& types = english_street_types();
    const auto& directions = english_directions();
    auto later_type = [&](std::size_t t) {
        for (std::size_t k = t + 1; k < end; ++k)
            if (types.count(rest[k].text)) return true;
        return false;
    };
    for (std::size_t t = 1; t < end; ++t) {
        if (!types.count(rest[t].text)) continue;
        if (t == 1 && directions.count(rest[0].text)) continue;          // "S. Ave. H": the type word is the name
        if (is_ambiguous_english_type(rest[t].text) && later_type(t)) continue;  // "Old St Charles Rd"
        std::size_t kept = t + 1;
        if (kept < end && directions.count(rest[kept].text)) ++kept;     // "Peachtree Rd NE"
        return kept;
    }
    return end;
}

// The words of an English street name, with "24 th" joined into "24th".
std::vector<std::string> english_words(AddressWords words) {
    std::vector<std::string> out;
    out.reserve(words.size());
    for (std::size_t i = 0; i < words.size(); ++i) {
        std::string_view w = words[i].text;
        if (all_digits(w) && i + 1 < words.size() && ordinal(w) == std::string(w) + std::string(words[i + 1].text)) {
            out.push_back(ordinal(w));
            ++i;
            continue;
        }
        out.emplace_back(w);
    }
    return out;
}

// "221 E. 51st St. Suite 3": the number first, then the name, then the unit.
void read_english_street(AddressWords words, NormalizedAddress& a) {
    split_house_number(words.front().text, a);
    AddressWords rest = words.subspan(1);
    std::string_view first = rest.front().text;
    if (rest.size() > 1 && a.staircase.empty() && first.size() == 1 && is_letter(first[0]) &&
        !english_directions().count(first)) {
        a.staircase = first;  // "293-B Peachtree Rd"
        rest = rest.subspan(1);
    }
    std::size_t end = english_name_end(rest);
    auto name = english_words(rest.first(end));
    if (name.size() >= 2 && all_digits(name.back())) {  // "1020 West Bryn Mawr 211": a suite number
        a.flat = name.back();
        name.pop_back();
    } else if (end < rest.size() && all_digits(rest[end].text)) {
        a.flat = rest[end].text;  // "... Ave 211"
    }
    for (auto& word : name)
        if (all_digits(word)) word = ordinal(word);  // "East 51 Street"
    read_english_unit(rest.subspan(end), a);
    std::size_t type_index = 0, trailing_direction = 0;
    expand_english_street_name(name, type_index, trailing_direction);
    set_street(a, name, type_index, trailing_direction);
}

// "Mannerheimintie 1 A 3", "3. linja 5", "Aleksanterink. 5 B 12": the name first, then the number.
void read_nordic_street(AddressWords words, NormalizedAddress& a) {
    std::size_t n = 0;
    for (; n < words.size(); ++n) {
        std::string_view w = words[n].text;
        if (!starts_with_digit(w) || is_english_ordinal(w)) continue;
        bool ordinal_name = words[n].dot && n + 1 < words.size() && !starts_with_digit(words[n + 1].text) &&
                            !is_nordic_floor(words[n + 1].text);
        if (!ordinal_name) break;  // "3. linja": a numbered street, not a house number
    }
    auto name = strings_of(words.first(n));
    if (n > 0) expand_nordic_street_type(name, words.first(n));
    if (n < words.size()) {
        split_house_number(words[n].text, a);
        read_nordic_flat(words.subspan(n + 1), a);
    }
    set_street(a, name, name.size());
}

// Drops a building or place named before the street and separated by a comma:
// "Kauppakeskus Itis, Itäkatu 1-7", "Hayes Center, 4859 S. Wabash".
AddressWords after_leading_place_name(AddressWords words) {
    std::size_t number = 0;
    while (number < words.size() && !(is_house_number(words[number].text) && !words[number].dot)) ++number;
    for (std::size_t k = std::min(number, words.size()); k-- > 0;)
        if (words[k].comma) return words.subspan(k + 1);
    return words;
}

// "PL 123", "PO Box 123", "P.O. Box 123", "Postilokero 123", "PB 123", "Box 123": the words the box takes.
std::size_t po_box_length(AddressWords words, std::size_t i) {
    auto word = [&](std::size_t k) { return i + k < words.size() ? words[i + k].text : std::string_view(); };
    std::size_t marker = 0;
    if (word(0) == "pl" || word(0) == "pb" || word(0) == "box" || word(0) == "postilokero" || word(0) == "postbox" ||
        word(0) == "pobox")
        marker = 1;
    else if (word(0) == "po" && word(1) == "box")
        marker = 2;
    else if (word(0) == "p" && word(1) == "o" && word(2) == "box")
        marker = 3;
    if (marker == 0 || !all_digits(word(marker))) return 0;
    return marker + 1;
}

// True when `text` has a word of two letters or more (ASCII or not).
bool has_word(std::string_view text) {
    std::size_t run = 0;
    for (char c : text) {
        bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80;
        run = letter ? run + 1 : 0;
        if (run >= 2) return true;
    }
    return false;
}

// The street text to read: of several lines ("Hayes Center\n4859 S. Wabash"), the first with a digit;
// lines after it go to `after` (a city, when the city field is empty).
std::string_view street_line(std::string_view street, std::string_view& after) {
    after = {};
    street = trim(street);
    if (street.size() > 3 && (street[0] | 0x20) == 'c' && street[1] == '/' && (street[2] | 0x20) == 'o') {
        auto comma = street.find_first_of(",\r\n");  // "c/o Tilitoimisto Oy, Mannerheimintie 1"
        if (comma != std::string_view::npos) street = trim(street.substr(comma + 1));
    }
    if (street.find_first_of("\r\n") == std::string_view::npos) return street;
    std::size_t start = 0, previous = 0;
    while (start <= street.size()) {
        std::size_t end = street.find_first_of("\r\n", start);
        if (end == std::string_view::npos) end = street.size();
        std::string_view line = street.substr(start, end - start);
        if (line.find_first_of("0123456789") != std::string_view::npos) {
            after = end < street.size() ? trim(street.substr(end + 1)) : std::string_view();
            // "Helsingink.\n90": a line with only the number belongs to the street above it.
            if (start > 0 && !has_word(line)) return street.substr(previous, end - previous);
            return line;
        }
        if (!trim(line).empty()) previous = start;
        start = end + 1;
    }
    return street;
}

// --- phones -------------------------------------------------------------------------------------------------

// Country calling codes of two digits (ITU-T E.164 list); 1 and 7 are the one-digit codes, all others three.
bool is_two_digit_country_code(std::string_view d) {
    static constexpr std::array<std::string_view, 44> codes = {
        "20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44", "45", "46",
        "47", "48", "49", "51", "52", "53", "54", "55", "56", "57", "58", "60", "61", "62", "63",
        "64", "65", "66", "81", "82", "84", "86", "90", "91", "92", "93", "94", "95", "98"};
    return std::find(codes.begin(), codes.end(), d) != codes.end();
}

std::size_t country_code_length(std::string_view digits) {
    if (digits.empty()) return 0;
    if (digits[0] == '1' || digits[0] == '7') return 1;
    if (digits.size() >= 2 && is_two_digit_country_code(digits.substr(0, 2))) return 2;
    return std::min<std::size_t>(3, digits.size());
}

std::string calling_code(std::string_view country) {
    if (country == "358" || country == "1") return std::string(country);
    country = trim(country);
    if (!country.empty() && country.front() == '+') country.remove_prefix(1);
    std::string lower;
    for (char c : country) lower += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    if (lower == "fi" || lower.empty()) return "358";
    if (lower == "us" || lower == "ca") return "1";
    if (lower == "se") return "46";
    if (lower == "ee") return "372";
    bool code = !lower.empty() && lower.size() <= 3 && all_digits(lower) && lower[0] != '0';
    return code ? lower : std::string();
}

struct PhoneDigits {
    std::string digits;
    bool plus = false;
};

// The digits of the first number in `raw`: text before it ("puh.", "tel:") is skipped; a letter, '#', ',',
// ';', a second '+' or a '/' after a whole number ends it; "(0)" after a country code is dropped.
PhoneDigits first_phone_digits(std::string_view raw) {
    PhoneDigits p;
    bool started = false;
    for (std::size_t i = 0; i < raw.size(); ++i) {
        char c = raw[i];
        if (!started) {
            if (c == '+' || is_digit(c)) {
                started = true;
                p.plus = c == '+';
                if (is_digit(c)) p.digits += c;
            }
            continue;
        }
        if (is_digit(c)) {
            p.digits += c;
        } else if (c == '(' && i + 2 < raw.size() && raw[i + 1] == '0' && raw[i + 2] == ')' && !p.digits.empty()) {
            i += 2;  // "+358 (0)9 ..."
        } else if (c == '/') {
            if (p.digits.size() >= 7) break;  // "09 123 4567 / 040 123 4567"
        } else if (c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '\t') {
            continue;
        } else if (static_cast<unsigned char>(c) == 0xC2 && i + 1 < raw.size() &&
                   static_cast<unsigned char>(raw[i + 1]) == 0xA0) {
            ++i;  // no-break space
        } else {
            break;
        }
    }
    return p;
}

bool plausible_length(std::string_view cc, std::string_view nsn) {
    if (cc == "358") return nsn.size() >= 5 && nsn.size() <= 12 && nsn[0] != '0';
    if (cc == "1") return nsn.size() == 10 && nsn[0] >= '2' && nsn[3] >= '2';
    return nsn.size() >= 4 && cc.size() + nsn.size() <= 15;
}

// --- emails -------------------------------------------------------------------------------------------------

const std::unordered_set<std::string_view>& generic_mailboxes() {
    static const std::unordered_set<std::string_view> names = {
        "info", "toimisto", "office", "contact", "contactus", "asiakaspalvelu", "myynti", "sales", "admin",
        "kirjaamo", "registry", "hello", "hei", "moi", "posti", "mail", "email", "tilaukset", "tilaus", "orders",
        "order", "support", "tuki", "help", "helpdesk", "palaute", "feedback", "webmaster", "postmaster",
        "hostmaster", "noreply", "no-reply", "donotreply", "reception", "vastaanotto", "laskutus", "billing",
        "invoice", "invoices", "lasku", "laskut", "ostolaskut", "hr", "rekry", "rekrytointi", "jobs", "careers",
        "recruitment", "marketing", "markkinointi", "viestinta", "communications", "press", "media", "service",
        "customerservice", "kundtjanst", "kontakt", "yhteys", "yhteydenotot", "huolto", "team", "general", "ostot",
        "hankinnat", "hankinta", "purchasing", "accounting", "kirjanpito", "talous", "finance", "toimitus",
        "varaukset", "varaus", "booking", "bookings", "reservations", "enquiries", "inquiries", "enquiry", "inquiry",
        "palvelu", "palvelut", "asiakkaat", "yritysmyynti", "tiedotus", "kanslia"};
    return names;
}

// Domains (and their subdomains) where anyone can get an address.
const std::unordered_set<std::string_view>& free_mail_domains() {
    static const std::unordered_set<std::string_view> domains = {
        "gmail.com", "googlemail.com", "icloud.com", "me.com", "mac.com", "aol.com", "msn.com", "protonmail.com",
        "proton.me", "pm.me", "mail.com", "email.com", "inbox.com", "gmx.com", "gmx.net", "gmx.de", "web.de",
        "t-online.de", "mail.ru", "yandex.ru", "yandex.com", "zoho.com", "tutanota.com", "hushmail.com",
        "fastmail.com", "rocketmail.com", "comcast.net", "sbcglobal.net", "att.net", "verizon.net",
        "earthlink.net", "juno.com", "cox.net", "charter.net", "bellsouth.net", "qq.com", "163.com", "wp.pl",
        "o2.pl", "seznam.cz", "luukku.com", "suomi24.fi", "kolumbus.fi", "welho.com", "elisanet.fi",
        "saunalahti.fi", "inet.fi", "netti.fi", "dnainternet.net", "kotiposti.net", "anvianet.fi", "surffi.fi",
        "mbnet.fi", "phnet.fi", "jippii.fi", "sci.fi", "iki.fi", "nic.fi", "telia.com", "spray.se", "bredband.net",
        "online.no"};
    return domains;
}

// Brands that give free mail under many country domains: hotmail.fi, outlook.com, yahoo.co.uk, live.se.
bool is_free_mail_brand(std::string_view label) {
    return label == "hotmail" || label == "outlook" || label == "live" || label == "yahoo" || label == "ymail" ||
           label == "windowslive" || label == "gmail";
}

bool is_free_mail(std::string_view domain) {
    const auto& domains = free_mail_domains();
    for (std::string_view d = domain;;) {
        if (domains.count(d)) return true;
        auto dot = d.find('.');
        if (dot == std::string_view::npos) break;
        d.remove_prefix(dot + 1);
    }
    auto dot = domain.find('.');
    if (dot == std::string_view::npos || !is_free_mail_brand(domain.substr(0, dot))) return false;
    auto rest = domain.substr(dot + 1);  // "fi", "com", "co.uk", "com.au"
    auto second = rest.find('.');
    return second == std::string_view::npos || (second <= 3 && rest.find('.', second + 1) == std::string_view::npos);
}

bool is_local_part_char(char c) {
    if (is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80)
        return true;
    return std::string_view("!#$%&'*+-/=?^_`{|}~.").find(c) != std::string_view::npos;
}

bool is_domain_char(char c) {
    return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '.' ||
           static_cast<unsigned char>(c) >= 0x80;
}

std::string lower_ascii_or_fold(std::string_view s) {
    if (!is_ascii(s)) return fold_case(s);
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

bool valid_domain(std::string_view d) {
    if (d.size() < 4 || d.find('.') == std::string_view::npos) return false;
    std::size_t start = 0;
    while (true) {
        std::size_t end = d.find('.', start);
        std::string_view label = d.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
        if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') return false;
        if (end == std::string_view::npos) {
            // The top-level domain: letters (or an IDN "xn--" label).
            return label.size() >= 2 && (std::all_of(label.begin(), label.end(), [](char c) { return is_letter(c); }) ||
                                         label.starts_with("xn--"));
        }
        start = end + 1;
    }
}

bool valid_local_part(std::string_view l) {
    return !l.empty() && l.size() <= 64 && l.front() != '.' && l.back() != '.' && l.find("..") == std::string_view::npos;
}

// "info(at)firma.fi", "info [at] firma.fi" -> "info@firma.fi".
std::string with_at_signs(std::string_view raw) {
    if (raw.find('@') != std::string_view::npos) return std::string(raw);
    std::string out;
    out.reserve(raw.size());
    for (std::size_t i = 0; i < raw.size(); ++i) {
        auto rest = raw.substr(i);
        auto marker = [&](std::string_view m) {
            if (rest.size() < m.size()) return false;
            for (std::size_t k = 0; k < m.size(); ++k)
                if ((rest[k] >= 'A' && rest[k] <= 'Z' ? rest[k] - 'A' + 'a' : rest[k]) != m[k]) return false;
            return true;
        };
        if (marker("(at)") || marker("[at]")) {
            while (!out.empty() && out.back() == ' ') out.pop_back();
            out += '@';
            i += 3;
            while (i + 1 < raw.size() && raw[i + 1] == ' ') ++i;
        } else {
            out += raw[i];
        }
    }
    return out;
}

// Every address in the text: around each '@', as far as the characters of an address go.
std::vector<std::string_view> email_candidates(std::string_view text) {
    std::vector<std::string_view> found;
    std::size_t from = 0;
    while (true) {
        std::size_t at = text.find('@', from);
        if (at == std::string_view::npos) break;
        std::size_t start = at;
        while (start > from && is_local_part_char(text[start - 1])) --start;
        std::size_t end = at + 1;
        while (end < text.size() && is_domain_char(text[end])) ++end;
        std::size_t domain_end = end;
        while (domain_end > at + 1 && (text[domain_end - 1] == '.' || text[domain_end - 1] == '-')) --domain_end;
        found.push_back(text.substr(start, domain_end - start));
        from = end;
    }
    return found;
}

NormalizedEmail email_of(std::string_view candidate) {
    NormalizedEmail e;
    e.address = lower_ascii_or_fold(candidate);
    auto at = e.address.find('@');
    std::string_view local = std::string_view(e.address).substr(0, at);
    e.domain = e.address.substr(at + 1);
    e.valid = valid_local_part(local) && valid_domain(e.domain);
    std::string_view mailbox = local.substr(0, local.find('+'));  // "info+tilaukset@" is still info@
    e.generic_mailbox = generic_mailboxes().count(mailbox) > 0;
    e.free_mail = is_free_mail(e.domain);
    return e;
}

}  // namespace

// --- public functions ---------------------------------------------------------------------------------------

NormalizedName normalize_name(std::string_view raw) {
    NormalizedName name;
    std::string folded = fold_key(raw);
    std::vector<std::string_view> all;
    all.reserve(16);
    split_tokens(folded, all);
    Words words(all);
    std::vector<std::string_view> without_inner_forms;
    if (!words.empty()) {
        name.legal_form = strip_legal_forms(words, without_inner_forms);
        if (words.size() > 1 && words.front() == "the") words = words.subspan(1);
        if (!name.legal_form.empty() || !read_city_name(words, name)) name.key = join(words);
    }
    for (std::size_t start = 0; start < name.key.size();) {
        std::size_t end = std::min(name.key.find(' ', start), name.key.size());
        name.tokens.emplace_back(name.key, start, end - start);
        start = end + 1;
    }
    return name;
}

std::string business_id_key(std::string_view raw) {
    BusinessId id = parse_business_id(raw);
    return id.valid ? id.canonical : std::string();
}

NormalizedAddress normalize_address(std::string_view street, std::string_view postcode, std::string_view city) {
    NormalizedAddress a;
    std::string_view postcode_rest;
    a.postcode = postcode_of(postcode, postcode_rest);

    std::string_view street_after;
    std::string folded = fold_key_keeping(street_line(street, street_after), ".-#,");
    std::vector<AddressWord> words = address_words(folded);

    // A postcode after the house number ends the street: "Mannerheimintie 1 A 3, 00100 Helsinki".
    std::string city_from_street;
    bool seen_number = false;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (seen_number && looks_like_postcode(words[i].text)) {
            if (a.postcode.empty()) a.postcode = words[i].text.substr(0, 5);
            for (std::size_t k = i + 1; k < words.size(); ++k) {
                if (!city_from_street.empty()) city_from_street += ' ';
                city_from_street += words[k].text;
            }
            std::size_t end = i;
            if (end > 0 && (words[end - 1].text == "fi" || words[end - 1].text == "fin")) --end;
            words.resize(end);
            break;
        }
        if (starts_with_digit(words[i].text)) seen_number = true;
    }

    std::string_view city_text = trim(city);
    if (city_text.empty()) city_text = trim(postcode_rest);
    if (city_text.empty()) city_text = city_from_street;
    if (city_text.empty()) city_text = street_after;
    a.city_key = city_key_of(city_text, a.postcode);

    AddressWords all(words);
    for (std::size_t i = 0; i < all.size(); ++i) {
        if (std::size_t length = po_box_length(all, i)) {
            a.po_box = true;
            if (i == 0) {
                a.street_name = "pl";
                a.number = all[length - 1].text;
                a.street_key = "pl " + a.number;
                return a;
            }
            all = all.first(i);  // "Mannerheimintie 1, PL 123": the street is the better key
            break;
        }
    }
    all = after_leading_place_name(all);
    if (all.empty()) return a;
    bool number_first = is_house_number(all.front().text) && !all.front().dot && all.size() > 1;
    if (number_first) read_english_street(all, a);
    else read_nordic_street(all, a);
    return a;
}

NormalizedPhone normalize_phone(std::string_view raw, std::string_view default_country) {
    NormalizedPhone phone;
    PhoneDigits p = first_phone_digits(raw);
    if (p.digits.empty()) return phone;
    const std::string home = calling_code(default_country);
    std::string_view d = p.digits;
    bool international = p.plus;
    std::string_view exit_code = home == "1" ? "011" : "00";  // dialled before a country code
    if (!international && d.starts_with(exit_code)) {
        d.remove_prefix(exit_code.size());
        international = true;
    }

    std::string cc;
    std::string_view nsn;
    if (international) {
        std::size_t n = country_code_length(d);
        cc = d.substr(0, n);
        nsn = d.substr(n);
        if (cc == "358" && nsn.starts_with("0")) nsn.remove_prefix(1);  // "+358 09 ..."
    } else {
        cc = home;
        nsn = d;
        if (cc == "358" && nsn.starts_with("0")) nsn.remove_prefix(1);  // the trunk prefix
        if (cc == "1" && nsn.size() == 11 && nsn[0] == '1') nsn.remove_prefix(1);
        phone.local_number = cc == "1" && nsn.size() == 7 && nsn[0] >= '2';
    }
    phone.national = nsn;
    phone.valid = !cc.empty() && plausible_length(cc, nsn);
    phone.e164 = "+" + cc + std::string(nsn);
    return phone;
}

NormalizedEmail normalize_email(std::string_view raw) {
    std::string text = with_at_signs(trim(raw));
    auto candidates = email_candidates(text);
    if (candidates.empty()) return {};
    NormalizedEmail first = email_of(candidates.front());
    for (std::size_t i = 1; i < candidates.size(); ++i) {
        NormalizedEmail more = email_of(candidates[i]);
        if (more.valid && more.address != first.address) first.others.push_back(std::move(more.address));
    }
    return first;
}

std::string website_key(std::string_view raw) {
    std::string_view text = trim(raw);
    text = text.substr(0, text.find_first_of(" \t\r\n;,"));
    if (auto scheme = text.find("://"); scheme != std::string_view::npos) text.remove_prefix(scheme + 3);
    text = text.substr(0, text.find_first_of("?#"));
    std::string key = lower_ascii_or_fold(text);
    if (key.starts_with("www")) {
        std::size_t i = 3;
        while (i < key.size() && is_digit(key[i])) ++i;
        if (i < key.size() && key[i] == '.') key.erase(0, i + 1);
    }
    while (!key.empty() && (key.back() == '/' || key.back() == '.')) key.pop_back();
    auto host = std::string_view(key).substr(0, key.find('/'));
    if (host.find('.') == std::string_view::npos || host.find('@') != std::string_view::npos) return {};
    return key;
}

}  // namespace jobcenter::register_plugin
