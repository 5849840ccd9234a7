// Spelling of the matching code lists and parsing them back.
#include "matching/model/codes.hpp"

#include <array>
#include <cstddef>

namespace jobcenter::matching {
namespace {

template <class Enum>
struct Codes;
template <>
struct Codes<Organisation> {
    static constexpr std::array<std::string_view, 3> names{"VATTI", "KUTY", "OTHER"};
};
template <>
struct Codes<Benefit> {
    static constexpr std::array<std::string_view, 8> names{
        "labour-market-subsidy", "general-housing-allowance", "basic-social-assistance",
        "earnings-related-unemployment-allowance", "disability-pension", "kela-disability-pension",
        "pensioners-housing-allowance", "old-age-pension"};
};
template <>
struct Codes<Transport> {
    static constexpr std::array<std::string_view, 3> names{"walk", "public-transport", "unit-car"};
};
template <>
struct Codes<Approver> {
    static constexpr std::array<std::string_view, 4> names{"unit-director", "work-supervisor", "work-coach", "coordinator"};
};
template <>
struct Codes<Contract> {
    static constexpr std::array<std::string_view, 2> names{"commission", "employment"};
};
template <>
struct Codes<OrderStatus> {
    static constexpr std::array<std::string_view, 3> names{"open", "cancelled", "closed"};
};
template <>
struct Codes<GigStatus> {
    static constexpr std::array<std::string_view, 7> names{"proposed", "confirmed", "accepted", "done",
                                                           "approved", "cancelled", "declined"};
};
template <>
struct Codes<Weekday> {
    static constexpr std::array<std::string_view, 7> names{"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
};

template <class Enum>
std::string_view name_of(Enum v) {
    return Codes<Enum>::names.at(static_cast<std::size_t>(v));
}

}  // namespace

std::string_view code_of(Organisation v) { return name_of(v); }
std::string_view code_of(Benefit v) { return name_of(v); }
std::string_view code_of(Transport v) { return name_of(v); }
std::string_view code_of(Approver v) { return name_of(v); }
std::string_view code_of(Contract v) { return name_of(v); }
std::string_view code_of(OrderStatus v) { return name_of(v); }
std::string_view code_of(GigStatus v) { return name_of(v); }
std::string_view code_of(Weekday v) { return name_of(v); }

template <class Enum>
std::optional<Enum> parse_code(std::string_view code) {
    const auto& names = Codes<Enum>::names;
    for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i] == code) return static_cast<Enum>(i);
    return std::nullopt;
}

template <class Enum>
std::string codes_of() {
    std::string out;
    for (auto name : Codes<Enum>::names) {
        if (!out.empty()) out += ", ";
        out += name;
    }
    return out;
}

#define JOBCENTER_MATCHING_CODE_LIST(Enum)                              \
    template std::optional<Enum> parse_code<Enum>(std::string_view); \
    template std::string codes_of<Enum>();
JOBCENTER_MATCHING_CODE_LIST(Organisation)
JOBCENTER_MATCHING_CODE_LIST(Benefit)
JOBCENTER_MATCHING_CODE_LIST(Transport)
JOBCENTER_MATCHING_CODE_LIST(Approver)
JOBCENTER_MATCHING_CODE_LIST(Contract)
JOBCENTER_MATCHING_CODE_LIST(OrderStatus)
JOBCENTER_MATCHING_CODE_LIST(GigStatus)
JOBCENTER_MATCHING_CODE_LIST(Weekday)
#undef JOBCENTER_MATCHING_CODE_LIST

bool is_unemployment_benefit(Benefit b) {
    return b == Benefit::labour_market_subsidy || b == Benefit::earnings_related_unemployment_allowance;
}

}  // namespace jobcenter::matching
