// The figure catalog's entries.
#include "pricing/figures/figure_catalog.hpp"

#include <array>

namespace jobcenter::pricing {
namespace {

constexpr std::array catalog{
    FigureInfo{Figure::wage_commission, "wage.commission", FigureKind::euros_per_hour,
               "the worker's hourly pay on a commission contract"},
    FigureInfo{Figure::wage_employment, "wage.employment", FigureKind::euros_per_hour,
               "the worker's hourly wage on an employment contract, before holiday compensation"},
    FigureInfo{Figure::coefficient_commission, "coefficient.commission", FigureKind::ratio,
               "orderer's hourly price = wage x this, on a commission contract (a unit's script may set its own)"},
    FigureInfo{Figure::coefficient_employment, "coefficient.employment", FigureKind::ratio,
               "orderer's hourly price = wage x this, on an employment contract (a unit's script may set its own)"},
    FigureInfo{Figure::side_costs_employment, "side-costs.employment", FigureKind::euros_per_hour,
               "the part of an employment contract's hourly price that covers the employer's side costs"},
    FigureInfo{Figure::service_costs, "service-costs", FigureKind::euros_per_hour,
               "the standard service costs per hour in the price (administration, payroll, insurance)"},
    FigureInfo{Figure::vat_general, "vat.general", FigureKind::percent,
               "VAT on work sold to orderers, by the day the work is delivered"},
    FigureInfo{Figure::employer_tyel, "employer.tyel", FigureKind::percent,
               "the employer's TyEL pension contribution on employment-contract wages"},
    FigureInfo{Figure::employer_unemployment_insurance, "employer.unemployment-insurance", FigureKind::percent,
               "the employer's unemployment insurance contribution"},
    FigureInfo{Figure::employer_health_insurance, "employer.health-insurance", FigureKind::percent,
               "the employer's health insurance contribution"},
    FigureInfo{Figure::employer_accident_insurance, "employer.accident-insurance", FigureKind::percent,
               "accident insurance premium on wages"},
    FigureInfo{Figure::employer_group_life_insurance, "employer.group-life-insurance", FigureKind::percent,
               "group life insurance premium on wages"},
    FigureInfo{Figure::employee_tyel, "employee.tyel", FigureKind::percent,
               "the employee's TyEL share, withheld from employment-contract wages"},
    FigureInfo{Figure::employee_unemployment_insurance, "employee.unemployment-insurance", FigureKind::percent,
               "the employee's unemployment insurance share, withheld from employment-contract wages"},
    FigureInfo{Figure::holiday_compensation, "holiday-compensation", FigureKind::percent,
               "holiday compensation paid on employment-contract wages"},
    FigureInfo{Figure::withholding_no_tax_card, "withholding.no-tax-card", FigureKind::percent,
               "tax withheld from a worker with no tax card on file"},
};

constexpr bool listed_in_enum_order() {
    for (std::size_t i = 0; i < catalog.size(); ++i)
        if (static_cast<std::size_t>(catalog[i].figure) != i) return false;
    return catalog.size() == static_cast<std::size_t>(Figure::withholding_no_tax_card) + 1;
}
static_assert(listed_in_enum_order(), "info_of() indexes the catalog by the enum's value");

}  // namespace

std::span<const FigureInfo> figure_catalog() { return catalog; }

const FigureInfo& info_of(Figure figure) { return catalog[static_cast<std::size_t>(figure)]; }

std::optional<Figure> figure_named(std::string_view name) {
    for (const auto& info : catalog)
        if (info.name == name) return info.figure;
    return std::nullopt;
}

std::string_view kind_name(FigureKind kind) {
    switch (kind) {
        case FigureKind::euros_per_hour: return "euros per hour";
        case FigureKind::percent: return "percent";
        case FigureKind::ratio: return "ratio";
    }
    return "";
}

}  // namespace jobcenter::pricing
