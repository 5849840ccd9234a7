// Building a payroll engine's input by hand for the unit and property tests: the seeded figures of the
// migrations in an in-memory database, occurrences with their orders, clients and orderers, and each unit's
// terms (the standard coefficient and no discount unless a test sets others).
#pragma once

#include <algorithm>
#include <filesystem>
#include <tuple>
#include <map>
#include <string>
#include <vector>

#include "jobcenter/database.hpp"
#include "pricing/payroll/payroll_input.hpp"
#include "support/test_support.hpp"

namespace jobcenter::testing {

inline pricing::FigureBook seeded_figures() {
    auto db = Database::open(":memory:");
    for (const char* migration : {"001_rates.sql", "002_figures.sql"})
        db.exec(read_file(std::filesystem::path(JOBCENTER_SOURCE_DIR) / "schema/pricing" / migration));
    return pricing::FigureBook::load(db);
}

struct EngineInput {
    pricing::FigureBook figures = seeded_figures();
    pricing::PayrollInput input;
    std::map<std::pair<std::string, pricing::Contract>, Decimal> unit_coefficients;  // else the standard figure

    EngineInput(const EngineInput&) = delete;
    EngineInput& operator=(const EngineInput&) = delete;
    explicit EngineInput(const std::string& pay_date = "2026-01-15") {
        input.period_from = "2021-01-01";
        input.period_to = "2026-12-31";
        input.pay_date = pay_date;
        input.figures = &figures;
    }

    void add_client(const std::string& id, const std::string& unit, std::vector<std::string> benefits = {}) {
        input.clients[id] = {id, "Asiakas " + id, unit, std::move(benefits)};
    }

    // An occurrence; its order, orderer and the unit's terms are added as needed.
    void add(std::int64_t gig, const std::string& date, std::int64_t minutes, pricing::Contract contract,
             const std::string& client, const std::string& order, std::int64_t orderer, Decimal discount = {}) {
        const std::string unit = input.clients.at(client).unit;
        input.occurrences.push_back({gig, date, minutes, order, client, unit, orderer, "office-cleaning", contract, false});
        input.orders.try_emplace(order, pricing::WorkOrder{order, date, {}});
        input.orderers.try_emplace(orderer, pricing::OrdererRecord{orderer, "Orderer " + std::to_string(orderer), {}, {}});
        input.terms.discounts.try_emplace({unit, order}, discount);
        const pricing::Figure standard = contract == pricing::Contract::commission ? pricing::Figure::coefficient_commission
                                                                                   : pricing::Figure::coefficient_employment;
        auto own = unit_coefficients.find({unit, contract});
        input.terms.coefficients.try_emplace({unit, contract, date},
                                             own != unit_coefficients.end() ? own->second : figures.value_on(standard, date));
    }

    // Occurrences in the order gig-worked gives them: by date, then gig.
    void sort() {
        std::sort(input.occurrences.begin(), input.occurrences.end(),
                  [](const auto& a, const auto& b) { return std::tie(a.date, a.gig) < std::tie(b.date, b.gig); });
    }
};

}  // namespace jobcenter::testing
