// Normalising an orderer's fields into matching keys: name (legal form, City of Helsinki and its divisions),
// business ID, street address, phone (E.164), email and website. Each is implemented in a file of its own:
// names.cpp, business_id.cpp, addresses.cpp, phones.cpp, emails.cpp (emails and websites).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace jobcenter::register_plugin {

// The revision of how a record's keys are read from its fields. Raise it with any change below that gives
// some stored record another key: registers keyed before are read again (index/key_revision.hpp).
// 1: house-number ranges ("3416 -18 W. 79th"), lost zeros, the City's sites (2026-12).
constexpr int key_revision = 1;

// --- names ------------------------------------------------------------------------------------------------

struct NormalizedName {
    // fold_key of the core name with the legal form removed: "Oy Esimerkki Ab" -> "esimerkki". For the City
    // of Helsinki: "helsingin kaupunki", then the canonical division, then the rest of the unit's name.
    std::string key;
    // The legal form family, kept as evidence: "oy" (Oy, Osakeyhtiö, Ab, Aktiebolag, Oy Ab, Oy Ltd),
    // "oyj" (Oyj, Abp), "asoy" (As Oy, Asunto Oy, Bostads Ab), "koy" (Kiinteistö Oy, Koy), "ky", "ay",
    // "tmi", "ry", "saatio" (säätiö, sr, stiftelse), "osk" (osuuskunta, andelslag), "ltd", "plc", "llp",
    // "inc", "corp", "co", "llc", "lp", "gmbh", "ag", "kg", "sa", "sarl", "nv", "bv", "as", "aps", "ou",
    // "sia", "uab"; empty when none.
    std::string legal_form;
    std::vector<std::string> tokens;  // the words of key, in order, for blocking
    bool city_of_helsinki = false;
    // For a City of Helsinki name, its division or unit: the canonical division when the name gives one
    // ("Kasko" and "Kasvatuksen ja koulutuksen toimiala" -> "kasvatuksen ja koulutuksen toimiala"), else the
    // fold_key of the words after the city. Empty for the city itself and for other organisations.
    std::string department_key;
};

NormalizedName normalize_name(std::string_view raw);

// --- business ID --------------------------------------------------------------------------------------------

// The canonical "1234567-8" when `raw` is a valid business ID (parse_business_id), else "".
std::string business_id_key(std::string_view raw);

// --- addresses ----------------------------------------------------------------------------------------------

struct NormalizedAddress {
    // The street name and house number: "mannerheimintie 1". English street types (St, Ave, Blvd...) are left
    // out of the key because registers often drop them ("3615 W 16th St" = "3615 WEST 16TH" ->
    // "west 16th 3615"); Finnish and Swedish types are part of the word and stay ("aleksanterinkatu 5").
    std::string street_key;
    std::string street_name;  // folded, abbreviations expanded: "aleksanterinkatu", "east 51st street"
    std::string number;       // "1", "12-14" (the key uses the first number of a range)
    std::string staircase;    // "a"
    std::string flat;         // "3"
    std::string postcode;     // "00100"; other lengths are kept as given digits ("2119")
    std::string city_key;     // fold_key with Swedish names and abbreviations mapped: "Hki", "Helsingfors" -> "helsinki"
    bool po_box = false;      // "PL 123", "PO Box 123", "Postilokero 123"
};

// `street` may hold the whole address ("Mannerheimintie 1 A 3, 00100 Helsinki"); the postcode and city are
// taken from it when their own fields are empty.
NormalizedAddress normalize_address(std::string_view street, std::string_view postcode, std::string_view city);

// --- phones -------------------------------------------------------------------------------------------------

struct NormalizedPhone {
    std::string e164;      // "+358912345678"; when not valid, the best reading so far ("+35891"), or ""
    bool valid = false;    // the number has a plausible length for its country
    std::string national;  // the national significant number (no trunk 0): "912345678"; kept when not valid
    // A North American 7-digit subscriber number without its area code ("386-5286"): not E.164, but the same
    // digits are a usable key among records of one area (national holds them).
    bool local_number = false;
};

// default_country is the calling code used for numbers written without one: "358" (Finland, the default)
// or "1" (North America); "+358", "FI" and "US" are also understood. Only the first number of a list
// ("09 123 4567 / 040 123 4567") is read; extensions ("ext. 12", "x12") are dropped.
NormalizedPhone normalize_phone(std::string_view raw, std::string_view default_country = "358");

// The calling code a default country names ("358", "+358", "FI" and "" are "358"; "US" is "1"), or "" when
// it names none.
std::string phone_calling_code(std::string_view country);

// --- emails -------------------------------------------------------------------------------------------------

struct NormalizedEmail {
    std::string address;  // the first address found, trimmed and lowercased: "info@esimerkki.fi"
    std::string domain;   // "esimerkki.fi"
    bool valid = false;
    bool generic_mailbox = false;     // info@, toimisto@, office@, asiakaspalvelu@, ...: weak evidence
    bool free_mail = false;           // gmail.com, hotmail.fi, luukku.com, ...: the domain says nothing
    std::vector<std::string> others;  // further addresses in the same field, normalised, valid ones only
};

// Accepts "mailto:", "<a@b.fi>", "Name <a@b.fi>", "info(at)firma.fi" and lists separated by ';', ',' or
// spaces; the first address is the one described, the rest go to `others`.
NormalizedEmail normalize_email(std::string_view raw);

// --- websites -----------------------------------------------------------------------------------------------

// "https://www.Esimerkki.fi/" -> "esimerkki.fi"; the path is kept ("facebook.com/esimerkki"), the query and
// fragment are dropped. "" when there is nothing that looks like a host.
std::string website_key(std::string_view raw);

}  // namespace jobcenter::register_plugin
