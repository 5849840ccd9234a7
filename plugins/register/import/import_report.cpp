// Reporting an import: the counts and bad rows it found, and its closing entries.
#include "register/import/import_report.hpp"

#include <array>
#include <string>

namespace jobcenter::register_plugin {
namespace json = boost::json;
namespace {

// Values masked by --mask-identity-codes, by header (columns of one header added up); only columns with some.
json::object masked_per_column(const CsvTable& table, const MaskedIdentityCodes& masked) {
    json::object counts;
    for (std::size_t c = 0; c < table.header.size(); ++c) {
        if (masked.per_column[c] == 0) continue;
        const std::string name = table.header[c].empty() ? "column " + std::to_string(c + 1) : table.header[c];
        json::value& count = counts[name];
        count = (count.is_null() ? 0 : count.as_int64()) + static_cast<std::int64_t>(masked.per_column[c]);
    }
    return counts;
}

// Values whose leading zeros were put back, by column: every column restored, with 0 where none was.
json::object restored_per_column(const std::vector<ImportRow>& rows) {
    std::array<std::int64_t, restored_column_count> counts{};
    for (const auto& row : rows)
        for (std::size_t c = 0; c < restored_column_count; ++c) counts[c] += row.restored.has(static_cast<RestoredColumn>(c));
    json::object out;
    for (std::size_t c = 0; c < restored_column_count; ++c) out[restored_column_names[c]] = counts[c];
    return out;
}

}  // namespace

json::object import_report(const ImportRequest& request, const ImportFile& file, const StoredMatch& stored) {
    const CsvTable& table = file.table;
    json::array bad_rows;
    for (const auto& b : file.bad) bad_rows.push_back(json::object{{"line", b.line}, {"reason", b.reason}});
    json::object result{{"file", request.file},           {"encoding", table.encoding},
                        {"delimiter", std::string(1, table.delimiter) == "\t" ? "tab" : std::string(1, table.delimiter)},
                        {"rows", table.records.size()},    {"added", stored.added},
                        {"updated", stored.updated},       {"unchanged", stored.unchanged},
                        {"skipped", file.bad.size()},      {"dry_run", request.dry_run}};
    result["restored"] = restored_per_column(file.rows);
    if (!bad_rows.empty()) result["bad_rows"] = std::move(bad_rows);
    if (!request.dropped_columns.empty()) result["dropped_columns"] = json::value_from(request.dropped_columns);
    if (request.mask_identity_codes) result["masked_identity_codes"] = masked_per_column(table, file.masked);
    return result;
}

void close_import(Context& ctx, const ImportRequest& request, std::int64_t import_id, PhaseTimer& timer,
                  json::object& report) {
    timer.total();
    ctx.progress().finish();
    ctx.audit("register.import", "import_batch", std::to_string(import_id), request.file);
    report["import_id"] = import_id;
}

}  // namespace jobcenter::register_plugin
