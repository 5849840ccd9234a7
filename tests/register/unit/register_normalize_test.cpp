// Normalising orderer fields: names and legal forms, the City of Helsinki, business IDs, addresses,
// phones, emails and websites, with the spellings units really use.
#include <gtest/gtest.h>

#include "register/normalize/normalize.hpp"

namespace {
using namespace jobcenter::register_plugin;
using Strings = std::vector<std::string>;

// --- names ----------------------------------------------------------------------------------------------

TEST(NormalizeName, LegalFormBeforeOrAfterGivesTheSameKey) {
    for (const char* raw : {"Oy Esimerkki Ab", "ESIMERKKI OY", "Esimerkki Osakeyhtiö", "Esimerkki Oy Ab", "Esimerkki Ab",
                            "esimerkki oy ltd", "Esimerkki Oy Ab Ltd", "Ab Esimerkki Oy", "Esimerkki Aktiebolag",
                            "  Esimerkki, Oy.  ", "Esimerkki OY:", "Oy  ESIMERKKI"}) {
        auto name = normalize_name(raw);
        EXPECT_EQ(name.key, "esimerkki") << raw;
        EXPECT_EQ(name.legal_form, "oy") << raw;
        EXPECT_EQ(name.tokens, Strings{"esimerkki"}) << raw;
        EXPECT_FALSE(name.city_of_helsinki) << raw;
    }
}

TEST(NormalizeName, SoleTraderSpellings) {
    for (const char* raw : {"Siivouspalvelu Mäkinen Tmi", "T:mi Siivouspalvelu Mäkinen", "Toiminimi Siivouspalvelu Mäkinen",
                            "SIIVOUSPALVELU MAKINEN T:MI", "Tmi. Siivouspalvelu Mäkinen"}) {
        auto name = normalize_name(raw);
        EXPECT_EQ(name.key, "siivouspalvelu makinen") << raw;
        EXPECT_EQ(name.legal_form, "tmi") << raw;
        EXPECT_EQ(name.tokens, (Strings{"siivouspalvelu", "makinen"})) << raw;
    }
}

TEST(NormalizeName, AssociationsAndFoundations) {
    for (const char* raw : {"Väylä ry", "Vayla r.y.", "VÄYLÄ RY", "Väylä rekisteröity yhdistys", "Väylä rf"}) {
        auto name = normalize_name(raw);
        EXPECT_EQ(name.key, "vayla") << raw;
        EXPECT_EQ(name.legal_form, "ry") << raw;
    }
    for (const char* raw : {"Wihurin rahasto sr", "Wihurin rahasto s.r.", "Wihurin rahasto säätiö", "Wihurin rahasto Stiftelse"}) {
        auto name = normalize_name(raw);
        EXPECT_EQ(name.key, "wihurin rahasto") << raw;
        EXPECT_EQ(name.legal_form, "saatio") << raw;
    }
}

TEST(NormalizeName, EveryListedLegalForm) {
    struct Case {
        const char* raw;
        const char* family;
    };
    for (Case c : {Case{"Puutarha Oyj", "oyj"}, {"Puutarha Abp", "oyj"}, {"Puutarha Oyj Abp", "oyj"},
                   {"Puutarha Ky", "ky"}, {"Kommandiittiyhtiö Puutarha", "ky"}, {"Puutarha Kb", "ky"},
                   {"Puutarha Ay", "ay"}, {"Avoin yhtiö Puutarha", "ay"}, {"Puutarha osuuskunta", "osk"},
                   {"Osuuskunta Puutarha", "osk"}, {"Puutarha osk", "osk"}, {"Puutarha Ltd", "ltd"},
                   {"Puutarha Limited", "ltd"}, {"Puutarha Inc.", "inc"}, {"Puutarha GmbH", "gmbh"},
                   {"Puutarha N.V.", "nv"}, {"Puutarha NV", "nv"}, {"Puutarha B.V.", "bv"}, {"Puutarha AG", "ag"},
                   {"Puutarha SA", "sa"}, {"Puutarha S.A.", "sa"}, {"AB Puutarha", "oy"}, {"Puutarha LLC", "llc"},
                   {"Puutarha Corp.", "corp"}, {"Puutarha Corporation", "corp"}, {"Puutarha Co.", "co"},
                   {"Puutarha & Co", "co"}, {"Puutarha OÜ", "ou"}, {"As Oy Puutarha", "asoy"},
                   {"Asunto Oy Puutarha", "asoy"}, {"Asunto-osakeyhtiö Puutarha", "asoy"}, {"Kiinteistö Oy Puutarha", "koy"},
                   {"Puutarha Co., Ltd.", "ltd"}, {"Puutarha plc", "plc"}}) {
        auto name = normalize_name(c.raw);
        EXPECT_EQ(name.key, "puutarha") << c.raw;
        EXPECT_EQ(name.legal_form, c.family) << c.raw;
    }
}

TEST(NormalizeName, WordsThatMerelyContainLegalFormLetters) {
    struct Case {
        const char* raw;
        const char* key;
    };
    for (Case c : {Case{"Oyster Bar", "oyster bar"}, {"Abbey Road Studios", "abbey road studios"},
                   {"Kyllikin Kukka", "kyllikin kukka"}, {"Rytmi Tanssikoulu", "rytmi tanssikoulu"},
                   {"Tmina Design", "tmina design"}, {"Coca Cola Bottling", "coca cola bottling"},
                   {"Incognito Sushi", "incognito sushi"}, {"Saatiola", "saatiola"}, {"Ayla Kahvila", "ayla kahvila"}}) {
        auto name = normalize_name(c.raw);
        EXPECT_EQ(name.key, c.key) << c.raw;
        EXPECT_EQ(name.legal_form, "") << c.raw;
    }
    // "Co" and "Ltd" are suffixes only: at the start they are part of the name.
    EXPECT_EQ(normalize_name("Co Op Kauppa").key, "co op kauppa");
    // A name that is nothing but a legal form keeps it as the key.
    EXPECT_EQ(normalize_name("Oy").key, "oy");
    EXPECT_EQ(normalize_name("Oy Ab").key, "oy");
}

TEST(NormalizeName, LegalFormBeforeABranch) {
    for (const char* raw : {"Lidl Suomi Ky, Kannelmäki", "Lidl Suomi Ky / Kannelmäki", "Lidl Suomi Kannelmäki Ky"}) {
        auto name = normalize_name(raw);
        EXPECT_EQ(name.key, "lidl suomi kannelmaki") << raw;
        EXPECT_EQ(name.legal_form, "ky") << raw;
    }
    auto oy_ab = normalize_name("Esimerkki Oy Ab, Espoon toimipiste");
    EXPECT_EQ(oy_ab.key, "esimerkki espoon toimipiste");
    EXPECT_EQ(oy_ab.legal_form, "oy");
    // Ambiguous short words stay inside a name.
    EXPECT_EQ(normalize_name("Pub Co Op Bar").key, "pub co op bar");
}

TEST(NormalizeName, EnglishNames) {
    EXPECT_EQ(normalize_name("Arnie Morton's of Chicago").key, "arnie mortons of chicago");
    EXPECT_EQ(normalize_name("The Home Depot").key, "home depot");
    auto patstat = normalize_name("* AGILENT TECHNOLOGIES, INC.");
    EXPECT_EQ(patstat.key, "agilent technologies");
    EXPECT_EQ(patstat.legal_form, "inc");
    EXPECT_EQ(normalize_name("AKZO NOBEL N.V.").key, "akzo nobel");
}

// Foreign legal forms inside a name go as Finnish ones do, the place or branch after them stays; Dutch
// N.V. may come first.
TEST(NormalizeName, ForeignLegalFormsInsideOrFirst) {
    struct Case {
        const char* raw;
        const char* key;
        const char* family;
    };
    for (Case c : {Case{"DSM N.V., HEERLEN, NL", "dsm heerlen nl", "nv"},
                   {"GIST-BROCADES B.V., DELFT", "gist brocades delft", "bv"},
                   {"Hitachi Global Storage Technologies, Inc. Netherlands B.V.", "hitachi global storage technologies netherlands", "bv"},
                   {"KONINKLIJKE PHILIPS ELECTRONICS N.V. GROENEWOUDSEWEG 1", "koninklijke philips electronics groenewoudseweg 1", "nv"},
                   {"N.V. Nutricia", "nutricia", "nv"}, {"N V PHILIPS' GLOEILAMPENFABRIEKEN", "philips gloeilampenfabrieken", "nv"},
                   {"Unilever PLC; Unilever NV", "unilever unilever", "nv"}}) {
        auto name = normalize_name(c.raw);
        EXPECT_EQ(name.key, c.key) << c.raw;
        EXPECT_EQ(name.legal_form, c.family) << c.raw;
    }
    // "B V" / "N V" inside a name are the legal form's initials; other single letters stay.
    EXPECT_EQ(normalize_name("Kone B V Palvelu").key, "kone palvelu");
    EXPECT_EQ(normalize_name("A B Virtanen").key, "a b virtanen");
}

TEST(NormalizeName, CityOfHelsinkiAliasesAndDivisions) {
    const std::string kasko = "kasvatuksen ja koulutuksen toimiala";
    for (const char* raw : {"Helsingin kaupunki / Kasko", "Hki, Kasvatuksen ja koulutuksen toimiala",
                            "HELSINGIN KAUPUNKI - KASKO", "Helsingin kaupungin kasvatuksen ja koulutuksen toimiala",
                            "Kasvatuksen ja koulutuksen toimiala, Helsingin kaupunki", "Kasko", "HKI/KASKO",
                            "Helsingfors stad, Fostrans- och utbildningssektorn", "City of Helsinki, Education Division",
                            "Hgin kaupunki, Kasko"}) {
        auto name = normalize_name(raw);
        EXPECT_TRUE(name.city_of_helsinki) << raw;
        EXPECT_EQ(name.department_key, kasko) << raw;
        EXPECT_EQ(name.key, "helsingin kaupunki " + kasko) << raw;
        EXPECT_EQ(name.legal_form, "") << raw;
    }
    struct Case {
        const char* raw;
        const char* department;
    };
    for (Case c : {Case{"Helsingin kaupunki, Sosiaali- ja terveystoimiala", "sosiaali terveys ja pelastustoimiala"},
                   {"Hki sosiaali-, terveys- ja pelastustoimiala", "sosiaali terveys ja pelastustoimiala"},
                   {"Helsingin kaupunki, Kaupunkiympäristön toimiala", "kaupunkiympariston toimiala"},
                   {"Helsingin kaupunki / KYMP", "kaupunkiympariston toimiala"},
                   {"Helsingin kaupunki, Kulttuurin ja vapaa-ajan toimiala", "kulttuurin ja vapaa ajan toimiala"},
                   {"Helsingin kaupunginkanslia", "kaupunginkanslia"}, {"Hki, kanslia", "kaupunginkanslia"},
                   {"Helsingin kasvatuksen ja koulutuksen toimiala", "kasvatuksen ja koulutuksen toimiala"},
                   {"Stara", "stara"}, {"Helsingin kaupunki, Stara", "stara"},
                   {"Helsingin kaupunki, Pelastuslaitos", "pelastuslaitos"},
                   {"Helsingfors stad, Fostran och utbildningssektorn", "kasvatuksen ja koulutuksen toimiala"},
                   {"Hgin kaupunki, kasvatus ja koulutus", "kasvatuksen ja koulutuksen toimiala"},
                   {"Helsingfors stad, Social-, hälsovårds- och räddningssektorn", "sosiaali terveys ja pelastustoimiala"},
                   {"Hki kaupunkiympäristö", "kaupunkiympariston toimiala"},
                   {"Helsingfors stad, Kultur- och fritidssektorn", "kulttuurin ja vapaa ajan toimiala"},
                   {"Hki kulttuuri ja vapaa-aika", "kulttuurin ja vapaa ajan toimiala"},
                   {"Helsingfors stad, Stadskansliet", "kaupunginkanslia"},
                   {"Helsingin kaupunki, Taloushallintopalvelu-liikelaitos", "taloushallintopalveluliikelaitos"},
                   {"Talpa", "taloushallintopalveluliikelaitos"}, {"Taloushallintopalvelu", "taloushallintopalveluliikelaitos"},
                   {"Rakentamispalvelu Stara", "stara"}, {"Hki Stara", "stara"},
                   {"Palke", "palvelukeskus helsinki"}, {"Helsingin kaupunki / Palvelukeskus", "palvelukeskus helsinki"},
                   {"Helsingin kaupungin työllisyyspalvelut", "tyollisyyspalvelut"},
                   {"Helsingfors stad, Sysselsättningstjänster", "tyollisyyspalvelut"}}) {
        auto name = normalize_name(c.raw);
        EXPECT_TRUE(name.city_of_helsinki) << c.raw;
        EXPECT_EQ(name.department_key, c.department) << c.raw;
    }
}

TEST(NormalizeName, CityUnitsKeepTheirOwnWords) {
    auto unit = normalize_name("Kasvatuksen ja koulutuksen toimialan hankintapalvelut");
    EXPECT_TRUE(unit.city_of_helsinki);
    EXPECT_EQ(unit.department_key, "kasvatuksen ja koulutuksen toimiala");
    EXPECT_EQ(unit.key, "helsingin kaupunki kasvatuksen ja koulutuksen toimiala hankintapalvelut");
    EXPECT_EQ(unit.tokens.back(), "hankintapalvelut");

    auto city = normalize_name("Helsingin kaupunki");
    EXPECT_TRUE(city.city_of_helsinki);
    EXPECT_EQ(city.department_key, "");
    EXPECT_EQ(city.key, "helsingin kaupunki");
    EXPECT_EQ(city.tokens, (Strings{"helsingin", "kaupunki"}));
    EXPECT_TRUE(normalize_name("HKI").city_of_helsinki);
    EXPECT_TRUE(normalize_name("Helsingfors stad").city_of_helsinki);
}

TEST(NormalizeName, NotTheCity) {
    // A company the city owns has its own business ID and legal form.
    auto company = normalize_name("Helsingin kaupungin asunnot Oy");
    EXPECT_FALSE(company.city_of_helsinki);
    EXPECT_EQ(company.legal_form, "oy");
    EXPECT_EQ(company.key, "helsingin kaupungin asunnot");
    // Division short names that are ordinary words count only as the whole name.
    EXPECT_FALSE(normalize_name("Kuva ja Kehys").city_of_helsinki);
    EXPECT_TRUE(normalize_name("Kuva").city_of_helsinki);
    EXPECT_FALSE(normalize_name("Helsingin Kaupunkiasunnot").city_of_helsinki);
    EXPECT_FALSE(normalize_name("Helsingin Yrittäjät ry").city_of_helsinki);
    EXPECT_FALSE(normalize_name("Helsinki Cafe").city_of_helsinki);
    EXPECT_FALSE(normalize_name("Helsingin Sanomat").city_of_helsinki);  // "Helsingin" needs a division after it
    EXPECT_EQ(normalize_name("Helsingin Sanomat").key, "helsingin sanomat");
}

TEST(NormalizeName, EmptyAndOddInput) {
    auto empty = normalize_name("");
    EXPECT_EQ(empty.key, "");
    EXPECT_TRUE(empty.tokens.empty());
    EXPECT_EQ(normalize_name("  ...  ").key, "");
    EXPECT_EQ(normalize_name("M\xE4kinen Oy").legal_form, "oy");  // a stray Latin-1 byte does not throw
}

// --- business IDs ---------------------------------------------------------------------------------------

TEST(NormalizeBusinessId, CanonicalWhenValidElseEmpty) {
    EXPECT_EQ(business_id_key("0201256-6"), "0201256-6");
    EXPECT_EQ(business_id_key("FI02012566"), "0201256-6");
    EXPECT_EQ(business_id_key("201256-6"), "0201256-6");
    EXPECT_EQ(business_id_key(" 2077474 0 "), "2077474-0");
    EXPECT_EQ(business_id_key("2077474-1"), "");  // wrong check digit
    EXPECT_EQ(business_id_key("ei tiedossa"), "");
    EXPECT_EQ(business_id_key(""), "");
}

// --- addresses ------------------------------------------------------------------------------------------

TEST(NormalizeAddress, StaircaseAndFlatSpellings) {
    struct Case {
        const char* street;
        const char* staircase;
        const char* flat;
    };
    for (Case c : {Case{"Mannerheimintie 1 A 3", "a", "3"}, {"Mannerheimintie 1 A3", "a", "3"},
                   {"Mannerheimintie 1a 3", "a", "3"}, {"Mannerheimintie 1 as. 3", "", "3"},
                   {"Mannerheimintie 1 B 23", "b", "23"}, {"MANNERHEIMINTIE 1 b 23", "b", "23"},
                   {"Mannerheimintie 1", "", ""}, {"Mannerheimintie 1 A", "a", ""}, {"Mannerheimintie 1 C as 7", "c", "7"},
                   {"Mannerheimintie 1, 3. krs", "", ""}, {"Mannerheimintie 1 A, 2 krs", "a", ""}}) {
        auto a = normalize_address(c.street, "00100", "Helsinki");
        EXPECT_EQ(a.street_key, "mannerheimintie 1") << c.street;
        EXPECT_EQ(a.street_name, "mannerheimintie") << c.street;
        EXPECT_EQ(a.number, "1") << c.street;
        EXPECT_EQ(a.staircase, c.staircase) << c.street;
        EXPECT_EQ(a.flat, c.flat) << c.street;
        EXPECT_EQ(a.postcode, "00100") << c.street;
        EXPECT_EQ(a.city_key, "helsinki") << c.street;
        EXPECT_FALSE(a.po_box) << c.street;
    }
}

TEST(NormalizeAddress, FinnishAndSwedishStreetAbbreviations) {
    struct Case {
        const char* street;
        const char* key;
    };
    for (Case c : {Case{"Aleksanterink. 5", "aleksanterinkatu 5"}, {"Aleksanterinkatu 5", "aleksanterinkatu 5"},
                   {"Aleksanterin k. 5", "aleksanterinkatu 5"}, {"Aleksanterin katu 5", "aleksanterinkatu 5"},
                   {"Mannerheimint. 12", "mannerheimintie 12"}, {"Mannerheimin tie 12", "mannerheimintie 12"},
                   {"Ruusukj. 3", "ruusukuja 3"}, {"Ruusukj 3", "ruusukuja 3"}, {"Ruusun kuja 3", "ruusunkuja 3"},
                   {"Kissapl. 2", "kissapolku 2"}, {"Itäinen Puistot. 7", "itainen puistotie 7"},
                   {"Alexandersg. 7", "alexandersgatan 7"}, {"Alexandersgatan 7", "alexandersgatan 7"},
                   {"Mannerheimv. 5", "mannerheimvagen 5"}, {"Mannerheimvägen 5", "mannerheimvagen 5"},
                   {"Itäkatu 1–3 C 23", "itakatu 1"}, {"3. linja 5 B 12", "3 linja 5"},
                   {"Hämeentie", "hameentie"}, {"Pohjoisesplanadi 11-13", "pohjoisesplanadi 11"}}) {
        EXPECT_EQ(normalize_address(c.street, "", "").street_key, c.key) << c.street;
    }
    auto range = normalize_address("Itäkatu 1–3 C 23", "", "");
    EXPECT_EQ(range.number, "1-3");  // the key uses the first number, the building's entrance
    EXPECT_EQ(range.staircase, "c");
    EXPECT_EQ(range.flat, "23");
    auto linja = normalize_address("3. linja 5 B 12", "", "");
    EXPECT_EQ(linja.street_name, "3 linja");
    EXPECT_EQ(linja.staircase, "b");
    EXPECT_EQ(linja.flat, "12");
}

TEST(NormalizeAddress, PostcodesAndCities) {
    EXPECT_EQ(normalize_address("Mannerheimintie 1", "FI-00100", "").postcode, "00100");
    EXPECT_EQ(normalize_address("", "00100", "").postcode, "00100");
    EXPECT_EQ(normalize_address("", "60601-1234", "").postcode, "60601");
    EXPECT_EQ(normalize_address("", "606011234", "").postcode, "60601");
    EXPECT_EQ(normalize_address("", "2119", "").postcode, "2119");  // not padded: kept as written
    EXPECT_EQ(normalize_address("", "", "").postcode, "");

    auto whole = normalize_address("Mannerheimintie 1 B 23, 00100 Helsinki", "", "");
    EXPECT_EQ(whole.street_key, "mannerheimintie 1");
    EXPECT_EQ(whole.flat, "23");
    EXPECT_EQ(whole.postcode, "00100");
    EXPECT_EQ(whole.city_key, "helsinki");

    auto in_city = normalize_address("Mannerheimintie 1", "", "00100 HELSINKI");
    EXPECT_EQ(in_city.postcode, "00100");
    EXPECT_EQ(in_city.city_key, "helsinki");
    auto in_postcode = normalize_address("Mannerheimintie 1", "00100 Helsinki", "");
    EXPECT_EQ(in_postcode.postcode, "00100");
    EXPECT_EQ(in_postcode.city_key, "helsinki");

    struct Case {
        const char* city;
        const char* key;
    };
    for (Case c : {Case{"Hki", "helsinki"}, {"HKI", "helsinki"}, {"Helsingfors", "helsinki"}, {"Helsinki 10", "helsinki"},
                   {"Esbo", "espoo"}, {"Vanda", "vantaa"}, {"Grankulla", "kauniainen"}, {"Åbo", "turku"},
                   {"Äänekoski", "aanekoski"}, {"Helsinki, Finland", "helsinki"}, {"Chicago, IL", "chicago"},
                   {"Tikkurila", "vantaa"}, {"Espoon keskus", "espoo"},
                   {"Los Angeles", "los angeles"}}) {
        EXPECT_EQ(normalize_address("", "", c.city).city_key, c.key) << c.city;
    }
}

TEST(NormalizeAddress, PostOfficeBoxes) {
    for (const char* street : {"PL 123", "pl 123", "PO Box 123", "P.O. Box 123", "Postilokero 123", "PB 123", "Box 123"}) {
        auto a = normalize_address(street, "00101", "Helsinki");
        EXPECT_TRUE(a.po_box) << street;
        EXPECT_EQ(a.street_key, "pl 123") << street;
    }
    auto both = normalize_address("Mannerheimintie 1, PL 123", "00101", "Helsinki");
    EXPECT_TRUE(both.po_box);
    EXPECT_EQ(both.street_key, "mannerheimintie 1");
    auto lines = normalize_address("P.O. Box 1128\nLake Villa", "", "");
    EXPECT_TRUE(lines.po_box);
    EXPECT_EQ(lines.city_key, "lake villa");
    EXPECT_FALSE(normalize_address("3014 W. 39th Pl", "", "").po_box);
}

TEST(NormalizeAddress, EnglishStreets) {
    struct Case {
        const char* street;
        const char* key;
        const char* name;
    };
    for (Case c : {Case{"221 E. 51st St. ", "east 51st 221", "east 51st street"},
                   {"221 East 51st Street", "east 51st 221", "east 51st street"},
                   {"3615 WEST 16TH", "west 16th 3615", "west 16th"},
                   {"3615 W 16th St", "west 16th 3615", "west 16th street"},
                   {"8358 S Stony Island Avenue", "south stony island 8358", "south stony island avenue"},
                   {"8358 S. Stony Island", "south stony island 8358", "south stony island"},
                   {"435 s. la cienega blv.", "south la cienega 435", "south la cienega boulevard"},
                   {"435 S La Cienega Blvd", "south la cienega 435", "south la cienega boulevard"},
                   {"4835 N Sheridan Rd", "north sheridan 4835", "north sheridan road"},
                   {"1 St Louis Ave", "saint louis 1", "saint louis avenue"},
                   {"100 Dr Martin Luther King Jr Dr", "doctor martin luther king jr 100", "doctor martin luther king jr drive"},
                   {"200 First Ave", "1st 200", "1st avenue"},
                   {"100 Broadway", "broadway 100", "broadway"},
                   {"10 Lake Shore Dr N", "lake shore 10", "lake shore drive north"},
                   {"3434 Peachtree Rd. NE", "peachtree 3434", "peachtree road northeast"},
                   {"100 Old St Charles Rd", "old saint charles 100", "old saint charles road"},
                   {"100 E St Clair St", "east saint clair 100", "east saint clair street"},
                   {"1615 W Chicago Avenue St", "west chicago 1615", "west chicago avenue"},
                   {"2450 broadway  between 90th and 91st sts.", "broadway 2450", "broadway"},
                   {"255 courtland st.  at harris st.", "courtland 255", "courtland street"},
                   {"3393 peachtree rd.  lenox square mall  near neiman marcus", "peachtree 3393", "peachtree road"},
                   {"7 claude la.", "claude 7", "claude lane"}, {"7 Claude Ln", "claude 7", "claude lane"},
                   {"156 second ave.", "2nd 156", "2nd avenue"}, {"156 2nd ave. at 10th st.", "2nd 156", "2nd avenue"},
                   {"112 East 51 Street", "east 51st 112", "east 51st street"},
                   {"124 E 113 ST", "east 113th 124", "east 113th street"},
                   {"1248 West 69th Street Chicago", "west 69th 1248", "west 69th street"},
                   {"10001 South Woodlawn Avenue First Floor", "south woodlawn 10001", "south woodlawn avenue"},
                   {"10612-20 South Wentworth", "south wentworth 10612", "south wentworth"},
                   {"3416 ? -18 W. 79th Street", "west 79th 3416", "west 79th street"},  // a range's end apart
                   {"10810 S. Ave. H", "south ave h 10810", "south ave h"},
                   {"2850 W 24 TH BLVD", "west 24th 2850", "west 24th boulevard"},
                   {"112 E 51 St", "east 51st 112", "east 51st"},
                   {"3007 W Diversey, Chicago", "west diversey 3007", "west diversey"}}) {
        auto a = normalize_address(c.street, "", "");
        EXPECT_EQ(a.street_key, c.key) << c.street;
        EXPECT_EQ(a.street_name, c.name) << c.street;
    }
    auto suite = normalize_address("11 E. Adams, Suite 1500", "", "");
    EXPECT_EQ(suite.street_key, "east adams 11");
    EXPECT_EQ(suite.flat, "1500");
    EXPECT_EQ(normalize_address("11 E Adams #1500", "", "").flat, "1500");
    EXPECT_EQ(normalize_address("11 E Adams Apt 3", "", "").flat, "3");
    EXPECT_EQ(normalize_address("11 E Adams St, 3rd Floor", "", "").street_key, "east adams 11");
    EXPECT_EQ(normalize_address("3416 -18 W. 79th Street", "", "").number, "3416-18");
    auto lettered = normalize_address("293-B Peachtree Rd", "", "");
    EXPECT_EQ(lettered.street_key, "peachtree 293");
    EXPECT_EQ(lettered.staircase, "b");
    auto trailing = normalize_address("1020 West Bryn Mawr 211", "", "");
    EXPECT_EQ(trailing.street_key, "west bryn mawr 1020");
    EXPECT_EQ(trailing.flat, "211");
    EXPECT_EQ(normalize_address("1020 W Bryn Mawr Ave 211", "", "").flat, "211");

    // The organisation's name on a line of its own, then the address.
    EXPECT_EQ(normalize_address("Hayes Center\n4859 S. Wabash\n", "", "").street_key, "south wabash 4859");
    // A ZIP code after the street; a house number of five digits is not one.
    auto zip = normalize_address("27 Washington Oak Park IL 60302", "", "");
    EXPECT_EQ(zip.postcode, "60302");
    EXPECT_EQ(zip.number, "27");
    auto five = normalize_address("12224 Ventura Blvd.", "", "Studio City");
    EXPECT_EQ(five.postcode, "");
    EXPECT_EQ(five.street_key, "ventura 12224");
}

TEST(NormalizeAddress, EmptyAndOddInput) {
    auto a = normalize_address("", "", "");
    EXPECT_EQ(a.street_key, "");
    EXPECT_EQ(a.city_key, "");
    EXPECT_FALSE(a.po_box);
    EXPECT_NO_THROW(normalize_address("\xFF\xFE", "\xC3", "\xE2\x82"));
    EXPECT_EQ(normalize_address("Tehtaankatu", "", "").street_key, "tehtaankatu");
    EXPECT_EQ(normalize_address("   ,, ", "", "").street_key, "");
    EXPECT_EQ(normalize_address("c/o Tilitoimisto Oy, Mannerheimintie 1 A 3", "", "").street_key, "mannerheimintie 1");
    EXPECT_EQ(normalize_address("C/O Tilitoimisto Oy\nMannerheimintie 1", "", "").street_key, "mannerheimintie 1");
    EXPECT_EQ(normalize_address("Kauppakeskus Itis, Itäkatu 1-7", "", "").street_key, "itakatu 1");
    EXPECT_EQ(normalize_address("Helsingink.\n90", "", "").street_key, "helsinginkatu 90");  // Excel line break
    EXPECT_EQ(normalize_address("Vuorikatu\r\n37 B 4", "", "").street_key, "vuorikatu 37");
    auto two_lines = normalize_address("Mannerheimintie 1\n00100 Helsinki", "", "");
    EXPECT_EQ(two_lines.street_key, "mannerheimintie 1");
    EXPECT_EQ(two_lines.postcode, "00100");
    EXPECT_EQ(two_lines.city_key, "helsinki");
    EXPECT_EQ(normalize_address("Hayes Center, 4859 S. Wabash", "", "").street_key, "south wabash 4859");
    EXPECT_EQ(normalize_address("Mannerheimintie 1, 3. krs", "", "").street_key, "mannerheimintie 1");
}

// --- phones ---------------------------------------------------------------------------------------------

TEST(NormalizePhone, FinnishSpellings) {
    for (const char* raw : {"09 123 4567", "(09) 1234 567", "+358 9 123 4567", "00358 9 1234567", "+358 (0)9 123 4567",
                            "+358 09 1234567", "09-1234567", "puh. 09 123 4567", "Tel: +358-9-123-4567", "09/123 4567"}) {
        auto phone = normalize_phone(raw);
        EXPECT_TRUE(phone.valid) << raw;
        EXPECT_EQ(phone.e164, "+35891234567") << raw;
        EXPECT_EQ(phone.national, "91234567") << raw;
    }
    for (const char* raw : {"040-123 4567", "0401234567", "040 123 4567", "+358 40 123 4567", "+358401234567"}) {
        auto phone = normalize_phone(raw, "358");
        EXPECT_TRUE(phone.valid) << raw;
        EXPECT_EQ(phone.e164, "+358401234567") << raw;
    }
}

TEST(NormalizePhone, ExtensionsAndListsKeepTheFirstNumber) {
    EXPECT_EQ(normalize_phone("09 123 4567 ext. 12").e164, "+35891234567");
    EXPECT_EQ(normalize_phone("09 123 4567 x12").e164, "+35891234567");
    EXPECT_EQ(normalize_phone("09 123 4567 / 040 123 4567").e164, "+35891234567");
    EXPECT_EQ(normalize_phone("09 123 4567; 040 123 4567").e164, "+35891234567");
    EXPECT_EQ(normalize_phone("09 123 4567, 040 123 4567").e164, "+35891234567");
    EXPECT_EQ(normalize_phone("040 123 4567 (Matti)").e164, "+358401234567");
}

TEST(NormalizePhone, NorthAmerica) {
    for (const char* raw : {"+1 (773) 555-1234", "773-555-1234", "773.555.1234", "(773) 555-1234", "1-773-555-1234",
                            "7735551234", "(773) 555-1234 ext. 12", "773-555-1234 x12"}) {
        auto phone = normalize_phone(raw, "1");
        EXPECT_TRUE(phone.valid) << raw;
        EXPECT_EQ(phone.e164, "+17735551234") << raw;
        EXPECT_FALSE(phone.local_number) << raw;
    }
    auto local = normalize_phone("386-5286", "1");  // no area code: most of the Chicago test file
    EXPECT_FALSE(local.valid);
    EXPECT_TRUE(local.local_number);
    EXPECT_EQ(local.national, "3865286");
    EXPECT_FALSE(normalize_phone("173-555-1234", "1").valid);  // an area code never starts with 1
    EXPECT_EQ(normalize_phone("+1 773 555 1234", "358").e164, "+17735551234");  // foreign number, Finnish default
    EXPECT_EQ(normalize_phone("011 358 9 1234567", "1").e164, "+35891234567");
}

TEST(NormalizePhone, OtherCountriesAndDefaults) {
    EXPECT_EQ(normalize_phone("+46 8 123 456 78").e164, "+46812345678");
    EXPECT_TRUE(normalize_phone("+46 8 123 456 78").valid);
    EXPECT_EQ(normalize_phone("+372 5123 4567").e164, "+37251234567");
    EXPECT_EQ(normalize_phone("0401234567", "+358").e164, "+358401234567");
    EXPECT_EQ(normalize_phone("0401234567", "FI").e164, "+358401234567");
    EXPECT_EQ(normalize_phone("773-555-1234", "US").e164, "+17735551234");
}

TEST(NormalizePhone, TooShortOrLongIsNotValidButKeepsDigits) {
    auto short_one = normalize_phone("123");
    EXPECT_FALSE(short_one.valid);
    EXPECT_EQ(short_one.national, "123");
    EXPECT_FALSE(normalize_phone("+358 1234567890123").valid);
    EXPECT_FALSE(normalize_phone("77352211561150", "1").valid);
    EXPECT_FALSE(normalize_phone("7.73E+016", "1").valid);  // Excel turned it into a float
    auto none = normalize_phone("ei puhelinta");
    EXPECT_FALSE(none.valid);
    EXPECT_EQ(none.e164, "");
    EXPECT_FALSE(normalize_phone("").valid);
}

// --- emails ---------------------------------------------------------------------------------------------

TEST(NormalizeEmail, TrimsLowercasesAndUnwraps) {
    for (const char* raw : {" Matti.Meikalainen@Esimerkki.FI ", "mailto:matti.meikalainen@esimerkki.fi",
                            "<matti.meikalainen@esimerkki.fi>", "Matti Meikäläinen <Matti.Meikalainen@esimerkki.fi>",
                            "MAILTO:MATTI.MEIKALAINEN@ESIMERKKI.FI", "matti.meikalainen(at)esimerkki.fi",
                            "matti.meikalainen [at] esimerkki.fi", "matti.meikalainen@esimerkki.fi."}) {
        auto email = normalize_email(raw);
        EXPECT_EQ(email.address, "matti.meikalainen@esimerkki.fi") << raw;
        EXPECT_EQ(email.domain, "esimerkki.fi") << raw;
        EXPECT_TRUE(email.valid) << raw;
        EXPECT_FALSE(email.generic_mailbox) << raw;
        EXPECT_FALSE(email.free_mail) << raw;
        EXPECT_TRUE(email.others.empty()) << raw;
    }
}

TEST(NormalizeEmail, SeveralAddressesKeepTheFirstAndListTheRest) {
    for (const char* raw : {"matti@esimerkki.fi; toimisto@esimerkki.fi", "matti@esimerkki.fi, toimisto@esimerkki.fi",
                            "matti@esimerkki.fi toimisto@esimerkki.fi", "Matti <matti@esimerkki.fi>, <toimisto@esimerkki.fi>"}) {
        auto email = normalize_email(raw);
        EXPECT_EQ(email.address, "matti@esimerkki.fi") << raw;
        EXPECT_EQ(email.others, Strings{"toimisto@esimerkki.fi"}) << raw;
    }
}

TEST(NormalizeEmail, GenericMailboxes) {
    for (const char* raw : {"info@esimerkki.fi", "toimisto@esimerkki.fi", "office@esimerkki.com", "contact@esimerkki.com",
                            "asiakaspalvelu@esimerkki.fi", "myynti@esimerkki.fi", "sales@esimerkki.com", "admin@esimerkki.fi",
                            "kirjaamo@hel.fi", "hello@esimerkki.fi", "posti@esimerkki.fi", "tilaukset@esimerkki.fi",
                            "INFO+web@esimerkki.fi"}) {
        auto email = normalize_email(raw);
        EXPECT_TRUE(email.valid) << raw;
        EXPECT_TRUE(email.generic_mailbox) << raw;
    }
    EXPECT_FALSE(normalize_email("informaatio.matti@esimerkki.fi").generic_mailbox);
    EXPECT_FALSE(normalize_email("matti.info@esimerkki.fi").generic_mailbox);
}

TEST(NormalizeEmail, FreeMailDomains) {
    for (const char* raw : {"a@gmail.com", "a@hotmail.com", "a@hotmail.fi", "a@outlook.com", "a@live.com", "a@yahoo.com",
                            "a@icloud.com", "a@me.com", "a@luukku.com", "a@suomi24.fi", "a@kolumbus.fi", "a@welho.com",
                            "a@elisanet.fi", "a@saunalahti.fi", "a@pp.inet.fi", "a@pp1.inet.fi", "a@netti.fi", "a@aol.com",
                            "a@msn.com", "a@protonmail.com", "a@yahoo.co.uk", "a@live.se"}) {
        auto email = normalize_email(raw);
        EXPECT_TRUE(email.valid) << raw;
        EXPECT_TRUE(email.free_mail) << raw;
    }
    for (const char* raw : {"a@esimerkki.fi", "a@hel.fi", "a@gmailer.com", "a@live.nation.example.com", "a@notgmail.com"})
        EXPECT_FALSE(normalize_email(raw).free_mail) << raw;
}

TEST(NormalizeEmail, InvalidAddresses) {
    for (const char* raw : {"", "   ", "10/01/15", "matti", "matti@", "@esimerkki.fi", "matti@esimerkki", "matti@.fi",
                            "matti..m@esimerkki.fi", "matti@esimerkki.f1", "matti@-esimerkki.fi"}) {
        EXPECT_FALSE(normalize_email(raw).valid) << raw;
    }
    EXPECT_NO_THROW(normalize_email("\xFF@\xFE.fi"));
}

// --- websites -------------------------------------------------------------------------------------------

TEST(NormalizeWebsite, StripsSchemeWwwAndTrailingSlash) {
    for (const char* raw : {"https://www.Esimerkki.fi/", "http://esimerkki.fi", "www.esimerkki.fi", "ESIMERKKI.FI/",
                            "  https://www2.esimerkki.fi// ", "esimerkki.fi?utm_source=x", "https://esimerkki.fi/#top"}) {
        EXPECT_EQ(website_key(raw), "esimerkki.fi") << raw;
    }
    EXPECT_EQ(website_key("www.chicagocommons.org"), "chicagocommons.org");
    EXPECT_EQ(website_key("https://www.facebook.com/Esimerkki/"), "facebook.com/esimerkki");
    EXPECT_EQ(website_key("esimerkki.fi, toinen.fi"), "esimerkki.fi");
    EXPECT_EQ(website_key(""), "");
    EXPECT_EQ(website_key("ei ole"), "");
    EXPECT_EQ(website_key("info@esimerkki.fi"), "");
}

// --- determinism ----------------------------------------------------------------------------------------

TEST(Normalize, SameInputSameOutput) {
    for (int i = 0; i < 3; ++i) {
        EXPECT_EQ(normalize_name("Oy Esimerkki Ab").key, "esimerkki");
        EXPECT_EQ(normalize_address("Mannerheimintie 1 A 3", "00100", "Hki").street_key, "mannerheimintie 1");
        EXPECT_EQ(normalize_phone("040 123 4567").e164, "+358401234567");
    }
}

}  // namespace
