// What a payroll run is computed from, read and resolved before any pricing: the approved occurrences of the
// period (as matching.gig-worked gives them), their orders and clients, what earlier runs paid for each
// occurrence, the tax cards in force on the pay date, the dated figures, the units' terms and the orderers'
// golden records. The engine (payroll_engine.hpp) is a pure function of this.
#pragma once

#include <boost/json.hpp>
#include <compare>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "jobcenter/money.hpp"
#include "pricing/figures/figure_book.hpp"
#include "pricing/prices/contract.hpp"
#include "pricing/prices/line_totals.hpp"

namespace jobcenter::pricing {

// One occurrence of a gig: the gig and the day of work.
struct OccurrenceKey {
    std::int64_t gig = 0;
    std::string date;
    auto operator<=>(const OccurrenceKey&) const = default;
};

struct WorkedOccurrence {
    std::int64_t gig = 0;
    std::string date;          // the day of work, YYYY-MM-DD
    std::int64_t minutes = 0;  // as recorded now (after any correction)
    std::string order_id;
    std::string client_id;
    std::string unit;          // the client's unit: its terms price the work
    std::int64_t orderer_id = 0;
    std::string task_type;
    Contract contract = Contract::commission;
    bool corrected = false;    // its hours were corrected after approval
    OccurrenceKey key() const { return {gig, date}; }
};

struct WorkOrder {
    std::string id;
    std::string start_date;     // the day of its first occurrence: the discount's context date
    boost::json::object json;   // as `matching order show` gives it, with "occurrences" and "hours_total"
};

struct WorkerClient {
    std::string id;
    std::string name;
    std::string unit;
    std::vector<std::string> benefits;  // benefit codes of the matching plugin
};

// An orderer as the register's golden record has it when the run is made.
struct OrdererRecord {
    std::int64_t id = 0;
    std::string name;
    std::optional<std::string> business_id;
    std::optional<std::string> address;  // street, postcode and city on one line
};

// What runs that are not cancelled paid for one occurrence so far.
struct PaidSoFar {
    LineSums amounts;
    std::int64_t lines = 0;
};

// The units' pricing terms, asked of their scripts before the engine runs (pricing/prices/unit_terms.hpp).
struct UnitTermsTable {
    std::map<std::tuple<std::string, Contract, std::string>, Decimal> coefficients;  // (unit, contract, day)
    std::map<std::pair<std::string, std::string>, Decimal> discounts;                // (unit, order)
};

struct PayrollInput {
    std::string period_from;
    std::string period_to;
    std::string pay_date;
    std::int64_t due_days = 14;
    std::int64_t first_invoice_sequence = 1;  // the sequence part of the run's first invoice number
    std::vector<WorkedOccurrence> occurrences;  // sorted by date, gig
    std::map<std::string, WorkOrder> orders;
    std::map<std::string, WorkerClient> clients;
    std::map<OccurrenceKey, PaidSoFar> paid;
    std::map<std::string, Decimal> tax_cards;  // the percent on file in force on the pay date, per client
    const FigureBook* figures = nullptr;
    UnitTermsTable terms;
    std::map<std::int64_t, OrdererRecord> orderers;
};

}  // namespace jobcenter::pricing
