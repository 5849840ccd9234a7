// The City's sites (see city_sites.hpp): the tables of kinds of site and of Swedish district names, and the
// word-by-word comparison of two site names. To add a spelling, add a row to one of the tables.
#include "register/normalize/city_sites.hpp"

#include <algorithm>

#include "register/normalize/city_of_helsinki.hpp"
#include "register/normalize/one_edit.hpp"

namespace jobcenter::register_plugin::city_sites {
namespace {

struct Spelling {
    std::string_view word;       // folded, as name keys hold words
    std::string_view canonical;  // the Finnish word it is read as
};

// Kinds of site, with their abbreviations, genitives and Swedish and English names.
constexpr Spelling kind_spellings[] = {
    {"pk", "pk"},  // a service centre or a day-care centre: agrees with either (kinds_agree)
    {"palvelukeskus", "palvelukeskus"}, {"palvelukeskuksen", "palvelukeskus"},
    {"servicecentral", "palvelukeskus"}, {"servicecentralen", "palvelukeskus"}, {"servicecenter", "palvelukeskus"},
    {"paivakoti", "paivakoti"}, {"paivakodin", "paivakoti"}, {"pvk", "paivakoti"},
    {"daghem", "paivakoti"}, {"daghemmet", "paivakoti"},
    {"kirjasto", "kirjasto"}, {"kirjaston", "kirjasto"}, {"bibliotek", "kirjasto"}, {"biblioteket", "kirjasto"},
    {"library", "kirjasto"},
    {"nuorisotalo", "nuorisotalo"}, {"nuorisotalon", "nuorisotalo"}, {"nuta", "nuorisotalo"},
    {"ungdomsgard", "nuorisotalo"}, {"ungdomsgarden", "nuorisotalo"},
    {"leikkipuisto", "leikkipuisto"}, {"leikkipuiston", "leikkipuisto"}, {"lekpark", "leikkipuisto"},
    {"lekparken", "leikkipuisto"},
    {"koulu", "koulu"}, {"koulun", "koulu"}, {"peruskoulu", "koulu"}, {"skola", "koulu"}, {"skolan", "koulu"},
    {"school", "koulu"},
    {"asukastalo", "asukastalo"}, {"asukastalon", "asukastalo"}, {"invanarhus", "asukastalo"},
    {"invanarhuset", "asukastalo"},
    {"liikuntapuisto", "liikuntapuisto"}, {"liikuntapuiston", "liikuntapuisto"}, {"idrottspark", "liikuntapuisto"},
    {"idrottsparken", "liikuntapuisto"},
    {"uimahalli", "uimahalli"}, {"uimahallin", "uimahalli"}, {"simhall", "uimahalli"}, {"simhallen", "uimahalli"},
    {"terveysasema", "terveysasema"}, {"terveysaseman", "terveysasema"}, {"halsostation", "terveysasema"},
    {"halsostationen", "terveysasema"},
    {"kotihoito", "kotihoito"}, {"kotihoidon", "kotihoito"}, {"hemvard", "kotihoito"}, {"hemvarden", "kotihoito"},
    {"lp", "leikkipuisto"}, {"ta", "terveysasema"}, {"kirj", "kirjasto"}, {"liikuntap", "liikuntapuisto"},
    {"aste", "koulu"}, {"asteen", "koulu"}, {"lagstadieskola", "koulu"}, {"lagstadieskolan", "koulu"},
    {"perhekeskus", "perhekeskus"}, {"perhekeskuksen", "perhekeskus"}, {"perhek", "perhekeskus"},
    {"familjecenter", "perhekeskus"}, {"familjecentret", "perhekeskus"},
    {"puistotoimisto", "puistotoimisto"}, {"puistotoimiston", "puistotoimisto"}, {"puistotsto", "puistotoimisto"},
    {"parkbyra", "puistotoimisto"}, {"parkbyran", "puistotoimisto"},
    {"lukio", "lukio"}, {"lukion", "lukio"}, {"gymnasium", "lukio"}, {"gymnasiet", "lukio"},
    {"neuvola", "neuvola"}, {"neuvolan", "neuvola"}, {"neuv", "neuvola"}, {"radgivningsbyra", "neuvola"},
    {"radgivningsbyran", "neuvola"},
    {"hammashoitola", "hammashoitola"}, {"hammashoitolan", "hammashoitola"}, {"hammashoit", "hammashoitola"},
    {"tandklinik", "hammashoitola"}, {"tandkliniken", "hammashoitola"},
    {"uimah", "uimahalli"},
    {"kulttuurikeskus", "kulttuurikeskus"}, {"kulttuurikeskuksen", "kulttuurikeskus"}, {"kulttuurik", "kulttuurikeskus"},
    {"kulturcentrum", "kulttuurikeskus"}, {"kulturcentret", "kulttuurikeskus"},
};

// Helsinki's districts by their Swedish names (nominative; a Swedish genitive's -s is dropped before). Östra
// centrum, two words, is read in site_words.
constexpr Spelling swedish_districts[] = {
    {"berghall", "kallio"}, {"tolo", "toolo"}, {"bole", "pasila"},
    {"malm", "malmi"}, {"vallgard", "vallila"}, {"gardsbacka", "kontula"},
    {"hertonas", "herttoniemi"}, {"drumso", "lauttasaari"}, {"kampen", "kamppi"},
    {"rodbergen", "punavuori"}, {"kronohagen", "kruununhaka"}, {"sornas", "sornainen"},
    {"hagnas", "hakaniemi"}, {"arabiastranden", "arabianranta"}, {"kottby", "kapyla"},
    {"aggelby", "oulunkyla"}, {"baggbole", "pakila"}, {"munksnas", "munkkiniemi"},
    {"sockenbacka", "pitajanmaki"}, {"gamlas", "kannelmaki"}, {"malmgard", "malminkartano"},
    {"nordsjo", "vuosaari"}, {"mellungsbacka", "mellunmaki"}, {"kvarnbacken", "myllypuro"},
    {"busholmen", "jatkasaari"}, {"fiskehamnen", "kalasatama"}, {"grasviken", "ruoholahti"},
    {"haga", "haaga"}, {"mansas", "maunula"}, {"parkstad", "puistola"},
    {"mosabacka", "tapanila"}, {"bocksbacka", "pukinmaki"}, {"brobacka", "siltamaki"},
    {"jakobacka", "jakomaki"}, {"ronnbacka", "pihlajamaki"}, {"vik", "viikki"},
    {"kasberget", "roihuvuori"}, {"degero", "laajasalo"}, {"lassas", "lassila"},
    {"kanala", "konala"}, {"svedangen", "paloheina"}, {"botby", "vartiokyla"},
    {"brando", "kulosaari"}, {"mejlans", "meilahti"}, {"brunakarr", "ruskeasuo"},
    {"stapelstaden", "tapulikaupunki"}, {"stenangen", "kivikko"}, {"skomakarbole", "suutarila"},
    {"forsby", "koskela"}, {"staffansby", "tapaninkyla"}, {"gumtakt", "kumpula"},
    {"stensbole", "tapaninvainio"},
};

// The division that runs each kind of site in Helsinki's organisation since 2017 (the divisions' pages on
// hel.fi): education runs early childhood education and schools, social and health services the service,
// health and family centres, urban environment the park offices, culture and leisure the rest. Residents'
// houses are run by more than one, so they tell no division.
struct KindDivision {
    std::string_view kind;      // as kind_spellings' canonical word
    std::string_view division;  // as city_of_helsinki's canonical division key
};
constexpr KindDivision kind_divisions[] = {
    {"paivakoti", city_of_helsinki::division::kasko},         {"leikkipuisto", city_of_helsinki::division::kasko},
    {"koulu", city_of_helsinki::division::kasko},             {"lukio", city_of_helsinki::division::kasko},
    {"palvelukeskus", city_of_helsinki::division::sotepe},    {"terveysasema", city_of_helsinki::division::sotepe},
    {"kotihoito", city_of_helsinki::division::sotepe},        {"perhekeskus", city_of_helsinki::division::sotepe},
    {"neuvola", city_of_helsinki::division::sotepe},          {"hammashoitola", city_of_helsinki::division::sotepe},
    {"puistotoimisto", city_of_helsinki::division::kymp},     {"kirjasto", city_of_helsinki::division::kuva},
    {"nuorisotalo", city_of_helsinki::division::kuva},        {"liikuntapuisto", city_of_helsinki::division::kuva},
    {"uimahalli", city_of_helsinki::division::kuva},          {"kulttuurikeskus", city_of_helsinki::division::kuva},
};

// Words that say nothing about which site: what the City's names put around a site's own words, and the
// divisions' short names units add in brackets ("Malmin pk (Kuva)").
constexpr std::string_view filler_words[] = {
    "ja",    "och",  "and",  "of",     "the",  "ala",   "helsinki", "helsingin", "hki",      "helsingfors",
    "toimipiste", "yksikko", "enhet", "unit", "kasko", "kuva", "sote",     "sotepe",    "kymp",     "stara",
    "kanslia", "keskushallinto", "toimiala"};

std::string_view canonical_kind(std::string_view word) {
    for (const auto& k : kind_spellings)
        if (k.word == word) return k.canonical;
    return {};
}

// Whether two kinds of site can be one: equal, or "pk" and either kind it abbreviates.
bool kinds_match(std::string_view a, std::string_view b) {
    if (a == b) return true;
    auto pk_reads = [](std::string_view pk, std::string_view other) {
        return pk == "pk" && (other == "palvelukeskus" || other == "paivakoti");
    };
    return pk_reads(a, b) || pk_reads(b, a);
}

bool is_kind(std::string_view word) {
    for (const auto& k : kind_spellings)
        if (k.canonical == word) return true;
    return false;
}

std::string_view finnish_district(std::string_view word) {
    for (const auto& d : swedish_districts)
        if (d.word == word) return d.canonical;
    if (word.size() > 3 && word.back() == 's') {
        const std::string_view stem = word.substr(0, word.size() - 1);
        for (const auto& d : swedish_districts)
            if (d.word == stem) return d.canonical;
    }
    return {};
}

// A Finnish genitive read back to its nominative where the ending is regular: "itakeskuksen" -> "itakeskus",
// "herttoniemen" -> "herttoniemi", "malmin" -> "malmi". Other words are left as they are.
std::string nominative(std::string word) {
    auto ends = [&](std::string_view tail) { return word.size() > tail.size() + 2 && word.ends_with(tail); };
    if (ends("uksen")) return word.substr(0, word.size() - 5) + "us";
    if (ends("isten")) return word.substr(0, word.size() - 5) + "inen";
    if (ends("men")) return word.substr(0, word.size() - 3) + "mi";
    if (ends("n") && word.size() >= 5) word.pop_back();
    return word;
}

// Two district or name words alike: equal, one slip apart, or one a short inflection of the other.
bool alike(std::string_view a, std::string_view b) {
    if (a == b) return true;
    if (a.size() >= 4 && b.size() >= 4 && within_one_edit(a, b)) return true;
    std::size_t common = 0;
    while (common < a.size() && common < b.size() && a[common] == b[common]) ++common;
    return common >= 5 && std::max(a.size(), b.size()) - common <= 2;
}

// Whether every word of `few` has an alike word in `many`; `any` says whether at least one does.
struct Cover {
    bool all = true;
    bool any = false;
};
Cover cover(const std::vector<std::string>& few, const std::vector<std::string>& many) {
    Cover c;
    for (const auto& w : few) {
        const bool found = std::any_of(many.begin(), many.end(), [&](const std::string& m) { return alike(w, m); });
        c.all = c.all && found;
        c.any = c.any || found;
    }
    return c;
}

}  // namespace

TreePlace place_in_tree(std::string_view name_key, std::string_view department_key, bool names_the_city) {
    if (!names_the_city) return {{}, name_key};
    if (department_key.empty()) return {};
    if (!city_of_helsinki::is_division(department_key)) return {{}, department_key};
    // "helsingin kaupunki <division> <site words>"
    const std::size_t at = name_key.find(department_key);
    if (at == std::string_view::npos) return {department_key, {}};
    std::string_view rest = name_key.substr(at + department_key.size());
    while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    return {department_key, rest};
}

std::vector<std::string> site_words(std::string_view site) {
    std::vector<std::string> words;
    while (!site.empty()) {
        const std::size_t space = site.find(' ');
        const std::string_view word = site.substr(0, space);
        site = space == std::string_view::npos ? std::string_view{} : site.substr(space + 1);
        if (word.empty() ||
            std::find(std::begin(filler_words), std::end(filler_words), word) != std::end(filler_words))
            continue;
        if (word == "ostra" && (site.starts_with("centrum ") || site == "centrum" || site.starts_with("centrums"))) {
            words.emplace_back("itakeskus");
            const std::size_t next = site.find(' ');
            site = next == std::string_view::npos ? std::string_view{} : site.substr(next + 1);
        } else if (auto kind = canonical_kind(word); !kind.empty()) words.emplace_back(kind);
        else if (auto district = finnish_district(word); !district.empty()) words.emplace_back(district);
        else words.push_back(nominative(std::string(word)));
    }
    return words;
}

std::string_view division_running(std::string_view site) {
    std::string_view found;
    for (const auto& word : site_words(site)) {
        if (!is_kind(word)) continue;
        std::string_view division;
        for (const auto& k : kind_divisions)
            if (k.kind == word) division = k.division;
        if (division.empty() || (!found.empty() && found != division)) return {};  // "pk", or kinds of two divisions
        found = division;
    }
    return found;
}

SiteLikeness compare_sites(std::string_view a, std::string_view b) {
    std::vector<std::string> kinds_a, kinds_b, names_a, names_b;
    for (auto& w : site_words(a)) (is_kind(w) ? kinds_a : names_a).push_back(std::move(w));
    for (auto& w : site_words(b)) (is_kind(w) ? kinds_b : names_b).push_back(std::move(w));
    const bool kinds_known = !kinds_a.empty() && !kinds_b.empty();
    const bool kinds_agree = std::any_of(kinds_a.begin(), kinds_a.end(), [&](const std::string& k) {
        return std::any_of(kinds_b.begin(), kinds_b.end(), [&](const std::string& l) { return kinds_match(k, l); });
    });
    if (kinds_known && !kinds_agree) return SiteLikeness::different;
    if (names_a.empty() || names_b.empty()) return SiteLikeness::unclear;
    const bool a_fewer = names_a.size() <= names_b.size();
    const Cover c = a_fewer ? cover(names_a, names_b) : cover(names_b, names_a);
    if (!c.any) return SiteLikeness::different;
    return c.all ? SiteLikeness::same : SiteLikeness::unclear;
}

}  // namespace jobcenter::register_plugin::city_sites
