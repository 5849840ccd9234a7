// The register generator (see register_generator.hpp). Everything random comes from one xoshiro256**
// stream per phase, seeded by splitmix64 from the options' seed, and drawn with the helpers in Rng,
// so the output is the same on every platform and standard library.
#include "generator/register_generator.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <stdexcept>
#include <unordered_map>

#include "generator/generator_random.hpp"
#include "jobcenter/fnv1a.hpp"

namespace jobcenter::testing {
namespace {

// The first letter of a name as UTF-8 ("Ä" of "Äijälä"), never half of one.
std::string first_letter(std::string_view name) {
    if (name.empty()) return {};
    std::size_t length = 1;
    while (length < name.size() && (static_cast<unsigned char>(name[length]) & 0xC0) == 0x80) ++length;
    return std::string(name.substr(0, length));
}

// ---------------------------------------------------------------------------------------------------
// Word lists

constexpr std::string_view kCompany = "company";
constexpr std::string_view kHousing = "housing_company";
constexpr std::string_view kChain = "chain_store";
constexpr std::string_view kAssociation = "association";
constexpr std::string_view kFoundation = "foundation";
constexpr std::string_view kParish = "parish";
constexpr std::string_view kPublicDivision = "public_division";
constexpr std::string_view kPublicUnit = "public_unit";
constexpr std::string_view kPublicBody = "public_body";
constexpr std::string_view kPublicSite = "public_site";
constexpr std::string_view kPerson = "private_person";
constexpr std::string_view kSoleTrader = "sole_trader";

constexpr std::string_view kSurnames[] = {
    "Mäkinen",   "Virtanen",  "Korhonen",  "Nieminen",   "Hämäläinen", "Laine",     "Heikkinen", "Koskinen",
    "Järvinen",  "Lehtonen",  "Lehtinen",  "Saarinen",   "Salminen",   "Heinonen",  "Niemi",     "Heikkilä",
    "Kinnunen",  "Salonen",   "Turunen",   "Salo",       "Laitinen",   "Tuominen",  "Rantanen",  "Karjalainen",
    "Jokinen",   "Mattila",   "Savolainen", "Lahtinen",  "Ahonen",     "Leinonen",  "Hiltunen",  "Hakala",
    "Miettinen", "Rantala",   "Aaltonen",  "Laaksonen",  "Kallio",     "Mustonen",  "Heiskanen", "Lindholm",
    "Nurmi",     "Manninen",  "Ahola",     "Pitkänen",   "Räsänen",    "Väisänen",  "Seppälä",   "Laakso",
    "Hirvonen",  "Kettunen",  "Peltonen",  "Koivisto",   "Lindqvist",  "Nyström",   "Sundström", "Holmberg",
    "Eriksson",  "Johansson", "Karppinen", "Huttunen",   "Anttila",    "Kärkkäinen", "Leppänen", "Mäkelä",
    "Koponen",   "Toivonen",  "Lindberg",  "Granström",  "Wikström",   "Åberg",     "Öhman",     "Björklund",
    "Pesonen",   "Vainio",    "Lampinen",  "Kokkonen",   "Ojala",      "Hyvönen",   "Backman",   "Söderholm"};

constexpr std::string_view kFirstNames[] = {
    "Matti",  "Mikko",  "Juha",    "Jari",   "Timo",   "Antti",  "Jukka",  "Pekka",  "Markku", "Ville",
    "Janne",  "Sami",   "Petri",   "Heikki", "Kari",   "Tuomas", "Jussi",  "Olli",   "Lauri",  "Eero",
    "Aleksi", "Johan",  "Erik",    "Väinö",  "Jyrki",  "Anna",   "Maria",  "Sari",   "Päivi",  "Tiina",
    "Minna",  "Laura",  "Johanna", "Hanna",  "Eeva",   "Riikka", "Sanna",  "Katja",  "Pirjo",  "Marjatta",
    "Leena",  "Elina",  "Satu",    "Heli",   "Jenni",  "Noora",  "Emmi",   "Aino",   "Ilona",  "Kaisa",
    "Mervi",  "Tuula",  "Säde",    "Kristiina", "Anu", "Outi",   "Hannele", "Ritva", "Åsa",    "Mirja"};

constexpr std::string_view kTrades[] = {
    "Siivous",     "Siivouspalvelu", "Kiinteistöhuolto", "Rakennus",  "Kuljetus",   "Muutto",      "Pesula",
    "Ravintola",   "Kahvila",        "Leipomo",          "Kukka",     "Puutarha",   "Auto",        "Autokorjaamo",
    "Sähkö",       "LVI",            "Maalaus",          "Remontti",  "Tilitoimisto", "Kirjapaino", "Ompelimo",
    "Logistiikka", "Pakkaus",        "Catering",         "Isännöinti", "Kampaamo",  "Parturi",     "Hieronta",
    "Kiinteistöpalvelu", "Metalli",  "Puusepänliike",    "Lukko",     "Lasitus",    "Kattohuolto", "Vartiointi",
    "Kierrätys",   "Tekstiili",      "Verhoomo",         "Huonekalu", "Kone",       "Asennus",     "Putkityö",
    "Kuvaus",      "Mainos",         "Kopio",            "Suutari",   "Optiikka",   "Lemmikki",    "Taksi",
    "Kuljetuspalvelu", "Rakennuspelti", "Viherpalvelu"};

struct Place {
    std::string_view name, genitive, postcode, city;
};

constexpr Place kPlaces[] = {
    {"Kallio", "Kallion", "00530", "Helsinki"},          {"Töölö", "Töölön", "00250", "Helsinki"},
    {"Pasila", "Pasilan", "00520", "Helsinki"},          {"Malmi", "Malmin", "00700", "Helsinki"},
    {"Vallila", "Vallilan", "00550", "Helsinki"},        {"Kontula", "Kontulan", "00940", "Helsinki"},
    {"Itäkeskus", "Itäkeskuksen", "00930", "Helsinki"},  {"Herttoniemi", "Herttoniemen", "00810", "Helsinki"},
    {"Lauttasaari", "Lauttasaaren", "00200", "Helsinki"}, {"Kamppi", "Kampin", "00100", "Helsinki"},
    {"Punavuori", "Punavuoren", "00150", "Helsinki"},    {"Kruununhaka", "Kruununhaan", "00170", "Helsinki"},
    {"Sörnäinen", "Sörnäisten", "00500", "Helsinki"},    {"Hakaniemi", "Hakaniemen", "00530", "Helsinki"},
    {"Arabianranta", "Arabianrannan", "00560", "Helsinki"}, {"Käpylä", "Käpylän", "00610", "Helsinki"},
    {"Oulunkylä", "Oulunkylän", "00640", "Helsinki"},    {"Pakila", "Pakilan", "00660", "Helsinki"},
    {"Munkkiniemi", "Munkkiniemen", "00330", "Helsinki"}, {"Pitäjänmäki", "Pitäjänmäen", "00370", "Helsinki"},
    {"Kannelmäki", "Kannelmäen", "00420", "Helsinki"},   {"Malminkartano", "Malminkartanon", "00410", "Helsinki"},
    {"Vuosaari", "Vuosaaren", "00980", "Helsinki"},      {"Mellunmäki", "Mellunmäen", "00970", "Helsinki"},
    {"Myllypuro", "Myllypuron", "00920", "Helsinki"},    {"Jätkäsaari", "Jätkäsaaren", "00220", "Helsinki"},
    {"Kalasatama", "Kalasataman", "00540", "Helsinki"},  {"Ruoholahti", "Ruoholahden", "00180", "Helsinki"},
    {"Eira", "Eiran", "00130", "Helsinki"},              {"Haaga", "Haagan", "00320", "Helsinki"},
    {"Maunula", "Maunulan", "00630", "Helsinki"},        {"Espoo", "Espoon", "02770", "Espoo"},
    {"Leppävaara", "Leppävaaran", "02600", "Espoo"},     {"Tapiola", "Tapiolan", "02100", "Espoo"},
    {"Matinkylä", "Matinkylän", "02230", "Espoo"},       {"Vantaa", "Vantaan", "01300", "Vantaa"},
    {"Tikkurila", "Tikkurilan", "01300", "Vantaa"},      {"Myyrmäki", "Myyrmäen", "01600", "Vantaa"},
    {"Martinlaakso", "Martinlaakson", "01620", "Vantaa"}, {"Hakunila", "Hakunilan", "01200", "Vantaa"},
    {"Koivukylä", "Koivukylän", "01360", "Vantaa"}};
constexpr std::size_t kHelsinkiPlaces = 31;  // the first 31 places are in Helsinki

constexpr std::string_view kStreets[] = {
    "Mannerheimintie", "Hämeentie",      "Aleksanterinkatu", "Fredrikinkatu",   "Runeberginkatu",
    "Mäkelänkatu",     "Sturenkatu",     "Tehtaankatu",      "Itämerenkatu",    "Porvoonkatu",
    "Helsinginkatu",   "Fleminginkatu",  "Vallilantie",      "Teollisuuskatu",  "Sörnäisten rantatie",
    "Hakaniemenranta", "Kauppiaantie",   "Ruoholahdenranta", "Työpajankatu",    "Kirvesmiehenkatu",
    "Valimotie",       "Turuntie",       "Tuusulantie",      "Malminkaari",     "Kauppakartanonkatu",
    "Itäkatu",         "Ratapihantie",   "Höyläämötie",      "Sahaajankatu",    "Konepajankuja",
    "Kalevankatu",     "Koivukuja",      "Pihlajapolku",     "Vaahteratie",     "Kuusikuja",
    "Mäntypolku",      "Leppäkuja",      "Rantapolku",       "Merenranta",      "Aurinkoranta",
    "Tikkurilantie",   "Ratatie",        "Leppävaarankatu",  "Kauppamiehentie", "Tapiontori",
    "Kirkkokatu",      "Liisankatu",     "Pitkäkatu",        "Myllypurontie",   "Kontulankaari",
    "Lauttasaarentie", "Vuorikatu",      "Satamakatu",       "Laivurinkatu",    "Kuortaneenkatu",
    "Mechelininkatu",  "Uudenmaankatu",  "Annankatu",        "Kivikonkaari",    "Pajalahdentie"};

constexpr std::string_view kAssociationWords[] = {
    "Eläkeläiset",   "Kotiseutuyhdistys", "Omakotiyhdistys", "Yrittäjät",      "Urheiluseura",
    "Partiolaiset",  "Martat",            "Nuorisoseura",    "Kuoro",          "Taiteilijaseura",
    "Asukasyhdistys", "Työttömät",        "Mielenterveysyhdistys", "Sotaveteraanit", "Kamerakerho",
    "Shakkikerho",   "Ladut",             "Palloseura",      "Setlementti",    "Vanhempainyhdistys"};

constexpr std::string_view kFoundationWords[] = {"Asumispalvelusäätiö", "Vanhustenkotisäätiö", "Diakoniasäätiö",
                                                 "Nuorisosäätiö", "Kulttuurisäätiö", "Työllisyyssäätiö"};

constexpr std::string_view kTrees[] = {"Koivu", "Mänty", "Kuusi", "Meri", "Kallio", "Vaahtera", "Pihlaja",
                                       "Tammi", "Leppä", "Haapa", "Tuomi", "Kivi", "Sinivuokko", "Kanerva"};
constexpr std::string_view kTreeSuffixes[] = {"rinne", "kumpu", "mäki", "ranta", "piha", "hovi", "linna",
                                              "tupa", "kartano", "lehto", "niitty", "harju"};

constexpr std::string_view kDaycareNames[] = {"Satakieli", "Kielo", "Pikkusisko", "Mustakivi", "Tenavat",
                                              "Touhula", "Sateenkaari", "Vekara", "Kotikallio", "Peikko",
                                              "Kotirinne", "Pilvilinna", "Naava", "Omena", "Kaisla"};
constexpr std::string_view kUnitKinds[] = {"kirjasto", "nuorisotalo", "terveysasema", "peruskoulu",
                                           "palvelukeskus", "asukastalo"};

struct Brand {
    std::string_view name, domain;
    std::string_view aliases[3];
};
constexpr Brand kBrands[] = {
    {"K-Market", "k-market.fi", {"K Market", "Kmarket", "K-market"}},
    {"K-Supermarket", "k-supermarket.fi", {"K Supermarket", "K-supermarket", "Ksupermarket"}},
    {"Alepa", "alepa.fi", {"ALEPA", "Alepa-market", "Alepa"}},
    {"S-market", "s-market.fi", {"S market", "Smarket", "S-Market"}},
    {"Sale", "sale.fi", {"SALE", "Sale-market", "Sale"}},
    {"R-kioski", "r-kioski.fi", {"R-Kioski", "R kioski", "Rkioski"}},
    {"Kotipizza", "kotipizza.fi", {"Koti Pizza", "KOTIPIZZA", "Kotipizza"}},
    {"Hesburger", "hesburger.fi", {"Hese", "HESBURGER", "Hesburger"}},
    {"Subway", "subway.fi", {"SUBWAY", "Subway-ravintola", "Subway"}},
    {"Tokmanni", "tokmanni.fi", {"TOKMANNI", "Tokmanni-myymälä", "Tokmanni"}}};

struct Division {
    std::string_view name;
    std::string_view aliases[4];
    std::string_view street, number, stair, postcode;
    // For the names of its sites: the bare name, the City's short name and the Swedish name.
    std::string_view bare, abbreviation, swedish;
};
constexpr std::string_view kHelsinkiId = "0201256-6";
constexpr Division kDivisions[] = {
    {"Helsingin kaupunki, Kasvatuksen ja koulutuksen toimiala",
     {"Kasvatuksen ja koulutuksen toimiala", "Helsingin kaupunki / Kasko", "Hgin kaupunki, kasvatus ja koulutus",
      "Helsingfors stad, Fostran och utbildningssektorn"},
     "Töysänkatu", "2", "D", "00510",
     "Kasvatuksen ja koulutuksen toimiala", "Kasko", "Helsingfors stad, Fostrans- och utbildningssektorn"},
    {"Helsingin kaupunki, Sosiaali-, terveys- ja pelastustoimiala",
     {"Sosiaali-, terveys- ja pelastustoimiala", "Helsingin kaupunki / Sote", "Hki sosiaali- ja terveystoimiala",
      "Helsingfors stad, Social-, hälsovårds- och räddningssektorn"},
     "Toinen linja", "4", "A", "00530",
     "Sosiaali-, terveys- ja pelastustoimiala", "Sote", "Helsingfors stad, Social-, hälsovårds- och räddningssektorn"},
    {"Helsingin kaupunki, Kaupunkiympäristön toimiala",
     {"Kaupunkiympäristön toimiala", "Helsingin kaupunki / Kymp", "Hki kaupunkiympäristö",
      "Helsingfors stad, Stadsmiljösektorn"},
     "Työpajankatu", "8", "", "00580",
     "Kaupunkiympäristön toimiala", "Kymp", "Helsingfors stad, Stadsmiljösektorn"},
    {"Helsingin kaupunki, Kulttuurin ja vapaa-ajan toimiala",
     {"Kulttuurin ja vapaa-ajan toimiala", "Helsingin kaupunki / Kuva", "Hki kulttuuri ja vapaa-aika",
      "Helsingfors stad, Kultur- och fritidssektorn"},
     "Toinen linja", "4", "B", "00530",
     "Kulttuurin ja vapaa-ajan toimiala", "Kuva", "Helsingfors stad, Kultur- och fritidssektorn"},
    {"Helsingin kaupunki, Kaupunginkanslia",
     {"Kaupunginkanslia", "Helsingin kaupunginkanslia", "Hki kanslia", "Helsingfors stad, Stadskansliet"},
     "Pohjoisesplanadi", "11-13", "", "00170",
     "Keskushallinto", "Kanslia", "Helsingfors stad, Centralförvaltningen"},
    {"Helsingin kaupunki, Taloushallintopalvelu-liikelaitos",
     {"Taloushallintopalvelu", "Talpa", "Helsingin kaupunki / Talpa", "Taloushallintopalvelu liikelaitos"},
     "Fleminginkatu", "34", "", "00510",
     "Taloushallintopalvelu-liikelaitos", "Talpa", "Helsingfors stad, Ekonomiförvaltningstjänst"},
    {"Helsingin kaupunki, Stara",
     {"Stara", "Rakentamispalvelu Stara", "Helsingin kaupunki / Stara", "Hki Stara"},
     "Sturenkatu", "27", "", "00510",
     "Stara", "Stara", "Helsingfors stad, Byggtjänst Stara"},
    {"Helsingin kaupunki, Palvelukeskus Helsinki",
     {"Palvelukeskus Helsinki", "Palke", "Helsingin kaupunki / Palvelukeskus", "Hki palvelukeskus"},
     "Viikinkaari", "2", "", "00790",
     "Palvelukeskus Helsinki", "Palke", "Helsingfors stad, Servicecentralen Helsingfors"},
    {"Helsingin kaupunki, Työllisyyspalvelut",
     {"Työllisyyspalvelut", "Helsingin kaupungin työllisyyspalvelut", "Hki työllisyyspalvelut",
      "Helsingfors stad, Sysselsättningstjänster"},
     "Kaikukatu", "3", "", "00530",
     "Työllisyyspalvelut", "Työllisyys", "Helsingfors stad, Sysselsättningstjänster"}};

// The head office of the City: the Kaupunginkanslia's street, which many sites' records carry.
constexpr std::size_t kHeadOfficeDivision = 4;

// Helsinki's districts for the City's sites, with the Swedish name.
struct District {
    std::string_view name, genitive, swedish, postcode;
};
constexpr District kDistricts[] = {
    {"Kallio", "Kallion", "Berghäll", "00530"},          {"Töölö", "Töölön", "Tölö", "00250"},
    {"Pasila", "Pasilan", "Böle", "00520"},              {"Malmi", "Malmin", "Malm", "00700"},
    {"Vallila", "Vallilan", "Vallgård", "00550"},        {"Kontula", "Kontulan", "Gårdsbacka", "00940"},
    {"Itäkeskus", "Itäkeskuksen", "Östra centrum", "00930"}, {"Herttoniemi", "Herttoniemen", "Hertonäs", "00810"},
    {"Lauttasaari", "Lauttasaaren", "Drumsö", "00200"},  {"Kamppi", "Kampin", "Kampen", "00100"},
    {"Punavuori", "Punavuoren", "Rödbergen", "00150"},   {"Kruununhaka", "Kruununhaan", "Kronohagen", "00170"},
    {"Sörnäinen", "Sörnäisten", "Sörnäs", "00500"},      {"Hakaniemi", "Hakaniemen", "Hagnäs", "00530"},
    {"Arabianranta", "Arabianrannan", "Arabiastranden", "00560"}, {"Käpylä", "Käpylän", "Kottby", "00610"},
    {"Oulunkylä", "Oulunkylän", "Åggelby", "00640"},     {"Pakila", "Pakilan", "Baggböle", "00660"},
    {"Munkkiniemi", "Munkkiniemen", "Munksnäs", "00330"}, {"Pitäjänmäki", "Pitäjänmäen", "Sockenbacka", "00370"},
    {"Kannelmäki", "Kannelmäen", "Gamlas", "00420"},     {"Malminkartano", "Malminkartanon", "Malmgård", "00410"},
    {"Vuosaari", "Vuosaaren", "Nordsjö", "00980"},       {"Mellunmäki", "Mellunmäen", "Mellungsbacka", "00970"},
    {"Myllypuro", "Myllypuron", "Kvarnbäcken", "00920"}, {"Jätkäsaari", "Jätkäsaaren", "Busholmen", "00220"},
    {"Kalasatama", "Kalasataman", "Fiskehamnen", "00540"}, {"Ruoholahti", "Ruoholahden", "Gräsviken", "00180"},
    {"Eira", "Eiran", "Eira", "00130"},                  {"Haaga", "Haagan", "Haga", "00320"},
    {"Maunula", "Maunulan", "Månsas", "00630"},          {"Puistola", "Puistolan", "Parkstad", "00760"},
    {"Tapanila", "Tapanilan", "Mosabacka", "00730"},     {"Pukinmäki", "Pukinmäen", "Bocksbacka", "00720"},
    {"Siltamäki", "Siltamäen", "Brobacka", "00740"},     {"Jakomäki", "Jakomäen", "Jakobacka", "00770"},
    {"Pihlajamäki", "Pihlajamäen", "Rönnbacka", "00710"}, {"Viikki", "Viikin", "Vik", "00790"},
    {"Roihuvuori", "Roihuvuoren", "Kasberget", "00820"}, {"Laajasalo", "Laajasalon", "Degerö", "00840"},
    {"Lassila", "Lassilan", "Lassas", "00440"},          {"Konala", "Konalan", "Kånala", "00390"},
    {"Paloheinä", "Paloheinän", "Svedängen", "00670"},   {"Vartiokylä", "Vartiokylän", "Botby", "00950"},
    {"Kulosaari", "Kulosaaren", "Brändö", "00570"},      {"Meilahti", "Meilahden", "Mejlans", "00250"},
    {"Ruskeasuo", "Ruskeasuon", "Brunakärr", "00280"},   {"Tapulikaupunki", "Tapulikaupungin", "Stapelstaden", "00750"},
    {"Kivikko", "Kivikon", "Stenängen", "00940"},        {"Suutarila", "Suutarilan", "Skomakarböle", "00740"}};

// The kinds of site a division runs in the districts: the word, the short form units write ("Malmin
// pk") and the Swedish word. Day-care centres and playgrounds also go by names of their own
// ("Päiväkoti Koivurinne", "Pvk Koivurinne", "Daghemmet Koivurinne").
struct SiteKind {
    std::string_view word, short_word, swedish;
    std::size_t division;  // in kDivisions
    std::string_view title = {}, short_title = {}, swedish_title = {};  // before a name of its own
};
constexpr SiteKind kSiteKinds[] = {
    {"päiväkoti", "pvk", "daghem", 0, "Päiväkoti", "Pvk", "Daghemmet"},
    {"leikkipuisto", "lp", "lekpark", 0, "Leikkipuisto", "Lp", "Lekparken"},
    {"ala-asteen koulu", "ala-aste", "lågstadieskola", 0},
    {"lukio", "lukio", "gymnasium", 0},
    {"palvelukeskus", "pk", "servicecentral", 1},
    {"terveysasema", "ta", "hälsostation", 1},
    {"perhekeskus", "perhek.", "familjecenter", 1},
    {"neuvola", "neuv.", "rådgivningsbyrå", 1},
    {"hammashoitola", "hammashoit.", "tandklinik", 1},
    {"puistotoimisto", "puistotsto", "parkbyrå", 2},
    {"kirjasto", "kirj.", "bibliotek", 3},
    {"nuorisotalo", "nuta", "ungdomsgård", 3},
    {"liikuntapuisto", "liikuntap.", "idrottspark", 3},
    {"uimahalli", "uimah.", "simhall", 3},
    {"kulttuurikeskus", "kulttuurik.", "kulturcentrum", 3},
    {"asukastalo", "asukastalo", "invånarhus", 4}};

// The City's generic mailboxes many sites give instead of their own.
constexpr std::string_view kCityMailboxes[] = {"info@hel.fi", "toimisto@hel.fi", "kirjaamo@hel.fi"};

// The commonest Finnish surnames and first names, from which the namesakes are named.
constexpr std::string_view kCommonSurnames[] = {"Korhonen", "Virtanen", "Mäkinen", "Nieminen", "Mäkelä",
                                                "Hämäläinen", "Laine", "Heikkinen", "Koskinen", "Järvinen"};
constexpr std::string_view kCommonFirstNames[] = {"Maria", "Helena", "Johanna", "Anna", "Merja", "Tiina",
                                                  "Juha", "Timo", "Matti", "Mikko", "Kari", "Jari"};
// Generic boxes on free-mail and operator domains that several persons give: no evidence between them.
constexpr std::string_view kGenericBoxes[] = {"info", "toimisto"};
constexpr std::string_view kOperatorDomains[] = {"elisanet.fi", "outlook.com", "gmail.com", "kolumbus.fi",
                                                 "welho.com"};

constexpr std::string_view kPublicBodies[] = {
    "HUS-yhtymä",           "Helsingin seudun ympäristöpalvelut -kuntayhtymä", "Helsingin Satama Oy",
    "Helen Oy",             "Palmia Oy",                 "Kansaneläkelaitos",
    "Uudenmaan TE-toimisto", "Helsingin kaupungin asunnot Oy", "Seure Henkilöstöpalvelut Oy",
    "Helsingin seudun liikenne -kuntayhtymä", "Vantaan kaupunki", "Espoon kaupunki",
    "Länsi-Uudenmaan hyvinvointialue", "Vantaan ja Keravan hyvinvointialue", "Itä-Uudenmaan hyvinvointialue"};

constexpr std::string_view kFreeMail[] = {"gmail.com", "gmail.com", "gmail.com", "hotmail.com", "outlook.com",
                                          "luukku.com", "kolumbus.fi", "yahoo.com"};
constexpr std::string_view kMobilePrefixes[] = {"40", "44", "45", "50"};

// ---------------------------------------------------------------------------------------------------
// Text helpers (UTF-8; only the Latin-1 letters the word lists use need care)

bool ascii_alpha(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

std::string upper(std::string_view s) {
    std::string out(s);
    for (std::size_t i = 0; i < out.size(); ++i) {
        auto c = static_cast<unsigned char>(out[i]);
        if (c >= 'a' && c <= 'z') {
            out[i] = static_cast<char>(c - 32);
        } else if (c == 0xC3 && i + 1 < out.size()) {
            auto d = static_cast<unsigned char>(out[i + 1]);
            if (d >= 0xA0 && d <= 0xBE && d != 0xB7) out[i + 1] = static_cast<char>(d - 0x20);
            ++i;
        }
    }
    return out;
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (std::size_t i = 0; i < out.size(); ++i) {
        auto c = static_cast<unsigned char>(out[i]);
        if (c >= 'A' && c <= 'Z') {
            out[i] = static_cast<char>(c + 32);
        } else if (c == 0xC3 && i + 1 < out.size()) {
            auto d = static_cast<unsigned char>(out[i + 1]);
            if (d >= 0x80 && d <= 0x9E && d != 0x97) out[i + 1] = static_cast<char>(d + 0x20);
            ++i;
        }
    }
    return out;
}

// ä→a, ö→o, å→a, é→e (and capitals), as systems without umlauts write them.
std::string fold(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        auto c = static_cast<unsigned char>(s[i]);
        if (c == 0xC3 && i + 1 < s.size()) {
            auto d = static_cast<unsigned char>(s[i + 1]);
            char r = 0;
            switch (d) {
                case 0xA4: case 0xA5: r = 'a'; break;
                case 0x84: case 0x85: r = 'A'; break;
                case 0xB6: r = 'o'; break;
                case 0x96: r = 'O'; break;
                case 0xA9: r = 'e'; break;
                case 0x89: r = 'E'; break;
                default: break;
            }
            if (r != 0) {
                out += r;
                ++i;
                continue;
            }
        }
        out += static_cast<char>(c);
    }
    return out;
}

// Lower-case ASCII letters and digits only: for e-mail local parts and domains.
std::string mail_token(std::string_view s, char space) {
    std::string folded = lower(fold(s));
    std::string out;
    for (char c : folded) {
        auto u = static_cast<unsigned char>(c);
        if ((u >= 'a' && u <= 'z') || (u >= '0' && u <= '9')) {
            out += c;
        } else if ((c == ' ' || c == '-') && space != 0 && !out.empty() && out.back() != space) {
            out += space;
        }
    }
    while (!out.empty() && out.back() == space) out.pop_back();
    return out;
}

// One typo in an ASCII letter: swap with the next letter, drop it, or double it.
void typo(std::string& s, Rng& rng) {
    for (int attempt = 0; attempt < 12 && s.size() >= 4; ++attempt) {
        const std::size_t i = 1 + rng.index(s.size() - 2);
        const auto a = static_cast<unsigned char>(s[i]);
        if (!ascii_alpha(a)) continue;
        switch (rng.below(3)) {
            case 0: {
                const auto b = static_cast<unsigned char>(s[i + 1]);
                if (!ascii_alpha(b) || a == b) continue;
                std::swap(s[i], s[i + 1]);
                return;
            }
            case 1:
                s.erase(i, 1);
                return;
            default:
                s.insert(i, 1, static_cast<char>(a));
                return;
        }
    }
}

std::string genitive(std::string_view surname) {
    std::string s(surname);
    if (s.size() > 3 && s.compare(s.size() - 3, 3, "nen") == 0) return s.substr(0, s.size() - 3) + "sen";
    if (!s.empty() && s.back() == 'i') return s.substr(0, s.size() - 1) + "en";
    if (!s.empty() && s.back() == 'e') return s + "en";
    const char last = s.empty() ? 'x' : s.back();
    if (last == 'a' || last == 'o' || last == 'u' || last == 'y') return s + "n";
    if (s.size() >= 2 && static_cast<unsigned char>(s[s.size() - 2]) == 0xC3) return s + "n";  // ä, ö
    return s + "in";
}

std::string digits(Rng& rng, int count, bool nonzero_first) {
    std::string out;
    for (int i = 0; i < count; ++i) {
        int d = (i == 0 && nonzero_first) ? rng.range(1, 9) : rng.range(0, 9);
        out += static_cast<char>('0' + d);
    }
    return out;
}

// The check digit of a 7-digit business ID body, or -1 when remainder 1 makes the body unusable.
int check_digit(std::string_view body) {
    static constexpr int kWeights[7] = {7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (std::size_t i = 0; i < 7; ++i) sum += (body[i] - '0') * kWeights[i];
    const int r = sum % 11;
    if (r == 0) return 0;
    if (r == 1) return -1;
    return 11 - r;
}

// ---------------------------------------------------------------------------------------------------
// Entities

enum class Legal { None, Oy, Ab, OyAb, Ky, Tmi, Oyj, Osk, Ry, Sr, AsOy };

struct Affix {
    std::string_view prefix, suffix;
};

// Ways a unit writes each legal form (the first is the usual one).
const std::vector<Affix>& legal_variants(Legal legal) {
    static const std::vector<Affix> kNone = {{"", ""}};
    static const std::vector<Affix> kOy = {{"", "Oy"},  {"Oy", ""}, {"", ""}, {"", "Osakeyhtiö"},
                                           {"", "OY"}, {"", "oy"}, {"", "Oy."}};
    static const std::vector<Affix> kAb = {{"", "Ab"}, {"Ab", ""}, {"", ""}, {"", "Aktiebolag"}, {"", "AB"}};
    static const std::vector<Affix> kOyAb = {{"Oy", "Ab"}, {"", "Oy Ab"}, {"", "Oy"}, {"", "Ab"}, {"", ""},
                                             {"", "Oy/Ab"}};
    static const std::vector<Affix> kKy = {{"", "Ky"}, {"", ""}, {"", "Kommandiittiyhtiö"}, {"", "KY"}, {"Ky", ""}};
    static const std::vector<Affix> kTmi = {{"Tmi", ""}, {"", "Tmi"}, {"T:mi", ""}, {"Toiminimi", ""}, {"", ""},
                                            {"", "T:mi"}, {"", "tmi"}};
    static const std::vector<Affix> kOyj = {{"", "Oyj"}, {"", "Oy"}, {"", "Abp"}, {"", ""}, {"", "Oyj."}};
    static const std::vector<Affix> kOsk = {{"", "osuuskunta"}, {"Osuuskunta", ""}, {"", "osk"}, {"", ""},
                                            {"", "Osk"}};
    static const std::vector<Affix> kRy = {{"", "ry"}, {"", "r.y."}, {"", "RY"}, {"", ""}, {"", "rf"}};
    static const std::vector<Affix> kSr = {{"", "sr"}, {"", ""}, {"", "s.r."}};
    static const std::vector<Affix> kAsOy = {{"Asunto Oy", ""}, {"As Oy", ""}, {"As. Oy", ""},
                                             {"Asunto-osakeyhtiö", ""}, {"", ""}, {"Bostads Ab", ""}};
    switch (legal) {
        case Legal::Oy: return kOy;
        case Legal::Ab: return kAb;
        case Legal::OyAb: return kOyAb;
        case Legal::Ky: return kKy;
        case Legal::Tmi: return kTmi;
        case Legal::Oyj: return kOyj;
        case Legal::Osk: return kOsk;
        case Legal::Ry: return kRy;
        case Legal::Sr: return kSr;
        case Legal::AsOy: return kAsOy;
        case Legal::None: break;
    }
    return kNone;
}

struct Phone {
    std::string area;        // "9" or a mobile prefix such as "40"
    std::string subscriber;  // 7 digits
};

struct Person {
    std::string_view first, last;
};

struct Address {
    std::string street, number, stair, flat, postcode;
    std::string_view city;
};

struct Building {
    Address address;
    Phone switchboard;
};

struct Entity {
    std::string_view category;
    Legal legal = Legal::None;
    std::string core;                // the name without its legal form
    Affix layout;                    // how the entity's own first record writes the legal form
    std::vector<std::string> aliases;  // other whole names units use (divisions, units, chain stores, persons)
    std::string business_id;         // 1234567-8, or empty for private persons
    Address address;
    std::vector<Phone> phones;
    std::vector<std::string> emails;  // emails[0] is the generic or the main one
    std::vector<Person> contacts;
    bool small = false;  // a one-person firm or person: free-mail addresses, mobile phones
    double alias_share = 0.2;  // how often a copy is written under one of the aliases (plus its noise)
    bool exact_id = false;     // the business ID is never mistyped (the City's, on its sites)
    // A City site: its records sometimes carry the head office's street instead of the site's own.
    bool head_office_street = false;
    // A namesake: every record carries the personal phone (phones[0]) or the personal email (emails[0]).
    bool namesake = false;
};

std::string join_name(std::string_view prefix, std::string_view core, std::string_view suffix) {
    std::string out;
    out.reserve(prefix.size() + core.size() + suffix.size() + 2);
    if (!prefix.empty()) {
        out += prefix;
        out += ' ';
    }
    out += core;
    if (!suffix.empty()) {
        out += ' ';
        out += suffix;
    }
    return out;
}

std::string person_name(const Person& p) {
    std::string out(p.first);
    out += ' ';
    out += p.last;
    return out;
}

Person random_person(Rng& rng) { return Person{rng.pick(kFirstNames), rng.pick(kSurnames)}; }

Phone landline(Rng& rng) { return Phone{"9", digits(rng, 7, true)}; }
Phone mobile(Rng& rng) { return Phone{std::string(rng.pick(kMobilePrefixes)), digits(rng, 7, false)}; }

std::string random_postcode(std::string_view city, Rng& rng) {
    // Two middle digits, always two wide: Helsinki 00100-00990, Vantaa 01200-01990, Espoo 02100-02980.
    if (city == "Helsinki") return "00" + std::to_string(rng.range(10, 99)) + "0";
    if (city == "Vantaa") return "01" + std::to_string(rng.range(20, 99)) + "0";
    return "02" + std::to_string(rng.range(10, 98)) + "0";
}

Address random_address(Rng& rng, bool home, const Place* place = nullptr) {
    Address a;
    if (place == nullptr) place = &rng.pick(kPlaces);
    a.street = std::string(rng.pick(kStreets));
    a.number = std::to_string(rng.chance(0.7) ? rng.range(1, 40) : rng.range(41, 160));
    const double stair_share = home ? 0.75 : 0.3;
    if (rng.chance(stair_share)) a.stair = std::string(1, static_cast<char>('A' + rng.range(0, 5)));
    if (rng.chance(home ? 0.7 : 0.12)) a.flat = std::to_string(rng.range(1, 90));
    a.postcode = rng.chance(0.75) ? std::string(place->postcode) : random_postcode(place->city, rng);
    a.city = place->city;
    return a;
}

// A set of 64-bit hashes with open addressing: node-based sets cost too much at a million names.
class HashSet {
public:
    explicit HashSet(std::size_t expected) {
        std::size_t capacity = 1024;
        while (capacity < expected * 2) capacity *= 2;
        slots_.assign(capacity, 0);
    }
    // False when the hash was there already.
    bool insert(std::uint64_t hash) {
        if (hash == 0) hash = 1;  // 0 marks an empty slot
        if ((size_ + 1) * 2 > slots_.size()) grow();
        const std::size_t mask = slots_.size() - 1;
        for (std::size_t i = static_cast<std::size_t>(hash * 0x9E3779B97F4A7C15ULL >> 20) & mask;; i = (i + 1) & mask) {
            if (slots_[i] == hash) return false;
            if (slots_[i] == 0) {
                slots_[i] = hash;
                ++size_;
                return true;
            }
        }
    }

private:
    void grow() {
        std::vector<std::uint64_t> old;
        old.swap(slots_);
        slots_.assign(old.size() * 2, 0);
        size_ = 0;
        for (std::uint64_t h : old)
            if (h != 0) insert(h);
    }
    std::vector<std::uint64_t> slots_;
    std::size_t size_ = 0;
};

// Random valid business IDs 1000000-x .. 3399999-x, each handed out once.
class BusinessIds {
public:
    BusinessIds() : used_(kSpan, false) {}
    std::string make(Rng& rng) {
        for (;;) {
            const auto offset = static_cast<std::size_t>(rng.below(kSpan));
            const std::string body = std::to_string(1000000 + offset);
            const int check = check_digit(body);
            if (check < 0 || used_[offset]) continue;
            used_[offset] = true;
            return body + "-" + static_cast<char>('0' + check);
        }
    }

private:
    static constexpr std::size_t kSpan = 2400000;
    std::vector<bool> used_;
};

// Emails of an organisation with its own domain: a generic box and one per contact person.
void add_domain_emails(Entity& e, std::string_view domain, Rng& rng) {
    static constexpr std::string_view kGeneric[] = {"info", "info", "info", "toimisto", "asiakaspalvelu",
                                                    "myynti", "tilaukset"};
    e.emails.push_back(std::string(rng.pick(kGeneric)) + "@" + std::string(domain));
    for (const Person& p : e.contacts)
        e.emails.push_back(mail_token(p.first, '-') + "." + mail_token(p.last, '-') + "@" + std::string(domain));
}

void add_free_emails(Entity& e, Rng& rng, std::string_view base) {
    const std::string_view mail = rng.pick(kFreeMail);
    std::string local = std::string(base);
    if (rng.chance(0.3)) local += std::to_string(rng.range(1, 99));
    e.emails.push_back(local + "@" + std::string(mail));
    for (const Person& p : e.contacts) {
        std::string own = mail_token(p.first, '-') + "." + mail_token(p.last, '-');
        if (rng.chance(0.25)) own += std::to_string(rng.range(60, 99));
        e.emails.push_back(own + "@" + std::string(rng.pick(kFreeMail)));
    }
}

void add_contacts(Entity& e, Rng& rng, int most) {
    const int count = 1 + static_cast<int>(rng.below(static_cast<std::uint64_t>(most)));
    for (int i = 0; i < count; ++i) e.contacts.push_back(random_person(rng));
}

// A site of the City: named after its district ("Malmin kirjasto"), or by a name of its own for the kinds
// that have them ("Päiväkoti Koivurinne", in its district).
struct SiteItem {
    std::uint16_t kind = 0, district = 0;
    std::int16_t tree = -1, tree_suffix = -1;  // the name of its own: kTrees + kTreeSuffixes, or -1
};

struct SiteNames {
    std::string name, short_name, swedish;
};

SiteNames site_names(const SiteItem& item) {
    const SiteKind& kind = kSiteKinds[item.kind];
    const District& district = kDistricts[item.district];
    SiteNames out;
    if (item.tree >= 0) {
        std::string own(kTrees[item.tree]);
        own += kTreeSuffixes[item.tree_suffix];
        out.name = std::string(kind.title) + " " + own;
        out.short_name = std::string(kind.short_title) + " " + own;
        out.swedish = std::string(kind.swedish_title) + " " + own;
        return out;
    }
    out.name = std::string(district.genitive) + " " + std::string(kind.word);
    out.short_name = std::string(district.genitive) + " " + std::string(kind.short_word);
    out.swedish = std::string(district.swedish);
    if (!out.swedish.ends_with('s')) out.swedish += 's';
    out.swedish += ' ';
    out.swedish += kind.swedish;
    return out;
}

struct Pools {
    std::vector<std::pair<std::size_t, std::size_t>> chain;  // brand, place
    std::vector<std::pair<std::string, std::size_t>> units;  // Helsinki unit names without the city prefix, place
    std::vector<std::size_t> parishes;                     // places
    std::vector<std::size_t> divisions, bodies;
    std::vector<SiteItem> sites;
};

Pools make_pools(Rng& rng, Rng* site_rng) {
    Pools pools;
    for (std::size_t b = 0; b < std::size(kBrands); ++b)
        for (std::size_t p = 0; p < std::size(kPlaces); ++p) pools.chain.emplace_back(b, p);
    for (std::size_t p = 0; p < kHelsinkiPlaces; ++p)
        for (std::string_view kind : kUnitKinds)
            pools.units.emplace_back(std::string(kPlaces[p].genitive) + " " + std::string(kind), p);
    if (site_rng != nullptr) {
        // With the City's sites, a City unit never takes a site's name: that would be two entities of one name.
        for (std::size_t k = 0; k < std::size(kSiteKinds); ++k) {
            for (std::size_t d = 0; d < std::size(kDistricts); ++d)
                pools.sites.push_back(SiteItem{static_cast<std::uint16_t>(k), static_cast<std::uint16_t>(d)});
            if (kSiteKinds[k].title.empty()) continue;
            for (std::size_t t = 0; t < std::size(kTrees); ++t)
                for (std::size_t x = 0; x < std::size(kTreeSuffixes); ++x)
                    pools.sites.push_back(SiteItem{static_cast<std::uint16_t>(k),
                                                   static_cast<std::uint16_t>(site_rng->index(std::size(kDistricts))),
                                                   static_cast<std::int16_t>(t), static_cast<std::int16_t>(x)});
        }
        HashSet names(pools.sites.size());
        for (const SiteItem& site : pools.sites) names.insert(fnv1a(site_names(site).name));
        std::erase_if(pools.units, [&](const auto& unit) { return !names.insert(fnv1a(unit.first)); });
        shuffle(pools.sites, *site_rng);
    }
    for (std::string_view name : kDaycareNames)
        pools.units.emplace_back("Päiväkoti " + std::string(name), rng.index(kHelsinkiPlaces));
    for (std::string_view name : kDaycareNames)
        pools.units.emplace_back("Leikkipuisto " + std::string(name), rng.index(kHelsinkiPlaces));
    for (std::size_t p = 0; p < std::size(kPlaces); ++p) pools.parishes.push_back(p);
    for (std::size_t d = 0; d < std::size(kDivisions); ++d) pools.divisions.push_back(d);
    for (std::size_t b = 0; b < std::size(kPublicBodies); ++b) pools.bodies.push_back(b);
    shuffle(pools.chain, rng);
    shuffle(pools.units, rng);
    shuffle(pools.parishes, rng);
    shuffle(pools.divisions, rng);
    shuffle(pools.bodies, rng);
    return pools;
}

enum class Kind {
    Company, Housing, Chain, Association, Foundation, Parish, Division, Unit, Body, Person,
    Site, Namesake, NamesakeTrader  // the classes of issue 20, drawn apart from the others
};

struct Plan {
    Kind kind = Kind::Company;
    std::uint32_t pool_index = 0;  // the item of a limited pool
    std::uint32_t weight = 1;      // how likely the entity gets extra copies
};

class EntityMaker {
public:
    EntityMaker(Rng& rng, std::size_t entities) : rng_(rng), names_(entities) {
        const std::size_t building_count = std::max<std::size_t>(1, entities / 60);
        buildings_.reserve(building_count);
        for (std::size_t i = 0; i < building_count; ++i) {
            Building b;
            b.address = random_address(rng_, false);
            b.address.stair.clear();
            b.address.flat.clear();
            b.switchboard = landline(rng_);
            buildings_.push_back(std::move(b));
        }
    }

    Entity make(const Plan& plan, const Pools& pools) {
        switch (plan.kind) {
            case Kind::Housing: return housing();
            case Kind::Chain: return chain(pools.chain[plan.pool_index]);
            case Kind::Association: return association();
            case Kind::Foundation: return foundation();
            case Kind::Parish: return parish(pools.parishes[plan.pool_index]);
            case Kind::Division: return division(pools.divisions[plan.pool_index]);
            case Kind::Unit: return city_unit(pools.units[plan.pool_index]);
            case Kind::Body: return body(pools.bodies[plan.pool_index]);
            case Kind::Person: return person();
            case Kind::Site: return site(pools.sites[plan.pool_index]);
            case Kind::Namesake: return namesake(false);
            case Kind::NamesakeTrader: return namesake(true);
            case Kind::Company: break;
        }
        return company();
    }

private:
    // A name not used before, when a few draws can find one.
    template <class Draw>
    std::string unique_name(Draw draw) {
        std::string name;
        for (int attempt = 0; attempt < 6; ++attempt) {
            name = draw();
            if (names_.insert(fnv1a(name))) return name;
        }
        return name;
    }

    void place_in_building(Entity& e) {
        const Building& b = buildings_[rng_.index(buildings_.size())];
        e.address = b.address;
        if (rng_.chance(0.5)) e.address.stair = std::string(1, static_cast<char>('A' + rng_.range(0, 3)));
        if (rng_.chance(0.3)) e.address.flat = std::to_string(rng_.range(1, 60));
        if (rng_.chance(0.4)) e.phones.insert(e.phones.begin(), b.switchboard);
    }

    Entity company() {
        Entity e;
        e.category = kCompany;
        static constexpr std::array<int, 8> kLegalWeights = {55, 10, 13, 5, 4, 2, 3, 8};
        static constexpr Legal kLegals[] = {Legal::Oy, Legal::Ky, Legal::Tmi, Legal::OyAb,
                                            Legal::Ab, Legal::Oyj, Legal::Osk, Legal::None};
        e.legal = kLegals[rng_.weighted(kLegalWeights)];
        int pattern = rng_.range(0, e.legal == Legal::Tmi ? 6 : 5);
        int attempts = 0;
        e.core = unique_name([&] {
            // The short patterns run out at large sizes; then move on to the roomy ones.
            if (++attempts > 2) pattern = (attempts % 2 == 0) ? 3 : (e.legal == Legal::Tmi ? 6 : 4);
            const std::string_view trade = rng_.pick(kTrades);
            const std::string_view surname = rng_.pick(kSurnames);
            const Place& place = rng_.pick(kPlaces);
            switch (pattern) {
                case 0: return genitive(surname) + " " + std::string(trade);
                case 1: return std::string(trade) + " " + std::string(surname);
                case 2: return std::string(place.genitive) + " " + std::string(trade);
                case 3: return std::string(trade) + " " + std::string(surname) + " & " + std::string(rng_.pick(kSurnames));
                case 4: return std::string(surname) + " " + std::string(trade) + " " + std::string(place.name);
                case 5: {
                    std::string name = std::string(place.name) + " " + std::string(trade);
                    if (!trade.ends_with("palvelu")) name += "palvelu";
                    return name;
                }
                default: return std::string(trade) + " " + std::string(rng_.pick(kFirstNames)) + " " + std::string(surname);
            }
        });
        switch (e.legal) {
            case Legal::Oy: e.layout = rng_.chance(0.94) ? Affix{"", "Oy"} : Affix{"Oy", ""}; break;
            case Legal::Tmi: {
                static constexpr Affix kTmiLayouts[] = {{"Tmi", ""}, {"Tmi", ""}, {"", "Tmi"}, {"T:mi", ""}};
                e.layout = rng_.pick(kTmiLayouts);
                break;
            }
            case Legal::OyAb: e.layout = rng_.chance(0.5) ? Affix{"Oy", "Ab"} : Affix{"", "Oy Ab"}; break;
            case Legal::Osk: e.layout = rng_.chance(0.7) ? Affix{"", "osuuskunta"} : Affix{"Osuuskunta", ""}; break;
            default: e.layout = legal_variants(e.legal).front(); break;
        }
        e.small = e.legal == Legal::Tmi || (e.legal == Legal::Ky && rng_.chance(0.6)) ||
                  (e.legal != Legal::Oyj && rng_.chance(0.1));
        e.business_id = ids_.make(rng_);
        add_contacts(e, rng_, e.small ? 1 : 3);
        if (rng_.chance(0.1)) {
            place_in_building(e);
        } else {
            e.address = random_address(rng_, e.small && rng_.chance(0.5));
        }
        if (e.small) {
            e.phones.push_back(mobile(rng_));
            if (rng_.chance(0.3)) e.phones.push_back(mobile(rng_));
            add_free_emails(e, rng_, mail_token(e.core, '.'));
        } else {
            if (e.phones.empty() || rng_.chance(0.5)) e.phones.push_back(landline(rng_));
            for (std::size_t i = 0; i < e.contacts.size(); ++i) e.phones.push_back(mobile(rng_));
            std::string domain = mail_token(e.core, rng_.chance(0.5) ? '-' : static_cast<char>(0));
            domain += rng_.chance(0.9) ? ".fi" : ".com";
            add_domain_emails(e, domain, rng_);
        }
        return e;
    }

    Entity housing() {
        Entity e;
        e.category = kHousing;
        e.legal = Legal::AsOy;
        e.core = unique_name([&] {
            // One draw per statement: the order of operands of + is unspecified.
            std::string word(rng_.pick(kTrees));
            word += rng_.pick(kTreeSuffixes);
            if (rng_.chance(0.5)) return std::string(rng_.pick(kPlaces).genitive) + " " + word;
            return word;
        });
        e.layout = rng_.chance(0.7) ? Affix{"Asunto Oy", ""} : Affix{"As Oy", ""};
        e.business_id = ids_.make(rng_);
        e.address = random_address(rng_, false);
        e.address.flat.clear();
        e.address.stair.clear();
        add_contacts(e, rng_, 2);  // the property manager
        e.phones.push_back(landline(rng_));
        e.phones.push_back(mobile(rng_));
        add_domain_emails(e, "isannointi" + mail_token(rng_.pick(kSurnames), 0) + ".fi", rng_);
        return e;
    }

    Entity chain(std::pair<std::size_t, std::size_t> item) {
        const Brand& brand = kBrands[item.first];
        const Place& place = kPlaces[item.second];
        Entity e;
        e.category = kChain;
        e.core = std::string(brand.name) + " " + std::string(place.name);
        names_.insert(fnv1a(e.core));
        e.layout = Affix{"", ""};
        for (std::string_view alias : brand.aliases) e.aliases.push_back(std::string(alias) + " " + std::string(place.name));
        const std::string keeper = genitive(rng_.pick(kSurnames)) + " Kauppa Oy";
        e.aliases.push_back(std::string(brand.name) + " " + std::string(place.name) + " / " + keeper);
        e.business_id = ids_.make(rng_);
        e.address = random_address(rng_, false, &place);
        e.address.flat.clear();
        add_contacts(e, rng_, 2);
        e.phones.push_back(rng_.chance(0.5) ? landline(rng_) : mobile(rng_));
        const std::string store = mail_token(place.name, 0);
        e.emails.push_back(mail_token(brand.name, 0) + "." + store + "@" + std::string(brand.domain));
        for (const Person& p : e.contacts)
            e.emails.push_back(mail_token(p.first, '-') + "." + mail_token(p.last, '-') + "@" + std::string(brand.domain));
        return e;
    }

    Entity association() {
        Entity e;
        e.category = kAssociation;
        e.legal = Legal::Ry;
        e.core = unique_name([&] {
            if (rng_.chance(0.15)) return "Suomen " + std::string(rng_.pick(kTrades)) + "yrittäjät";
            std::string name(rng_.pick(kPlaces).genitive);
            name += ' ';
            name += rng_.pick(kAssociationWords);
            return name;
        });
        e.layout = Affix{"", "ry"};
        e.business_id = ids_.make(rng_);
        e.address = random_address(rng_, false);
        add_contacts(e, rng_, 2);
        e.phones.push_back(mobile(rng_));
        e.small = rng_.chance(0.5);
        if (e.small) add_free_emails(e, rng_, mail_token(e.core, '.'));
        else add_domain_emails(e, mail_token(e.core, 0) + ".fi", rng_);
        return e;
    }

    Entity foundation() {
        Entity e;
        e.category = kFoundation;
        e.legal = Legal::Sr;
        e.core = unique_name([&] {
            if (rng_.chance(0.5)) return genitive(rng_.pick(kSurnames)) + " säätiö";
            std::string name(rng_.pick(kPlaces).genitive);
            name += ' ';
            name += rng_.pick(kFoundationWords);
            return name;
        });
        e.layout = rng_.chance(0.4) ? Affix{"", "sr"} : Affix{"", ""};
        e.business_id = ids_.make(rng_);
        e.address = random_address(rng_, false);
        add_contacts(e, rng_, 3);
        e.phones.push_back(landline(rng_));
        e.phones.push_back(mobile(rng_));
        add_domain_emails(e, mail_token(e.core, '-') + ".fi", rng_);
        return e;
    }

    Entity parish(std::size_t place_index) {
        const Place& place = kPlaces[place_index];
        Entity e;
        e.category = kParish;
        e.core = std::string(place.genitive) + " seurakunta";
        names_.insert(fnv1a(e.core));
        e.aliases.push_back(std::string(place.genitive) + " ev.lut. seurakunta");
        e.aliases.push_back(std::string(place.name) + " seurakunta");
        e.business_id = ids_.make(rng_);
        e.address = random_address(rng_, false, &place);
        e.address.flat.clear();
        add_contacts(e, rng_, 3);
        e.phones.push_back(landline(rng_));
        for (std::size_t i = 0; i < e.contacts.size(); ++i) e.phones.push_back(mobile(rng_));
        add_domain_emails(e, "evl.fi", rng_);
        return e;
    }

    static Phone helsinki_switchboard() { return Phone{"9", "3101641"}; }

    void helsinki_emails(Entity& e) {
        e.emails.push_back(rng_.chance(0.5) ? "kirjaamo@hel.fi" : "helsinki.kirjaamo@hel.fi");
        for (const Person& p : e.contacts)
            e.emails.push_back(mail_token(p.first, '-') + "." + mail_token(p.last, '-') + "@hel.fi");
    }

    Entity division(std::size_t index) {
        const Division& d = kDivisions[index];
        Entity e;
        e.category = kPublicDivision;
        e.core = std::string(d.name);
        names_.insert(fnv1a(e.core));
        for (std::string_view alias : d.aliases) e.aliases.push_back(std::string(alias));
        e.business_id = std::string(kHelsinkiId);
        e.address = Address{std::string(d.street), std::string(d.number), std::string(d.stair), "",
                            std::string(d.postcode), "Helsinki"};
        add_contacts(e, rng_, 3);
        e.phones.push_back(helsinki_switchboard());
        e.phones.push_back(Phone{"9", "310" + digits(rng_, 4, false)});
        for (std::size_t i = 0; i < e.contacts.size(); ++i) e.phones.push_back(mobile(rng_));
        helsinki_emails(e);
        return e;
    }

    Entity city_unit(const std::pair<std::string, std::size_t>& item) {
        const std::string& unit_name = item.first;
        Entity e;
        e.category = kPublicUnit;
        e.core = "Helsingin kaupunki, " + unit_name;
        names_.insert(fnv1a(e.core));
        e.aliases.push_back(unit_name);
        e.aliases.push_back("Hki / " + unit_name);
        e.aliases.push_back("Helsingin kaupunki / " + unit_name);
        e.aliases.push_back(unit_name + " (Helsingin kaupunki)");
        e.business_id = std::string(kHelsinkiId);
        e.address = random_address(rng_, false, &kPlaces[item.second]);
        e.address.flat.clear();
        add_contacts(e, rng_, 2);
        e.phones.push_back(Phone{"9", "310" + digits(rng_, 4, false)});
        if (rng_.chance(0.3)) e.phones.push_back(helsinki_switchboard());
        e.phones.push_back(mobile(rng_));
        helsinki_emails(e);
        return e;
    }

    Entity body(std::size_t index) {
        Entity e;
        e.category = kPublicBody;
        e.core = std::string(kPublicBodies[index]);
        names_.insert(fnv1a(e.core));
        e.business_id = ids_.make(rng_);
        e.address = random_address(rng_, false);
        e.address.flat.clear();
        add_contacts(e, rng_, 3);
        e.phones.push_back(landline(rng_));
        for (std::size_t i = 0; i < e.contacts.size(); ++i) e.phones.push_back(mobile(rng_));
        std::string domain = mail_token(e.core, 0);
        if (domain.size() > 12) domain.resize(12);
        add_domain_emails(e, domain + ".fi", rng_);
        return e;
    }

    Entity person() {
        Entity e;
        e.category = kPerson;
        const Person p = random_person(rng_);
        e.core = person_name(p);
        e.aliases.push_back(std::string(p.last) + " " + std::string(p.first));
        e.aliases.push_back(upper(first_letter(p.first)) + ". " + std::string(p.last));
        e.contacts.push_back(p);
        e.small = true;
        e.address = random_address(rng_, true);
        e.phones.push_back(mobile(rng_));
        if (rng_.chance(0.15)) e.phones.push_back(landline(rng_));
        std::string local = mail_token(p.first, '-') + "." + mail_token(p.last, '-');
        if (rng_.chance(0.3)) local += std::to_string(rng_.range(50, 99));
        e.emails.push_back(local + "@" + std::string(rng_.pick(kFreeMail)));
        return e;
    }

    // A name@hel.fi address no other person of the City has: a number tells namesakes apart.
    std::string city_email(const Person& p) {
        const std::string base = mail_token(p.first, '-') + "." + mail_token(p.last, '-');
        std::string email = base + "@hel.fi";
        for (int n = 2; !emails_.insert(fnv1a(email)); ++n) email = base + std::to_string(n) + "@hel.fi";
        return email;
    }

    // A mobile number no other site or namesake has.
    Phone own_mobile() {
        for (;;) {
            Phone phone = mobile(rng_);
            if (phones_.insert(fnv1a(phone.area + phone.subscriber))) return phone;
        }
    }

    Entity site(const SiteItem& item) {
        const SiteKind& kind = kSiteKinds[item.kind];
        const District& district = kDistricts[item.district];
        const Division& d = kDivisions[kind.division];
        const auto [name, short_name, swedish] = site_names(item);
        Entity e;
        e.category = kPublicSite;
        e.core = std::string(d.name) + ", " + name;
        names_.insert(fnv1a(e.core));
        // The site's bare name is the commonest spelling: it stands twice.
        e.aliases.push_back(name);
        e.aliases.push_back(name);
        e.aliases.push_back("Hki / " + std::string(d.bare) + ", " + short_name);
        e.aliases.push_back(std::string(d.bare) + ", " + name);
        e.aliases.push_back("Helsingin kaupunki / " + std::string(d.abbreviation) + " / " + name);
        e.aliases.push_back(name + " (" + std::string(d.abbreviation) + ")");
        e.aliases.push_back(short_name);
        e.aliases.push_back(std::string(d.swedish) + ", " + swedish);
        e.aliases.push_back(swedish);
        e.alias_share = 0.45;
        e.business_id = std::string(kHelsinkiId);
        e.exact_id = true;
        e.address.street = std::string(rng_.pick(kStreets));
        e.address.number = std::to_string(rng_.range(1, 60));
        if (rng_.chance(0.5)) e.address.stair = std::string(1, static_cast<char>('A' + rng_.range(0, 2)));
        if (rng_.chance(0.25)) e.address.flat = std::to_string(rng_.range(1, 12));
        e.address.postcode = std::string(district.postcode);
        e.address.city = "Helsinki";
        e.head_office_street = rng_.chance(0.4);
        add_contacts(e, rng_, 2);
        e.phones.push_back(Phone{"9", "310" + digits(rng_, 4, false)});
        if (rng_.chance(0.3)) e.phones.push_back(helsinki_switchboard());
        for (std::size_t i = 0; i < e.contacts.size(); ++i) e.phones.push_back(own_mobile());
        e.emails.push_back(std::string(rng_.pick(kCityMailboxes)));
        for (const Person& p : e.contacts) e.emails.push_back(city_email(p));
        return e;
    }

    // A private person or a sole trader with one of the commonest names, at a street no namesake of the
    // same name lives at, with a phone and an email of their own.
    Entity namesake(bool sole_trader) {
        const Person p{rng_.pick(kCommonFirstNames), rng_.pick(kCommonSurnames)};
        const std::string forward = person_name(p);
        const std::string reversed = std::string(p.last) + " " + std::string(p.first);
        Entity e;
        e.category = sole_trader ? kSoleTrader : kPerson;
        e.namesake = true;
        e.small = true;
        const bool surname_first = rng_.chance(0.5);
        e.core = surname_first ? reversed : forward;
        e.aliases.push_back(surname_first ? forward : reversed);
        e.aliases.push_back(std::string(p.last) + ", " + std::string(p.first));
        if (sole_trader) {
            e.legal = Legal::Tmi;
            e.layout = rng_.chance(0.6) ? Affix{"Tmi", ""} : Affix{"", ""};
            e.aliases.push_back("Tmi " + forward);
            e.aliases.push_back("Toiminimi " + reversed);
            e.aliases.push_back("T:mi " + reversed);
            e.aliases.push_back(forward + " Tmi");
            e.business_id = ids_.make(rng_);
        }
        e.alias_share = 0.35;
        e.contacts.push_back(p);
        for (int attempt = 0; attempt < 50; ++attempt) {
            e.address = random_address(rng_, true);
            if (homes_.insert(fnv1a(forward + "|" + e.address.street + " " + e.address.number))) break;
        }
        e.phones.push_back(own_mobile());
        if (rng_.chance(0.15)) e.phones.push_back(landline(rng_));
        const std::string base = mail_token(p.first, '-') + "." + mail_token(p.last, '-');
        for (int attempt = 0;; ++attempt) {
            std::string email = attempt == 0 ? base : base + std::to_string(rng_.range(1, 999));
            email += '@';
            email += rng_.pick(kFreeMail);
            if (emails_.insert(fnv1a(email))) {
                e.emails.push_back(std::move(email));
                break;
            }
        }
        if (rng_.chance(0.2)) {
            std::string generic(rng_.pick(kGenericBoxes));
            generic += '@';
            generic += rng_.pick(kOperatorDomains);
            e.emails.push_back(std::move(generic));
        }
        return e;
    }

    Rng& rng_;
    BusinessIds ids_;
    std::vector<Building> buildings_;
    HashSet names_;  // hashes of the names given out
    // Personal addresses given out to sites and namesakes, and the namesakes' homes (name|street number).
    HashSet emails_{1024}, phones_{1024}, homes_{1024};
};

// ---------------------------------------------------------------------------------------------------
// Writing a record: the unit's habits and, for extra copies, noise

struct UnitHabits {
    double caps = 0, fold = 0, abbreviate = 0, city_alias = 0;
    double missing_id = 0, missing_phone = 0, missing_email = 0, missing_contact = 0, missing_postcode = 0;
    int id_format = 0;     // 0 1234567-8, 1 12345678, 2 FI12345678
    int phone_format = 0;  // see format_phone
    int address_style = 0;
    bool reversed_contact = false;
};

UnitHabits habits_for(std::string_view unit, std::uint64_t seed) {
    Rng rng(seed ^ fnv1a(unit) ^ 0x5DEECE66DULL);
    UnitHabits h;
    h.caps = rng.chance(0.25) ? 0.6 : 0.02;
    h.fold = rng.chance(0.3) ? 0.7 : 0.02;
    h.abbreviate = rng.chance(0.3) ? 0.5 : 0.05;
    h.city_alias = rng.chance(0.3) ? 0.5 : 0.05;
    h.missing_id = 0.03 + 0.25 * rng.unit();
    h.missing_phone = 0.02 + 0.15 * rng.unit();
    h.missing_email = 0.05 + 0.3 * rng.unit();
    h.missing_contact = 0.05 + 0.3 * rng.unit();
    h.missing_postcode = 0.01 + 0.1 * rng.unit();
    h.id_format = static_cast<int>(rng.weighted(std::array<int, 3>{6, 3, 1}));
    h.phone_format = rng.range(0, 4);
    h.address_style = static_cast<int>(rng.weighted(std::array<int, 4>{6, 2, 1, 1}));
    h.reversed_contact = rng.chance(0.25);
    return h;
}

std::string format_phone(const Phone& p, int style) {
    const std::string& s = p.subscriber;
    const bool land = p.area == "9";
    switch (style) {
        case 1:
            return land ? "(09) " + s.substr(0, 4) + " " + s.substr(4) : "0" + p.area + "-" + s;
        case 2:
            return "+358 " + p.area + " " + s;
        case 3:
            return "0" + p.area + "-" + s;
        case 4:
            return "0" + p.area + s;
        case 5:
            return "+358" + p.area + s;
        default:
            return "0" + p.area + " " + s.substr(0, 3) + " " + s.substr(3);
    }
}

std::string abbreviate_street(const std::string& street) {
    auto ends = [&](std::string_view tail) {
        return street.size() > tail.size() + 2 && street.compare(street.size() - tail.size(), tail.size(), tail) == 0;
    };
    if (ends("katu")) return street.substr(0, street.size() - 4) + "k.";
    if (ends("tie")) return street.substr(0, street.size() - 3) + "t.";
    if (ends("kuja")) return street.substr(0, street.size() - 4) + "kj.";
    return street;
}

std::string format_address(const Address& a, int style, bool abbreviate) {
    std::string out = abbreviate ? abbreviate_street(a.street) : a.street;
    out += ' ';
    out += a.number;
    switch (style) {
        case 1:  // 12 B34
            if (!a.stair.empty()) out += " " + a.stair + a.flat;
            else if (!a.flat.empty()) out += " as. " + a.flat;
            break;
        case 2:  // 12b 34
            if (!a.stair.empty()) out += lower(a.stair);
            if (!a.flat.empty()) out += " " + a.flat;
            break;
        case 3:  // 12 as. 34
            if (!a.flat.empty()) out += " as. " + a.flat;
            else if (!a.stair.empty()) out += " " + a.stair;
            break;
        case 4:  // 12B 34
            out += a.stair;
            if (!a.flat.empty()) out += " " + a.flat;
            break;
        default:  // 12 B 34
            if (!a.stair.empty()) out += " " + a.stair;
            if (!a.flat.empty()) out += " " + a.flat;
            break;
    }
    return out;
}

std::string_view city_alias(std::string_view city, Rng& rng) {
    static constexpr std::string_view kHelsinki[] = {"Hki", "HKI", "Helsingfors", "HELSINKI", "helsinki", "Helsinki 10"};
    static constexpr std::string_view kVantaa[] = {"Vanda", "VANTAA", "vantaa", "Tikkurila"};
    static constexpr std::string_view kEspoo[] = {"Esbo", "ESPOO", "espoo", "Espoon keskus"};
    if (city == "Helsinki") return rng.pick(kHelsinki);
    if (city == "Vantaa") return rng.pick(kVantaa);
    return rng.pick(kEspoo);
}

std::string format_business_id(const std::string& id, int format) {
    const std::string plain = id.substr(0, 7) + id.substr(8, 1);
    switch (format) {
        case 1: return plain;
        case 2: return "FI" + plain;
        case 3: return id.substr(0, 7) + " - " + id.substr(8, 1);
        default: return id;
    }
}

std::string format_contact(const Person& p, int style) {
    switch (style) {
        case 1: return std::string(p.last) + " " + std::string(p.first);
        case 2: return upper(first_letter(p.first)) + ". " + std::string(p.last);
        case 3: return std::string(p.first);
        case 4: return upper(person_name(p));
        default: return person_name(p);
    }
}

// The City's head office, whose street many sites' records carry.
Address head_office_address() {
    const Division& d = kDivisions[kHeadOfficeDivision];
    return Address{std::string(d.street), std::string(d.number), std::string(d.stair), "", std::string(d.postcode),
                   "Helsinki"};
}

// "12 as. 4" written "12 as 4", as many units do.
void drop_flat_dot(std::string& street) {
    const std::size_t at = street.find(" as. ");
    if (at != std::string::npos) street.erase(at + 3, 1);
}

// Chance of each kind of noise by noise level (0 = the entity's first record).
constexpr double kNoise[4] = {0.0, 0.12, 0.3, 0.55};

GeneratedRecord make_record(const Entity& e, int noise, const UnitHabits& h, Rng& rng) {
    GeneratedRecord r;
    r.category = e.category;
    r.noise = noise;
    r.namesake = e.namesake;
    const double p = kNoise[noise];

    // Name
    bool quoted = false;
    if (!e.aliases.empty() && rng.chance(noise == 0 ? 0.0 : e.alias_share + p)) {
        r.name = rng.pick(e.aliases);
        if (e.category == kPublicSite && rng.chance(p * 0.6)) typo(r.name, rng);
    } else {
        std::string core = e.core;
        if (rng.chance(p * 0.8)) {
            typo(core, rng);
            if (noise == 3 && rng.chance(0.5)) typo(core, rng);
        }
        Affix affix = e.layout;
        if (rng.chance(p * 1.2)) affix = rng.pick(legal_variants(e.legal));
        if (e.category == kCompany && rng.chance(0.004 + p * 0.02)) {
            core = "\"" + core + "\"";
            quoted = true;
        }
        r.name = join_name(affix.prefix, core, affix.suffix);
    }
    if (rng.chance(h.fold + p * 0.5)) r.name = fold(r.name);
    if (rng.chance(h.caps + p * 0.3)) r.name = upper(r.name);
    else if (rng.chance(p * 0.15)) r.name = lower(r.name);
    if (!quoted && rng.chance(p * 0.1)) r.name += ' ';

    // Business ID
    if (!e.business_id.empty() && !rng.chance(h.missing_id + p * 0.6)) {
        std::string id = e.business_id;
        if (rng.chance(p * 0.3) && !e.exact_id) {
            // A mistyped ID: a wrong check digit, or two digits swapped.
            if (rng.chance(0.6)) {
                const int check = id[8] - '0';
                id[8] = static_cast<char>('0' + (check + 1 + rng.range(0, 8)) % 10);
            } else {
                const std::size_t i = rng.index(6);
                if (id[i] != id[i + 1]) std::swap(id[i], id[i + 1]);
                else id[i] = static_cast<char>('0' + (id[i] - '0' + 1) % 10);
            }
        }
        const int format = rng.chance(0.85 - p * 0.5) ? h.id_format : rng.range(0, 3);
        r.business_id = format_business_id(id, format);
    }

    // Address
    Address address = e.address;
    if (e.head_office_street && rng.chance(0.35)) address = head_office_address();
    if (noise == 3 && rng.chance(0.15)) address = random_address(rng, e.category == kPerson);  // moved
    if (!rng.chance(p * 0.12)) {
        const int style = rng.chance(0.8 - p) ? h.address_style : rng.range(0, 4);
        r.street = format_address(address, style, rng.chance(h.abbreviate + p * 0.3));
        if (rng.chance(p * 0.15)) typo(r.street, rng);
        if (rng.chance(h.fold * 0.5 + p * 0.2)) r.street = fold(r.street);
        if (rng.chance(h.caps * 0.5)) r.street = upper(r.street);
        if (e.category == kPublicSite && rng.chance(0.3)) drop_flat_dot(r.street);
        if (noise > 0 && rng.chance(0.004)) {
            // Excel's Alt+Enter inside a cell.
            const std::size_t space = r.street.rfind(' ');
            if (space != std::string::npos) r.street[space] = '\n';
        }
    }
    if (!rng.chance(h.missing_postcode + p * 0.25)) r.postcode = address.postcode;
    if (!rng.chance(p * 0.2)) {
        r.city = rng.chance(h.city_alias + p * 0.3) ? std::string(city_alias(address.city, rng)) : std::string(address.city);
        if (rng.chance(h.caps * 0.5)) r.city = upper(r.city);
    }

    // Phone
    bool personal_phone = false, personal_email = false;  // phones[0] and emails[0], for namesakes
    if (!e.phones.empty() && !rng.chance(h.missing_phone + p * 0.35)) {
        std::size_t which = 0;
        if (e.phones.size() > 1 && rng.chance(0.15 + p * 0.5)) which = 1 + rng.index(e.phones.size() - 1);
        const int style = rng.chance(0.8 - p * 0.6) ? h.phone_format : rng.range(0, 5);
        r.phone = format_phone(e.phones[which], style);
        personal_phone = which == 0;
    }

    // Email
    if (!e.emails.empty() && !rng.chance(h.missing_email + p * 0.35)) {
        std::size_t which = e.emails.size() > 1 ? (rng.chance(0.5) ? 0 : 1) : 0;
        if (e.emails.size() > 2 && rng.chance(p * 0.6)) which = rng.index(e.emails.size());
        personal_email = which == 0;
        r.email = e.emails[which];
        if (rng.chance(p * 0.15)) {
            const std::size_t at = r.email.find('@');
            r.email = upper(r.email.substr(0, 1)) + r.email.substr(1, at) + r.email.substr(at + 1);
        }
        if (rng.chance(p * 0.05)) r.email = " " + r.email;
    }
    if (e.namesake) {
        // A person's first record gives both; every other record at least one of them.
        if (noise == 0 && !personal_email) r.email = e.emails[0];
        if ((noise == 0 && !personal_phone) || (!personal_phone && !personal_email))
            r.phone = format_phone(e.phones[0], h.phone_format);
    }

    // Contact person
    if (!e.contacts.empty() && !rng.chance(h.missing_contact + p * 0.3)) {
        std::size_t which = 0;
        if (e.contacts.size() > 1 && rng.chance(0.2 + p * 0.5)) which = rng.index(e.contacts.size());
        int style = h.reversed_contact ? 1 : 0;
        if (rng.chance(p * 0.6)) style = rng.range(0, 4);
        r.contact_person = format_contact(e.contacts[which], style);
        if (rng.chance(h.fold * 0.5 + p * 0.3)) r.contact_person = fold(r.contact_person);
        if (e.contacts.size() > 1 && rng.chance(0.03 + p * 0.05))
            r.contact_person += "; " + person_name(e.contacts[(which + 1) % e.contacts.size()]);
        else if (rng.chance(p * 0.2)) typo(r.contact_person, rng);
    }
    return r;
}

// ---------------------------------------------------------------------------------------------------
// CSV

void append_field(std::string& out, std::string_view field) {
    if (field.find_first_of(";\"\r\n") == std::string_view::npos) {
        out += field;
        return;
    }
    out += '"';
    for (char c : field) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

void write_text(const std::filesystem::path& path, const std::string& text) {
    std::ofstream file(path, std::ios::binary | std::ios::trunc);
    if (!file) throw std::runtime_error("cannot write " + path.string());
    file.write(text.data(), static_cast<std::streamsize>(text.size()));
    if (!file) throw std::runtime_error("cannot write " + path.string());
}

}  // namespace

// ---------------------------------------------------------------------------------------------------

GeneratorOptions& GeneratorOptions::as_environment_says() {
    const char* registers = std::getenv("JOBCENTER_BENCH_REGISTERS");
    if (registers == nullptr || *registers == '\0') return *this;
    if (std::string_view(registers) != "classic")
        throw std::invalid_argument("JOBCENTER_BENCH_REGISTERS is '" + std::string(registers) +
                                    "': it may only be 'classic' (or unset, for the default registers)");
    return classic();
}

std::vector<GeneratedRecord> generate_registers(const GeneratorOptions& options) {
    if (options.units.empty()) throw std::invalid_argument("the generator needs at least one unit");
    if (!(options.duplicate_share >= 0.0 && options.duplicate_share <= 0.95))
        throw std::invalid_argument("duplicate_share must be within [0, 0.95]");
    if (!(options.city_site_share >= 0.0 && options.namesake_share >= 0.0 &&
          options.city_site_share + options.namesake_share <= 1.0))
        throw std::invalid_argument("city_site_share and namesake_share must be at least 0 and at most 1 together");
    const std::size_t total = options.records;
    if (total == 0) return {};

    const auto extras = static_cast<std::size_t>(static_cast<double>(total) * options.duplicate_share + 0.5);
    const std::size_t entity_count = std::max<std::size_t>(1, total - std::min(extras, total));
    const std::size_t extra_count = total - entity_count;
    const std::size_t unit_count = options.units.size();

    Rng plan_rng(options.seed ^ 0x243F6A8885A308D3ULL);
    Rng make_rng(options.seed ^ 0x13198A2E03707344ULL);
    Rng record_rng(options.seed ^ 0xA4093822299F31D0ULL);
    Rng order_rng(options.seed ^ 0x082EFA98EC4E6C89ULL);
    // The classes of issue 20 draw from streams of their own, so that without them nothing else changes.
    Rng class_rng(options.seed ^ 0x452821E638D01377ULL);
    Rng excel_rng(options.seed ^ 0xBE5466CF34E90C6CULL);
    const bool city_sites = options.city_site_share > 0.0;
    const bool namesakes = options.namesake_share > 0.0;

    // Phase 1: what each entity is, and how many extra copies it gets.
    const Pools pools = make_pools(plan_rng, city_sites ? &class_rng : nullptr);
    std::size_t sites_used = 0;
    static constexpr std::array<int, 10> kKindWeights = {600, 30, 50, 60, 15, 8, 12, 35, 8, 182};
    static constexpr Kind kKinds[] = {Kind::Company, Kind::Housing,  Kind::Chain, Kind::Association, Kind::Foundation,
                                      Kind::Parish,  Kind::Division, Kind::Unit,  Kind::Body,        Kind::Person};
    std::array<std::size_t, 10> used{};
    const std::array<std::size_t, 10> limits = {SIZE_MAX, SIZE_MAX,           pools.chain.size(),
                                                SIZE_MAX, SIZE_MAX,           pools.parishes.size(),
                                                pools.divisions.size(), pools.units.size(), pools.bodies.size(),
                                                SIZE_MAX};
    std::vector<Plan> plans(entity_count);
    for (std::size_t i = 0; i < entity_count; ++i) {
        if (city_sites || namesakes) {
            const double draw = class_rng.unit();
            Plan& plan = plans[i];
            if (draw < options.city_site_share && sites_used < pools.sites.size()) {
                plan = Plan{Kind::Site, static_cast<std::uint32_t>(sites_used++), 12};
                continue;
            }
            if (draw >= options.city_site_share && draw < options.city_site_share + options.namesake_share) {
                plan = Plan{class_rng.chance(0.35) ? Kind::NamesakeTrader : Kind::Namesake, 0, 2};
                continue;
            }
        }
        std::size_t k = plan_rng.weighted(kKindWeights);
        if (used[k] >= limits[k]) k = 0;
        Plan& plan = plans[i];
        plan.kind = kKinds[k];
        plan.pool_index = static_cast<std::uint32_t>(used[k]++);
        switch (plan.kind) {
            case Kind::Division: plan.weight = 60; break;
            case Kind::Unit: case Kind::Body: plan.weight = 12; break;
            case Kind::Person: plan.weight = 1; break;
            case Kind::Company: plan.weight = plan_rng.chance(0.04) ? 30 : 4; break;
            default: plan.weight = 3; break;
        }
    }
    std::vector<std::uint64_t> cumulative(entity_count);
    std::uint64_t weight_sum = 0;
    for (std::size_t i = 0; i < entity_count; ++i) cumulative[i] = weight_sum += plans[i].weight;
    std::vector<std::uint32_t> copies(entity_count, 0);
    const std::uint32_t cap = static_cast<std::uint32_t>(std::max<std::size_t>(8, 3 * unit_count));
    for (std::size_t n = 0; n < extra_count; ++n) {
        std::size_t chosen = 0;
        for (int attempt = 0; attempt < 20; ++attempt) {
            const std::uint64_t r = plan_rng.below(weight_sum);
            chosen = static_cast<std::size_t>(std::upper_bound(cumulative.begin(), cumulative.end(), r) - cumulative.begin());
            if (copies[chosen] < cap) break;
        }
        ++copies[chosen];
    }

    // Phase 2: make each entity and its records.
    std::vector<UnitHabits> habits;
    for (const std::string& unit : options.units) habits.push_back(habits_for(unit, options.seed));
    // The units whose files Excel saves: their business IDs and phones typed as digits, as in a numeric column.
    std::vector<bool> excel_unit(unit_count, false);
    if (options.excel_units > 0) {
        std::vector<std::size_t> unit_order(unit_count);
        for (std::size_t u = 0; u < unit_count; ++u) unit_order[u] = u;
        shuffle(unit_order, excel_rng);
        for (std::size_t k = 0; k < std::min(options.excel_units, unit_count); ++k) {
            excel_unit[unit_order[k]] = true;
            habits[unit_order[k]].id_format = 1;
            habits[unit_order[k]].phone_format = 4;
        }
    }
    std::vector<std::uint64_t> unit_cumulative(unit_count);
    std::uint64_t unit_weight_sum = 0;
    for (std::size_t u = 0; u < unit_count; ++u) unit_cumulative[u] = unit_weight_sum += 2 * unit_count - u;

    std::vector<GeneratedRecord> made;
    made.reserve(total);
    std::vector<std::uint32_t> unit_of;
    unit_of.reserve(total);
    EntityMaker maker(make_rng, entity_count);
    std::vector<std::uint32_t> holders;
    char id_buffer[24];
    for (std::size_t i = 0; i < entity_count; ++i) {
        const Entity entity = maker.make(plans[i], pools);
        std::snprintf(id_buffer, sizeof id_buffer, "E%07zu", i + 1);
        const std::string true_id = id_buffer;
        holders.clear();
        const std::size_t first_unit = static_cast<std::size_t>(
            std::upper_bound(unit_cumulative.begin(), unit_cumulative.end(), record_rng.below(unit_weight_sum)) -
            unit_cumulative.begin());
        holders.push_back(static_cast<std::uint32_t>(first_unit));
        for (std::uint32_t c = 0; c <= copies[i]; ++c) {
            std::size_t unit = first_unit;
            int noise = 0;
            if (c > 0) {
                noise = 1 + static_cast<int>(record_rng.weighted(std::array<int, 3>{40, 40, 20}));
                unit = record_rng.index(unit_count);
                if (holders.size() < unit_count && record_rng.chance(0.85)) {
                    while (std::find(holders.begin(), holders.end(), unit) != holders.end())
                        unit = record_rng.index(unit_count);
                }
                if (std::find(holders.begin(), holders.end(), unit) == holders.end())
                    holders.push_back(static_cast<std::uint32_t>(unit));
            }
            GeneratedRecord record = make_record(entity, noise, habits[unit], record_rng);
            record.true_id = true_id;
            made.push_back(std::move(record));
            unit_of.push_back(static_cast<std::uint32_t>(unit));
        }
    }

    // Phase 3: group by unit, shuffle within each unit, number the records.
    std::vector<std::size_t> start(unit_count + 1, 0);
    for (std::uint32_t u : unit_of) ++start[u + 1];
    for (std::size_t u = 0; u < unit_count; ++u) start[u + 1] += start[u];
    std::vector<std::size_t> order(total);
    {
        std::vector<std::size_t> fill(start.begin(), start.end() - 1);
        for (std::size_t i = 0; i < total; ++i) order[fill[unit_of[i]]++] = i;
    }
    std::vector<GeneratedRecord> out;
    out.reserve(total);
    for (std::size_t u = 0; u < unit_count; ++u) {
        std::vector<std::size_t> segment(order.begin() + static_cast<std::ptrdiff_t>(start[u]),
                                         order.begin() + static_cast<std::ptrdiff_t>(start[u + 1]));
        shuffle(segment, order_rng);
        std::size_t number = 0;
        for (std::size_t k = 0; k < segment.size(); ++k) {
            // The reads jump around a large vector; fetch a few records ahead.
            if (k + 8 < segment.size()) __builtin_prefetch(&made[segment[k + 8]]);
            GeneratedRecord record = std::move(made[segment[k]]);
            record.unit = options.units[u];
            record.excel_saved = excel_unit[u];
            std::snprintf(id_buffer, sizeof id_buffer, "U-%06zu", ++number);
            record.source_id = id_buffer;
            out.push_back(std::move(record));
        }
    }
    return out;
}

std::string excel_number(std::string_view value) {
    if (value.empty() || value.find_first_not_of("0123456789") != std::string_view::npos) return std::string(value);
    const std::size_t first = value.find_first_not_of('0');
    return first == std::string_view::npos ? std::string("0") : std::string(value.substr(first));
}

GeneratedRecord as_saved(const GeneratedRecord& record) {
    GeneratedRecord saved = record;
    if (record.excel_saved) {
        saved.postcode = excel_number(record.postcode);
        saved.phone = excel_number(record.phone);
        saved.business_id = excel_number(record.business_id);
    }
    return saved;
}

std::string registers_csv(const std::vector<GeneratedRecord>& records, bool with_truth, const CsvStyle& style) {
    std::string out;
    out.reserve(records.size() * 190 + 256);
    const std::string_view eol = style.crlf ? "\r\n" : "\n";
    if (style.bom) out += "\xEF\xBB\xBF";
    out += "unit;id;Yritys;Y-tunnus;Katuosoite;Postinumero;Postitoimipaikka;Puhelin;Sähköposti;Yhteyshenkilö";
    if (with_truth) out += ";true_id";
    out += eol;
    std::string postcode, phone, business_id;  // as Excel saved them
    for (const GeneratedRecord& r : records) {
        const std::string* fields[] = {&r.unit,  &r.source_id, &r.name,  &r.business_id, &r.street,
                                       &r.postcode, &r.city,   &r.phone, &r.email,       &r.contact_person};
        if (r.excel_saved) {
            postcode = excel_number(r.postcode);
            phone = excel_number(r.phone);
            business_id = excel_number(r.business_id);
            fields[3] = &business_id;
            fields[5] = &postcode;
            fields[7] = &phone;
        }
        bool first = true;
        for (const std::string* field : fields) {
            if (!first) out += ';';
            first = false;
            append_field(out, *field);
        }
        if (with_truth) {
            out += ';';
            append_field(out, r.true_id);
        }
        out += eol;
    }
    return out;
}

void write_registers_csv(const std::vector<GeneratedRecord>& records, const std::filesystem::path& path,
                         bool with_truth, const CsvStyle& style) {
    write_text(path, registers_csv(records, with_truth, style));
}

std::string truth_csv(const std::vector<GeneratedRecord>& records) {
    std::string out;
    out.reserve(records.size() * 32 + 32);
    out += "unit,source_id,true_id\n";
    for (const GeneratedRecord& r : records) {
        out += r.unit;
        out += ',';
        out += r.source_id;
        out += ',';
        out += r.true_id;
        out += '\n';
    }
    return out;
}

void write_truth_csv(const std::vector<GeneratedRecord>& records, const std::filesystem::path& path) {
    write_text(path, truth_csv(records));
}

GeneratorStats summarize(const std::vector<GeneratedRecord>& records) {
    GeneratorStats stats;
    stats.records = records.size();
    std::unordered_map<std::string_view, std::size_t> entity_index, unit_index;
    std::vector<std::size_t> per_entity;
    std::unordered_map<std::uint64_t, std::size_t> per_entity_unit;  // entity * units + unit
    std::map<std::string_view, std::size_t> per_category;
    entity_index.reserve(records.size());
    per_entity_unit.reserve(records.size());
    std::vector<std::pair<std::size_t, std::size_t>> keys;  // (entity, unit) per record
    keys.reserve(records.size());
    for (const GeneratedRecord& r : records) {
        const auto [entity, new_entity] = entity_index.try_emplace(r.true_id, per_entity.size());
        if (new_entity) per_entity.push_back(0);
        ++per_entity[entity->second];
        const auto [unit, new_unit] = unit_index.try_emplace(r.unit, stats.records_per_unit.size());
        if (new_unit) stats.records_per_unit.emplace_back(r.unit, 0);
        ++stats.records_per_unit[unit->second].second;
        keys.emplace_back(entity->second, unit->second);
        ++per_category[r.category];
        if (r.noise >= 0 && r.noise <= 3) ++stats.records_per_noise[r.noise];
        if (r.excel_saved) ++stats.excel_saved_records;
    }
    const std::uint64_t unit_count = stats.records_per_unit.size();
    for (const auto& [entity, unit] : keys) ++per_entity_unit[entity * unit_count + unit];
    stats.entities = per_entity.size();
    for (std::size_t count : per_entity) {
        if (count >= 2) ++stats.duplicated_entities;
        stats.largest_entity = std::max(stats.largest_entity, count);
        stats.true_pairs += count * (count - 1) / 2;
    }
    std::size_t same_unit_pairs = 0;
    for (const auto& [key, count] : per_entity_unit) same_unit_pairs += count * (count - 1) / 2;
    stats.cross_unit_pairs = stats.true_pairs - same_unit_pairs;
    for (const auto& [name, count] : per_category) stats.records_per_category.emplace_back(std::string(name), count);
    return stats;
}

std::string format_stats(const GeneratorStats& stats) {
    std::string out;
    out += "records: " + std::to_string(stats.records) + "\n";
    out += "entities: " + std::to_string(stats.entities) + " (" + std::to_string(stats.duplicated_entities) +
           " with two or more records, largest " + std::to_string(stats.largest_entity) + ")\n";
    out += "true pairs: " + std::to_string(stats.true_pairs) + " (" + std::to_string(stats.cross_unit_pairs) +
           " across units)\n";
    out += "records per unit:";
    for (const auto& [unit, count] : stats.records_per_unit) out += " " + unit + "=" + std::to_string(count);
    out += "\nrecords per category:";
    for (const auto& [category, count] : stats.records_per_category) out += " " + category + "=" + std::to_string(count);
    out += "\nrecords per noise level:";
    for (int level = 0; level < 4; ++level) out += " " + std::to_string(level) + "=" + std::to_string(stats.records_per_noise[level]);
    out += "\n";
    if (stats.excel_saved_records > 0) out += "records saved from Excel: " + std::to_string(stats.excel_saved_records) + "\n";
    return out;
}

}  // namespace jobcenter::testing
