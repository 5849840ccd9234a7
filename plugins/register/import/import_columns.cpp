// Column recognition: the synonym table of header names, loose header comparison, --map overrides,
// the unit and id columns, and the personal-identity-code refusal.
#include "register/import/import_columns.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <set>
#include <unordered_map>

#include "jobcenter/errors.hpp"

namespace jobcenter::register_plugin {
namespace {

struct FieldNames {
    const char* field;
    std::vector<const char*> headers;  // compared loosely, so "Y-tunnus" also covers "ytunnus", "Y tunnus"
};

// Header names units use for each field. A name must belong to one field only. Personal identity
// codes are never a field (see looks_like_identity_codes).
const std::vector<FieldNames>& field_names() {
    static const std::vector<FieldNames> table = {
        {"name", {"Yritys", "Nimi", "Tilaaja", "Yrityksen nimi", "Asiakas", "Organisaatio", "Työnantaja", "Toiminimi",
                  "Tilaajan nimi", "Asiakkaan nimi", "Työnantajan nimi", "Yritysnimi", "name", "company", "company name",
                  "organisation", "organization", "employer", "orderer", "site name"}},
        {"business_id", {"Y-tunnus", "Yritystunnus", "ALV-numero", "ALV-tunnus", "business_id",
                         "business id code", "VAT", "VAT number", "VAT id"}},
        {"street", {"Osoite", "Katuosoite", "Käyntiosoite", "Lähiosoite", "street", "address", "street address",
                    "visiting address"}},
        {"postcode", {"Postinumero", "Postinro", "Postinum", "postcode", "post code", "zip", "zip code",
                      "postal code"}},
        {"city", {"Postitoimipaikka", "Kaupunki", "Toimipaikka", "Paikkakunta", "Kunta", "city", "town",
                  "municipality", "post town"}},
        {"phone", {"Puhelin", "Puh", "Puhelinnumero", "Puh.nro", "Puhelinnro", "phone", "telephone", "phone number",
                   "tel"}},
        {"email", {"Sähköposti", "Sähköpostiosoite", "Sposti", "S-posti", "Email", "email address", "e-mail address"}},
        {"contact_person", {"Yhteyshenkilö", "Kontakti", "Yhteyshlö", "Yhteyshenkilön nimi", "contact", "contact person",
                            "contact name", "director"}},
        {"legal_form", {"Yhtiömuoto", "Yritysmuoto", "Oikeudellinen muoto", "legal form", "company form"}},
        {"category", {"Kategoria", "Luokka", "Tilaajatyyppi", "Asiakastyyppi", "category", "orderer type"}},
        {"department", {"Osasto", "Toimiala", "department", "division", "dept"}},
        {"website", {"Verkkosivut", "Verkkosivu", "Kotisivut", "Kotisivu", "www", "website", "web site", "web",
                     "homepage", "url"}},
        {"notes", {"Lisätiedot", "Lisätietoja", "Huomiot", "Huom", "Muistiinpanot", "Kommentit", "notes", "note",
                   "comments", "remarks"}},
    };
    return table;
}

// loose header -> field
const std::unordered_map<std::string, std::string>& synonyms() {
    static const std::unordered_map<std::string, std::string> map = [] {
        std::unordered_map<std::string, std::string> m;
        for (const auto& entry : field_names()) {
            m.emplace(loose_header(entry.field), entry.field);
            for (const char* header : entry.headers) m.emplace(loose_header(header), entry.field);
        }
        return m;
    }();
    return map;
}

// ä, å -> a and ö -> o (either case) as two-byte UTF-8; 0 for anything else.
char fold_nordic(unsigned char lead, unsigned char next) {
    if (lead != 0xC3) return 0;
    switch (next) {
        case 0xA4: case 0x84: case 0xA5: case 0x85: return 'a';  // ä Ä å Å
        case 0xB6: case 0x96: return 'o';                        // ö Ö
        default: return 0;
    }
}

bool is_separator(char c) { return c == ' ' || c == '-' || c == '_' || c == '.' || c == '\t'; }

// The header's words, folded as loose_header folds them, split at anything not a letter or digit.
std::vector<std::string> header_words(std::string_view header) {
    std::vector<std::string> words(1);
    for (std::size_t i = 0; i < header.size(); ++i) {
        auto c = static_cast<unsigned char>(header[i]);
        char folded = i + 1 < header.size() ? fold_nordic(c, static_cast<unsigned char>(header[i + 1])) : 0;
        if (folded) {
            words.back() += folded;
            ++i;
        } else if (c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z')) {
            words.back() += static_cast<char>(c);
        } else if (c >= 'A' && c <= 'Z') {
            words.back() += static_cast<char>(c - 'A' + 'a');
        } else if (!words.back().empty()) {
            words.emplace_back();
        }
    }
    return words;
}

// A column of Finnish personal identity codes (henkilötunnus) or another country's equivalent.
// Jobcenter stores none, so such a column refuses the whole file, also when it is mixed with
// business IDs ("Y-tunnus/Hetu") and also when it would not be imported.
bool looks_like_identity_codes(std::string_view header) {
    static const std::set<std::string> words = {"hetu", "hetut", "sotu", "ssn"};
    static const char* const phrases[] = {"henkilotunnus", "hlotunnus", "sosiaaliturvatunnus", "personalidentitycode",
                                          "personalidentitynumber", "personalidcode", "socialsecurity",
                                          "socsec", "personnummer", "personbeteckning"};
    for (const auto& word : header_words(header))
        if (words.count(word)) return true;
    std::string loose = loose_header(header);
    return std::any_of(std::begin(phrases), std::end(phrases),
                       [&](const char* phrase) { return loose.find(phrase) != std::string::npos; });
}

std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
    return out;
}

// "A, B, C" for messages; a blank header is shown as "(blank)".
std::string header_list(const std::vector<std::string>& header) {
    std::vector<std::string> shown;
    for (const auto& h : header) shown.push_back(h.empty() ? "(blank)" : h);
    return join(shown);
}

std::string trimmed(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return std::string(s);
}

// The column whose header is `wanted`: an exact match first, else a loose one. `asked` is how the
// user asked for it ("--map name=Toimija"), for the message when there is no such column or several.
std::size_t find_header(const std::vector<std::string>& header, const std::string& wanted, const std::string& asked,
                        const std::string& source) {
    std::vector<std::size_t> exact, loose;
    const std::string wanted_loose = loose_header(wanted);
    for (std::size_t i = 0; i < header.size(); ++i) {
        if (header[i] == wanted) exact.push_back(i);
        else if (!wanted_loose.empty() && loose_header(header[i]) == wanted_loose) loose.push_back(i);
    }
    const auto& found = exact.empty() ? loose : exact;
    if (found.size() == 1) return found.front();
    if (found.empty())
        throw InputError(asked + ": the file has no column '" + wanted + "'; its headers are " + header_list(header), source);
    throw InputError(asked + ": the file has " + std::to_string(found.size()) + " columns named like '" + wanted +
                         "' (columns " + std::to_string(found[0] + 1) + " and " + std::to_string(found[1] + 1) +
                         "); rename all but one",
                     source);
}

// The field an override or a message names, compared loosely ("contact-person" is contact_person).
std::optional<std::string> known_field(const std::string& text) {
    const std::string loose = loose_header(text);
    for (const auto& field : import_fields())
        if (loose_header(field) == loose) return field;
    return std::nullopt;
}

// A column named id or source_id, when the caller named no id column.
std::optional<std::size_t> default_id_column(const std::vector<std::string>& header, const std::vector<bool>& used,
                                             const std::string& source) {
    std::vector<std::size_t> found;
    for (std::size_t i = 0; i < header.size(); ++i) {
        std::string loose = loose_header(header[i]);
        if (!used[i] && (loose == "id" || loose == "sourceid")) found.push_back(i);
    }
    if (found.size() > 1)
        throw InputError("both '" + header[found[0]] + "' and '" + header[found[1]] +
                             "' look like the record id column; choose one with --id-column NAME",
                         source);
    if (found.empty()) return std::nullopt;
    return found.front();
}

// Applies one "field=Header" override.
void apply_override(const std::string& text, const std::vector<std::string>& header, ColumnMap& map,
                    std::vector<bool>& used, const std::string& source) {
    const std::size_t eq = text.find('=');
    const std::string asked = "--map " + text;
    const std::string field_text = eq == std::string::npos ? "" : trimmed(std::string_view(text).substr(0, eq));
    const std::string header_text = eq == std::string::npos ? "" : trimmed(std::string_view(text).substr(eq + 1));
    if (field_text.empty() || header_text.empty())
        throw InputError(asked + ": expected field=HEADER, for example --map name=Toimija", source);
    auto field = known_field(field_text);
    if (!field)
        throw InputError(asked + ": unknown field '" + field_text + "'; the fields are " + join(import_fields()), source);
    if (map.field_to_column.count(*field)) throw InputError(asked + ": " + *field + " is mapped twice", source);
    std::size_t column = find_header(header, header_text, asked, source);
    map.field_to_column[*field] = column;
    used[column] = true;
}

// Columns recognised by name, per field, among the columns nothing else has taken.
void recognise_columns(const std::vector<std::string>& header, ColumnMap& map, std::vector<bool>& used,
                       const std::string& source) {
    std::map<std::string, std::vector<std::size_t>> candidates;
    for (std::size_t i = 0; i < header.size(); ++i) {
        if (used[i]) continue;
        auto it = synonyms().find(loose_header(header[i]));
        if (it == synonyms().end() || map.field_to_column.count(it->second)) continue;
        candidates[it->second].push_back(i);
    }
    for (const auto& field : import_fields()) {
        auto it = candidates.find(field);
        if (it == candidates.end()) continue;
        const auto& columns = it->second;
        if (columns.size() > 1) {
            const std::string& a = header[columns[0]];
            const std::string& b = header[columns[1]];
            if (a == b)
                throw InputError("the header '" + a + "' appears in columns " + std::to_string(columns[0] + 1) + " and " +
                                     std::to_string(columns[1] + 1) + "; rename one of them",
                                 source);
            throw InputError("both '" + a + "' and '" + b + "' look like the " + field + " column; choose one with --map " +
                                 field + "=HEADER",
                             source);
        }
        map.field_to_column[field] = columns.front();
        used[columns.front()] = true;
    }
}

}  // namespace

