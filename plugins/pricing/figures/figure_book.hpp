// The dated figures of the `figure` table, loaded once per command: the value of a figure in force on a day.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "jobcenter/database.hpp"
#include "jobcenter/money.hpp"
#include "pricing/figures/figure_catalog.hpp"

namespace jobcenter::pricing {

struct FigureRow {
    std::int64_t id = 0;
    Figure figure = Figure::wage_commission;
    Decimal value;
    std::string valid_from;  // YYYY-MM-DD
    bool verified = true;
    std::string source;
    std::string set_by;
    std::string set_at;
};

class FigureBook {
public:
    static FigureBook load(Database& db);

    // The row of `figure` in force on `date` (YYYY-MM-DD); throws NotFoundError naming the figure and the date
    // when none is (the day is before the first row).
    const FigureRow& row_on(Figure figure, std::string_view date) const;
    Decimal value_on(Figure figure, std::string_view date) const { return row_on(figure, date).value; }
    // A figure in euros as Money (an amount per hour).
    Money euros_on(Figure figure, std::string_view date) const;

    // Every row of a figure, oldest first.
    const std::vector<FigureRow>& history(Figure figure) const { return rows_[static_cast<std::size_t>(figure)]; }

private:
    std::array<std::vector<FigureRow>, static_cast<std::size_t>(Figure::withholding_no_tax_card) + 1> rows_;
};

}  // namespace jobcenter::pricing
