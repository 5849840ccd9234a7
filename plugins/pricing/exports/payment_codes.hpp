// The codes an invoice's payment runs on: the Finnish reference number (viitenumero) made from the invoice number,
// and the checks of the seller's business ID, IBAN and BIC before they are stored.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace jobcenter::pricing {

// The invoice number's digits (leading zeros dropped) with the 7-3-1 check digit appended: "2026-000123" gives
// "20260001235". Nullopt when the digits are fewer than 3 or more than 19.
std::optional<std::string> finnish_reference(std::string_view invoice_number);

// A reference number in groups of five from the right, as it is printed: "2 02600 01235".
std::string grouped_reference(std::string_view reference);

// "1234567-8" with its mod-11 check digit right.
bool business_id_valid(std::string_view text);
// An IBAN without spaces whose mod-97 check holds ("FI2112345600000785").
bool iban_valid(std::string_view text);
// Eight or eleven letters and digits, the first six letters ("NDEAFIHH").
bool bic_valid(std::string_view text);

}  // namespace jobcenter::pricing
