// The leading zeros a spreadsheet drops from a column it reads as numbers, put back where the loss is
// unambiguous: a Finnish postcode, a business ID and a Finnish phone number each have a known shape.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "register/normalize/business_id.hpp"

namespace jobcenter::register_plugin {

// A postcode of 3 or 4 digits and nothing else, left-padded with zeros to 5 ("100" -> "00100",
// "2100" -> "02100"); nullopt for anything else, a 5-digit postcode included.
std::optional<std::string> restored_postcode(std::string_view given);

// Seven digits and nothing else whose zero-padded form has a valid check digit, as the canonical business
// ID ("2012566" -> "0201256-6"); nullopt for anything else (eight digits are read as given already).
std::optional<std::string> restored_business_id(std::string_view given);

// Digits only, no leading 0, shaped as a Finnish mobile (9 digits beginning 4 or 50: "401112222") or a
// Helsinki landline (9 and 7 or 8 more digits: "91234567") without its trunk 0: the national number with
// it ("0401112222"). A number written with its 0, a '+', or separators is as given: nullopt.
std::optional<std::string> restored_finnish_phone(std::string_view given);

// A value a person or a CRM entered (`register add`, `register check`), with its leading zeros put back as an
// import puts them back, and a note saying so for the reply ("postcode 100 read as 00100 ..."); no note when
// the value was as it should be.
struct EnteredValue {
    std::string value;
    std::optional<std::string> note;
};
EnteredValue entered_postcode(std::string_view given);
// A business ID as entered: parsed as given, else as its lost leading zero back gives it (with the note).
struct EnteredBusinessId {
    BusinessId id;
    std::optional<std::string> note;
};
EnteredBusinessId entered_business_id(std::string_view given);
// Only for Finnish numbers: `country` is the calling code read for numbers without one ("358").
EnteredValue entered_phone(std::string_view given, std::string_view country);

}  // namespace jobcenter::register_plugin
