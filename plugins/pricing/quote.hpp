// Pricing a piece of work for an orderer: wage x contract coefficient, plus VAT, on a given date.
#pragma once

#include <boost/json.hpp>

#include "jobcenter/context.hpp"
#include "jobcenter/money.hpp"

namespace jobcenter::pricing {

struct Quote {
    std::string date;
    std::string contract_type;
    Money hourly_wage;
    Decimal coefficient;
    Money hourly_price;  // wage x coefficient, rounded half up to the cent
    Decimal hours;
    Money net;           // hourly_price x hours, rounded half up
    Decimal vat_percent;
    Money vat;           // net x VAT, rounded half up
    Money gross;
};

// Throws NotFoundError when no wage or VAT row is in force on the date, ScriptError when the unit's
// coefficient script fails or returns something outside 1..5.
Quote make_quote(Context& ctx, const std::string& contract_type, Decimal hours, const std::string& date);

boost::json::value quote_command(Context& ctx, const boost::json::object& request);
boost::json::value rates_command(Context& ctx, const boost::json::object& request);
boost::json::value demo_command(Context& ctx, const boost::json::object& request);

}  // namespace jobcenter::pricing
