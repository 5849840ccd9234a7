// The printable invoice to one orderer for one run: a complete HTML document in Finnish or English with the
// seller's details from the installation's settings (clearly marked, or a note that none are set), the orderer's
// name, business ID and address as the run recorded them, the invoice number, dates and reference, a line per
// occurrence (date, task, hours, unit price, discount, net, VAT %), totals per VAT rate and the sum to pay.
#pragma once

#include <optional>
#include <string>

#include "pricing/exports/document_language.hpp"
#include "pricing/exports/invoice_seller.hpp"
#include "pricing/exports/run_record.hpp"
#include "pricing/exports/work_names.hpp"

namespace jobcenter::pricing {

struct InvoicePage {
    const RunRecord* record = nullptr;
    const InvoiceRecord* invoice = nullptr;
    std::optional<Seller> seller;  // in force on the invoice date
    const TaskNames* tasks = nullptr;
};

std::string invoice_html(const InvoicePage& page, Language language);

}  // namespace jobcenter::pricing
