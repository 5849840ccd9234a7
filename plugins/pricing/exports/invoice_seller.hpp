// The seller an invoice names: the installation's own details from the table invoice_seller, set by an
// administrator from a day on (schema/pricing/004_invoice_seller.sql). Nothing is assumed when none is set.
#pragma once

#include <optional>
#include <string>

#include "jobcenter/database.hpp"

namespace jobcenter::pricing {

struct Seller {
    std::int64_t id = 0;
    std::string name;
    std::optional<std::string> business_id;
    std::optional<std::string> vat_number;
    std::optional<std::string> address;  // street, postcode and city on one line
    std::optional<std::string> iban;
    std::optional<std::string> bic;
    std::optional<std::string> email;
    std::optional<std::string> phone;
    std::string valid_from;
    std::string set_by;
    std::string set_at;
};

// The row in force on `date` (the latest valid_from on or before it, the later row of two), if any.
std::optional<Seller> seller_on(Database& db, const std::string& date);

// Adds a row; the caller has checked the values.
std::int64_t add_seller(Database& db, const Seller& seller);

}  // namespace jobcenter::pricing
