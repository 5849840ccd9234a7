// Running one statement over many rows of values with one execution per batch of rows instead of one
// per row: the statement's VALUES list is written out for a batch, each row's values bound in turn.
#pragma once

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>

#include "jobcenter/database.hpp"

namespace jobcenter::register_plugin {

// `sql` with "$ROWS" replaced by `rows` groups of `columns` parameters: "(?,?),(?,?)".
std::string values_sql(const std::string& sql, int columns, std::size_t rows);

// Runs `sql` once per batch of up to `rows_per_batch` of the rows 0..count-1. `sql` holds "$ROWS" where
// the rows go: "INSERT INTO t(a, b) VALUES $ROWS", or "UPDATE t SET b = v.column2 FROM (VALUES $ROWS)
// AS v WHERE t.id = v.column1". bind_row(statement, first, row) binds the row's `columns` values from
// parameter `first` on. Rows go in the order given.
template <class BindRow>
void run_batched(Database& db, const std::string& sql, int columns, std::size_t count, BindRow&& bind_row,
                 std::size_t rows_per_batch = 100) {
    rows_per_batch = std::max<std::size_t>(1, rows_per_batch);
    const std::string full_sql = count >= rows_per_batch ? values_sql(sql, columns, rows_per_batch) : std::string();
    for (std::size_t start = 0; start < count; start += rows_per_batch) {
        const std::size_t rows = std::min(rows_per_batch, count - start);
        std::optional<Statement> last;  // a shorter last batch
        if (rows < rows_per_batch) last.emplace(db.prepare(values_sql(sql, columns, rows)));
        Statement& statement = last ? *last : db.cached(full_sql);
        for (std::size_t r = 0; r < rows; ++r) bind_row(statement, static_cast<int>(r) * columns + 1, start + r);
        statement.run();
    }
}

}  // namespace jobcenter::register_plugin
