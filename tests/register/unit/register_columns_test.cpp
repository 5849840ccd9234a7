// The register's column recognition: Finnish and English header names, loose comparison, --map
// overrides, the id and unit columns, and the refusal of personal identity codes.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "jobcenter/errors.hpp"
#include "register/import/import_columns.hpp"

namespace {
using namespace jobcenter::register_plugin;
using jobcenter::InputError;
using Header = std::vector<std::string>;

ColumnMap map(const Header& header, const std::vector<std::string>& overrides = {},
              const std::optional<std::string>& unit_column = std::nullopt,
              const std::optional<std::string>& id_column = std::nullopt) {
    return map_columns(header, overrides, unit_column, id_column, "units.csv");
}

std::string map_error(const Header& header, const std::vector<std::string>& overrides = {},
                      const std::optional<std::string>& unit_column = std::nullopt,
                      const std::optional<std::string>& id_column = std::nullopt) {
    try {
        map(header, overrides, unit_column, id_column);
    } catch (const InputError& e) {
        return e.describe();
    }
    ADD_FAILURE() << "expected an error";
    return {};
}

std::optional<std::size_t> column_of(const ColumnMap& m, const std::string& field) {
    auto it = m.field_to_column.find(field);
    if (it == m.field_to_column.end()) return std::nullopt;
    return it->second;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST(RegisterColumns, LooseHeader) {
    EXPECT_EQ(loose_header(" Y-tunnus "), "ytunnus");
    EXPECT_EQ(loose_header("Y_TUNNUS"), "ytunnus");
    EXPECT_EQ(loose_header("Puh.nro"), "puhnro");
    EXPECT_EQ(loose_header("SÄHKÖPOSTI"), "sahkoposti");
    EXPECT_EQ(loose_header("Käyntiosoite"), "kayntiosoite");
    EXPECT_EQ(loose_header("Åbo\xC2\xA0stad"), "abostad");
}

TEST(RegisterColumns, FinnishHeaders) {
    ColumnMap m = map({"Yritys", "Y-tunnus", "Katuosoite", "Postinumero", "Postitoimipaikka", "Puhelin", "Sähköposti",
                       "Yhteyshenkilö", "Muuta"});
    const std::vector<std::string> fields = {"name", "business_id", "street", "postcode", "city", "phone", "email",
                                             "contact_person"};
    for (std::size_t i = 0; i < fields.size(); ++i) EXPECT_EQ(column_of(m, fields[i]), i) << fields[i];
    EXPECT_EQ(m.unmapped_headers, Header{"Muuta"});
    EXPECT_FALSE(m.id_column);
    EXPECT_FALSE(m.unit_column);
}

TEST(RegisterColumns, EnglishHeaders) {
    ColumnMap m = map({"name", "business_id", "street", "postcode", "city", "phone", "email", "contact_person",
                       "legal_form", "category", "department", "website", "notes"});
    EXPECT_EQ(m.field_to_column.size(), 13u);
    for (std::size_t i = 0; i < import_fields().size(); ++i)
        EXPECT_EQ(column_of(m, import_fields()[i]), i) << import_fields()[i];
    EXPECT_TRUE(m.unmapped_headers.empty());
}

TEST(RegisterColumns, BusinessIdSpellings) {
    for (const char* h : {"Y-tunnus", "Ytunnus", "y_tunnus", "Y tunnus", " YTUNNUS ", "Y.tunnus", "business_id",
                          "Business ID", "BusinessId", "VAT", "ALV-numero", "alv numero"}) {
        ColumnMap m = map({"Nimi", h});
        EXPECT_EQ(column_of(m, "business_id"), 1u) << h;
    }
}

TEST(RegisterColumns, Synonyms) {
    const std::vector<std::pair<std::string, std::vector<std::string>>> cases = {
        {"name", {"Yritys", "Nimi", "Tilaaja", "Yrityksen nimi", "Asiakas", "Organisaatio", "Työnantaja", "tyonantaja",
                  "name", "Company", "organisation", "organization", "Site name"}},
        {"street", {"Osoite", "Katuosoite", "Käyntiosoite", "Kayntiosoite", "Lähiosoite", "street", "Address"}},
        {"postcode", {"Postinumero", "Postinro", "Postinum", "postcode", "Zip", "postal code", "Postal_Code"}},
        {"city", {"Postitoimipaikka", "Kaupunki", "Toimipaikka", "Paikkakunta", "city", "Town"}},
        {"phone", {"Puhelin", "Puh", "Puh.", "Puhelinnumero", "Puh.nro", "phone", "Telephone"}},
        {"email", {"Sähköposti", "Sahkoposti", "Email", "E-mail", "Sposti", "Email Address"}},
        {"contact_person", {"Yhteyshenkilö", "YHTEYSHENKILO", "Kontakti", "Yhteyshlö", "contact", "Contact person",
                            "Director"}},
        {"legal_form", {"Yhtiömuoto", "legal form"}},
        {"category", {"Kategoria", "category"}},
        {"department", {"Osasto", "department"}},
        {"website", {"Verkkosivut", "Website", "www"}},
        {"notes", {"Lisätiedot", "Huomiot", "notes"}},
    };
    for (const auto& [field, headers] : cases) {
        for (const auto& h : headers) {
            if (field == "name") {
                EXPECT_EQ(column_of(map({"Muu", h}), "name"), 1u) << h;
            } else {
                EXPECT_EQ(column_of(map({"Nimi", h}), field), 1u) << h << " as " << field;
            }
        }
    }
}

TEST(RegisterColumns, IdColumnByDefault) {
    for (const char* h : {"id", "ID", "Id", "source_id", "Source ID", "sourceid"}) {
        ColumnMap m = map({"Nimi", h});
        EXPECT_EQ(m.id_column, 1u) << h;
        EXPECT_TRUE(m.unmapped_headers.empty()) << h;
    }
    EXPECT_FALSE(map({"Nimi", "True Id", "unique_id", "Identifier"}).id_column);
    EXPECT_EQ(map_error({"Nimi", "id", "source_id"}),
              "units.csv: both 'id' and 'source_id' look like the record id column; choose one with --id-column NAME");
}

TEST(RegisterColumns, IdAndUnitColumnsGiven) {
    ColumnMap m = map({"Yksikkö", "Nimi", "Tunniste", "id"}, {}, "yksikkö", "Tunniste");
    EXPECT_EQ(m.unit_column, 0u);
    EXPECT_EQ(m.id_column, 2u);
    EXPECT_EQ(m.unmapped_headers, Header{"id"});
    std::string missing = map_error({"Nimi", "Puhelin"}, {}, std::nullopt, "Tunniste");
    EXPECT_EQ(missing, "units.csv: --id-column Tunniste: the file has no column 'Tunniste'; its headers are Nimi, Puhelin");
    EXPECT_TRUE(contains(map_error({"Nimi", "Puhelin"}, {}, "Yksikkö"), "--unit-column Yksikkö: the file has no column"));
    EXPECT_TRUE(contains(map_error({"Nimi", "Koodi"}, {}, "Koodi", "Koodi"), "both the unit column and the id column"));
}

TEST(RegisterColumns, UnitColumnOnlyWhenGiven) {
    EXPECT_FALSE(map({"Nimi", "Yksikkö", "unit"}).unit_column);
}

TEST(RegisterColumns, OverridesNameColumns) {
    ColumnMap m = map({"Toimija", "Numero", "Osoite"}, {"name=Toimija", "phone=numero"});
    EXPECT_EQ(column_of(m, "name"), 0u);
    EXPECT_EQ(column_of(m, "phone"), 1u);  // the header is found loosely
    EXPECT_EQ(column_of(m, "street"), 2u);
    EXPECT_TRUE(m.unmapped_headers.empty());
}

TEST(RegisterColumns, OverrideWinsOverRecognisedNames) {
    ColumnMap chosen = map({"Nimi", "Yritys"}, {"name=Yritys"});
    EXPECT_EQ(column_of(chosen, "name"), 1u);
    EXPECT_EQ(chosen.unmapped_headers, Header{"Nimi"});
    // A header taken by an override is not also recognised as its usual field.
    ColumnMap taken = map({"Nimi", "Yhteyshenkilö"}, {"name=Yhteyshenkilö"});
    EXPECT_EQ(column_of(taken, "name"), 1u);
    EXPECT_FALSE(column_of(taken, "contact_person"));
    // Naming what would have been recognised anyway is harmless; field names are compared loosely too.
    ColumnMap same = map({"Site name", "Zip", "Boss"}, {"name=Site name", "postcode=Zip", "Contact-Person = Boss"});
    EXPECT_EQ(column_of(same, "name"), 0u);
    EXPECT_EQ(column_of(same, "postcode"), 1u);
    EXPECT_EQ(column_of(same, "contact_person"), 2u);
}

TEST(RegisterColumns, BadOverrides) {
    std::string unknown = map_error({"Nimi", "X"}, {"nmae=X"});
    EXPECT_EQ(unknown, "units.csv: --map nmae=X: unknown field 'nmae'; the fields are name, business_id, street, postcode, "
                       "city, phone, email, contact_person, legal_form, category, department, website, notes");
    EXPECT_EQ(map_error({"Nimi", "Puhelin"}, {"phone=Numero"}),
              "units.csv: --map phone=Numero: the file has no column 'Numero'; its headers are Nimi, Puhelin");
    for (const char* bad : {"name", "=Nimi", "name=", " = ", ""})
        EXPECT_TRUE(contains(map_error({"Nimi"}, {bad}), "expected field=HEADER")) << bad;
    EXPECT_TRUE(contains(map_error({"A", "B"}, {"name=A", "name=B"}), "name is mapped twice"));
    EXPECT_TRUE(contains(map_error({"Nimi", "Nimi"}, {"name=Nimi"}), "columns 1 and 2"));
}

TEST(RegisterColumns, TwoNameColumnsAreRefused) {
    EXPECT_EQ(map_error({"Nimi", "Puhelin", "Yritys"}),
              "units.csv: both 'Nimi' and 'Yritys' look like the name column; choose one with --map name=HEADER");
    EXPECT_EQ(map_error({"Nimi", "Puhelin", "Puh"}),
              "units.csv: both 'Puhelin' and 'Puh' look like the phone column; choose one with --map phone=HEADER");
    EXPECT_EQ(map_error({"Nimi", "Nimi"}), "units.csv: the header 'Nimi' appears in columns 1 and 2; rename one of them");
}

TEST(RegisterColumns, NoNameColumn) {
    EXPECT_EQ(map_error({"A", "B", "C"}), "units.csv: no name column: the headers are A, B, C; give --map name=HEADER");
    EXPECT_EQ(map_error({"Osoite", ""}), "units.csv: no name column: the headers are Osoite, (blank); give --map name=HEADER");
}

TEST(RegisterColumns, PersonalIdentityCodesAreRefused) {
    EXPECT_EQ(map_error({"Nimi", "Hetu"}),
              "units.csv: the column 'Hetu' looks like personal identity codes, which Jobcenter must not store; remove it, "
              "or leave it out with --drop-column 'Hetu'");
    for (const char* h : {"Henkilötunnus", "henkilotunnus", "HETU", "hetu", "Y-tunnus/Hetu", "Y-tunnus / henkilötunnus",
                          "Hlö.tunnus", "Sotu", "Sosiaaliturvatunnus", "personal identity code", "Personal ID code", "SSN",
                          "soc_sec_id", "Social security number", "Personnummer"}) {
        std::string message = map_error({"Nimi", h});
        EXPECT_TRUE(contains(message, "looks like personal identity codes")) << h << ": " << message;
        // Also when the user maps it, or it would otherwise be left unmapped.
        EXPECT_TRUE(contains(map_error({"Nimi", h}, {std::string("notes=") + h}), "personal identity codes")) << h;
    }
}

TEST(RegisterColumns, OrdinaryHeadersAreNotTakenForIdentityCodes) {
    Header header = {"Yrityksen nimi", "Business name", "Yhteyshenkilö", "Yhteyshenkilön puhelin", "Hetkinen", "Sotkamo",
                     "Personnel", "Asiakasnumero", "Tunnus", "Classname", "Social media"};
    EXPECT_NO_THROW(map(header));
}

TEST(RegisterColumns, ChicagoHeader) {
    Header header = {"True Id", "Id", "Source", "Site name", "Address", "Zip", "Phone", "Fax", "Program Name",
                     "Length of Day", "IDHS Provider ID", "Agency", "Neighborhood", "Funded Enrollment",
                     "Program Option", "Number per Site EHS", "Number per Site HS", "Director", "Head Start Fund",
                     "Eearly Head Start Fund", "CC fund", "Progmod", "Website", "Executive Director", "Center Director",
                     "ECE Available Programs", "NAEYC Valid Until", "NAEYC Program Id", "Email Address",
                     "Ounce of Prevention Description", "Purple binder service type", "Column", "Column2"};
    ColumnMap m = map(header);
    EXPECT_EQ(m.id_column, 1u);
    EXPECT_EQ(column_of(m, "name"), 3u);
    EXPECT_EQ(column_of(m, "street"), 4u);
    EXPECT_EQ(column_of(m, "postcode"), 5u);
    EXPECT_EQ(column_of(m, "phone"), 6u);
    EXPECT_EQ(column_of(m, "contact_person"), 17u);
    EXPECT_EQ(column_of(m, "website"), 22u);
    EXPECT_EQ(column_of(m, "email"), 28u);
    EXPECT_EQ(m.field_to_column.size(), 7u);
    EXPECT_EQ(m.unmapped_headers.size(), 33u - 8u);
    EXPECT_EQ(m.unmapped_headers.front(), "True Id");
    // The benchmark's explicit mapping gives the same.
    ColumnMap explicit_map = map(header, {"name=Site name", "postcode=Zip", "email=Email Address"}, std::nullopt, "Id");
    EXPECT_EQ(explicit_map.field_to_column, m.field_to_column);
}

TEST(RegisterColumns, RestaurantsHeader) {
    ColumnMap m = map({"name", "address", "city", "cuisine", "unique_id"});
    EXPECT_EQ(column_of(m, "name"), 0u);
    EXPECT_EQ(column_of(m, "street"), 1u);
    EXPECT_EQ(column_of(m, "city"), 2u);
    EXPECT_FALSE(m.id_column);
    EXPECT_EQ(m.unmapped_headers, (Header{"cuisine", "unique_id"}));
}

TEST(RegisterColumns, BlankHeadersAreNotListedAsUnmapped) {
    ColumnMap m = map({"Nimi", "", "Muu", ""});
    EXPECT_EQ(m.unmapped_headers, Header{"Muu"});
}

}  // namespace
