// Reporting an import: the counts and bad rows it found, and its closing entries.
#include "register/import/import_report.hpp"

#include <string>

namespace jobcenter::register_plugin {
namespace json = boost::json;

json::object import_report(const ImportRequest& request, const ImportFile& file, const StoredMatch& stored) {
    const CsvTable& table = file.table;
    json::array bad_rows;
    for (const auto& b : file.bad) bad_rows.push_back(json::object{{"line", b.line}, {"reason", b.reason}});
    json::object result{{"file", request.file},           {"encoding", table.encoding},
                        {"delimiter", std::string(1, table.delimiter) == "\t" ? "tab" : std::string(1, table.delimiter)},
                        {"rows", table.records.size()},    {"added", stored.added},
                        {"updated", stored.updated},       {"unchanged", stored.unchanged},
                        {"skipped", file.bad.size()},      {"dry_run", request.dry_run}};
    if (!bad_rows.empty()) result["bad_rows"] = std::move(bad_rows);
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
