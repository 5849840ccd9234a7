// The leading zeros a spreadsheet drops from a column it reads as numbers, put back where the loss is
// unambiguous: a Finnish postcode, a business ID and a Finnish phone number each have a known shape.
#pragma once

#include <optional>
#include <string>
#include <string_view>

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

}  // namespace jobcenter::register_plugin