const std::vector<std::string>& import_fields() {
    static const std::vector<std::string> fields = [] {
        std::vector<std::string> v;
        for (const auto& entry : field_names()) v.emplace_back(entry.field);
        return v;
    }();
    return fields;
}

std::string loose_header(std::string_view header) {
    std::string out;
    out.reserve(header.size());
    for (std::size_t i = 0; i < header.size(); ++i) {
        auto c = static_cast<unsigned char>(header[i]);
        unsigned char next = i + 1 < header.size() ? static_cast<unsigned char>(header[i + 1]) : 0;
        if (char folded = fold_nordic(c, next)) {
            out += folded;
            ++i;
        } else if (c == 0xC2 && next == 0xA0) {  // no-break space
            ++i;
        } else if (!is_separator(static_cast<char>(c))) {
            out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
        }
    }
    return out;
}

ColumnMap map_columns(const std::vector<std::string>& header, const std::vector<std::string>& overrides,
                      const std::optional<std::string>& unit_column, const std::optional<std::string>& id_column,
                      const std::string& source_name) {
    for (const auto& name : header)
        if (looks_like_identity_codes(name))
            throw InputError("the column '" + name +
                                 "' looks like personal identity codes, which Jobcenter must not store; remove it, "
                                 "or leave it out with --drop-column '" + name + "'",
                             source_name);

    ColumnMap map;
    std::vector<bool> used(header.size(), false);
    if (unit_column) {
        map.unit_column = find_header(header, *unit_column, "--unit-column " + *unit_column, source_name);
        used[*map.unit_column] = true;
    }
    if (id_column) {
        map.id_column = find_header(header, *id_column, "--id-column " + *id_column, source_name);
        if (map.id_column == map.unit_column)
            throw InputError("'" + header[*map.id_column] + "' cannot be both the unit column and the id column",
                             source_name);
    } else {
        map.id_column = default_id_column(header, used, source_name);
    }
    if (map.id_column) used[*map.id_column] = true;

    for (const auto& text : overrides) apply_override(text, header, map, used, source_name);
    recognise_columns(header, map, used, source_name);

    if (!map.field_to_column.count("name"))
        throw InputError("no name column: the headers are " + header_list(header) + "; give --map name=HEADER",
                         source_name);
    for (std::size_t i = 0; i < header.size(); ++i)
        if (!used[i] && !header[i].empty()) map.unmapped_headers.push_back(header[i]);
    return map;
}

namespace {

// Text Boost.JSON writes without escapes: no quote, backslash or control character.
bool needs_no_escape(std::string_view text) {
    for (char c : text)
        if (c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20) return false;
    return true;
}

void append_json_string(std::string& out, std::string_view text) {
    if (needs_no_escape(text)) {
        out += '"';
        out += text;
        out += '"';
    } else {
        out += boost::json::serialize(boost::json::string_view(text));
    }
}

}  // namespace

namespace {

template <class Text>
std::string json_array_of(const std::vector<Text>& values) {
    std::size_t size = 2;
    for (const auto& v : values) size += v.size() + 3;
    std::string out;
    out.reserve(size);
    out += '[';
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i > 0) out += ',';
        append_json_string(out, values[i]);
    }
    out += ']';
    return out;
}

}  // namespace

std::string json_string_array(const std::vector<std::string>& values) { return json_array_of(values); }
std::string json_string_array(const std::vector<std::string_view>& values) { return json_array_of(values); }

}  // namespace jobcenter::register_plugin
