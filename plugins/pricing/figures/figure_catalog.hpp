// The catalog of dated figures the pricing plugin reads: each figure's name in the `figure` table, what
// kind of number it is, and what it means. A name outside the catalog is refused wherever one is typed.
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace jobcenter::pricing {

enum class Figure {
    wage_commission,
    wage_employment,
    coefficient_commission,
    coefficient_employment,
    side_costs_employment,
    service_costs,
    vat_general,
    employer_tyel,
    employer_unemployment_insurance,
    employer_health_insurance,
    employer_accident_insurance,
    employer_group_life_insurance,
    employee_tyel,
    employee_unemployment_insurance,
    holiday_compensation,
    withholding_no_tax_card,
};

// How a figure's value is written and checked: euros (two decimals at most), a percent (0-100) or a ratio.
enum class FigureKind { euros_per_hour, percent, ratio };

struct FigureInfo {
    Figure figure;
    std::string_view name;  // "vat.general": the name in the table and on the command line
    FigureKind kind;
    std::string_view meaning;
};

std::span<const FigureInfo> figure_catalog();
const FigureInfo& info_of(Figure figure);
std::optional<Figure> figure_named(std::string_view name);
std::string_view kind_name(FigureKind kind);

}  // namespace jobcenter::pricing
