// Loading the figure table and finding the row in force on a day.
#include "pricing/figures/figure_book.hpp"

#include <algorithm>

#include "jobcenter/errors.hpp"

namespace jobcenter::pricing {

FigureBook FigureBook::load(Database& db) {
    FigureBook book;
    auto q = db.prepare("SELECT id, name, value, valid_from, verified, source, set_by, set_at FROM figure "
                        "ORDER BY name, valid_from");
    while (q.step()) {
        const auto figure = figure_named(q.get_text_view(1));
        if (!figure) continue;  // a name a newer version added; this version does not read it
        FigureRow row;
        row.id = q.get_int(0);
        row.figure = *figure;
        row.value = Decimal::parse(q.get_text_view(2));
        row.valid_from = q.get_text(3);
        row.verified = q.get_int(4) != 0;
        row.source = q.get_text(5);
        row.set_by = q.get_text(6);
        row.set_at = q.get_text(7);
        book.rows_[static_cast<std::size_t>(*figure)].push_back(std::move(row));
    }
    return book;
}

const FigureRow& FigureBook::row_on(Figure figure, std::string_view date) const {
    const auto& rows = rows_[static_cast<std::size_t>(figure)];
    // The first row starting after the date; the one before it is in force.
    auto after = std::upper_bound(rows.begin(), rows.end(), date,
                                  [](std::string_view day, const FigureRow& row) { return day < row.valid_from; });
    if (after == rows.begin())
        throw NotFoundError("no value of the figure '" + std::string(info_of(figure).name) + "' is in force on " +
                                std::string(date) + ": see `jobcenter pricing figures list`",
                            "figure " + std::string(info_of(figure).name));
    return *(after - 1);
}

Money FigureBook::euros_on(Figure figure, std::string_view date) const {
    return Money::from_cents(100).times(value_on(figure, date));
}

}  // namespace jobcenter::pricing
