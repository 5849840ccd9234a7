// The code lists of worker-clients and orders (benefits, transport, approvers, contracts, statuses,
// weekdays) as enum classes, with the interchange file's spelling of each.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace jobcenter::matching {

enum class Organisation { vatti, kuty, other };
enum class Benefit {
    labour_market_subsidy,
    general_housing_allowance,
    basic_social_assistance,
    earnings_related_unemployment_allowance,
    disability_pension,
    kela_disability_pension,
    pensioners_housing_allowance,
    old_age_pension,
};
enum class Transport { walk, public_transport, unit_car };
enum class Approver { unit_director, work_supervisor, work_coach, coordinator };
enum class Contract { commission, employment };
enum class OrderStatus { open, cancelled, closed };
enum class GigStatus { proposed, confirmed, accepted, done, approved, cancelled, declined };
enum class Weekday { mon, tue, wed, thu, fri, sat, sun };

// The code of a value as the interchange file spells it: "labour-market-subsidy", "unit-car", "mon".
std::string_view code_of(Organisation v);
std::string_view code_of(Benefit v);
std::string_view code_of(Transport v);
std::string_view code_of(Approver v);
std::string_view code_of(Contract v);
std::string_view code_of(OrderStatus v);
std::string_view code_of(GigStatus v);
std::string_view code_of(Weekday v);

// The value a code names, or nullopt.
template <class Enum>
std::optional<Enum> parse_code(std::string_view code);

// Every code of a list, comma-separated, for "use one of ..." messages.
template <class Enum>
std::string codes_of();

// True for a benefit that is an unemployment benefit (a commission contract stops it, DOMAIN.md P1).
bool is_unemployment_benefit(Benefit b);

}  // namespace jobcenter::matching
