// An invoice as a Finvoice 3.0 message (Finance Finland's e-invoice format), its elements in the order of the
// Finvoice 3.0 schema: seller, buyer, delivery period, invoice details with totals per VAT rate and due date, a row
// per occurrence, and the payment details (EpiDetails). The message needs the seller's name and IBAN, which an
// administrator sets with `pricing seller set`. Without the parties' e-invoice addresses, which no table holds, the
// transmission details are left out: the sender's operator adds them. docs/pricing-exports.md says what was and
// was not validated.
#pragma once

#include <string>

#include "pricing/exports/invoice_html.hpp"

namespace jobcenter::pricing {

// Throws RefusedError naming "--as finvoice" when no seller with a name and an IBAN is in force on the invoice date.
std::string finvoice_xml(const InvoicePage& page, Language language);

}  // namespace jobcenter::pricing
