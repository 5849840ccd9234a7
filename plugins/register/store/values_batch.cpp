// Batched statements over many rows of values (see values_batch.hpp).
#include "register/store/values_batch.hpp"

#include "jobcenter/errors.hpp"

namespace jobcenter::register_plugin {

std::string values_sql(const std::string& sql, int columns, std::size_t rows) {
    const auto at = sql.find("$ROWS");
    if (at == std::string::npos) throw InternalError("a batched statement needs $ROWS where its rows go", sql);
    std::string row = "(";
    for (int c = 0; c < columns; ++c) row += c ? ",?" : "?";
    row += ")";
    std::string list;
    list.reserve(rows * (row.size() + 1));
    for (std::size_t r = 0; r < rows; ++r) {
        if (r) list += ',';
        list += row;
    }
    std::string out = sql;
    out.replace(at, 5, list);
    return out;
}

}  // namespace jobcenter::register_plugin
