// Owns the order of `jobcenter doctor`'s checks, the opening of the database for them, and the report.
#include "doctor.hpp"

#include <algorithm>
#include <system_error>

#include "byte_size.hpp"

namespace jobcenter {
namespace fs = std::filesystem;
namespace {

// The database opened as it is, or a problem finding saying why it could not be.
std::optional<Database> open_database(const fs::path& path, Findings& findings) {
    std::error_code ec;
    if (!fs::exists(path, ec)) {
        findings.push_back({"database", FindingStatus::problem, "no database file at " + path.string(),
                            "check --db or JOBCENTER_DB; the first command that uses the database creates it"});
        return std::nullopt;
    }
    OpenOptions existing;
    existing.create = false;
    try {
        Database db = Database::open(path, existing);
        findings.push_back({"database", FindingStatus::ok,
                            path.string() + ", " + byte_size_text(fs::file_size(path, ec)), ""});
        return db;
    } catch (const Error& e) {
        findings.push_back({"database", FindingStatus::problem, "cannot open " + path.string() + ": " + e.what(),
                            "if it is busy, run doctor again when the other command is done; if it is damaged, "
                            "restore the last good backup: jobcenter --role admin restore FILE"});
        return std::nullopt;
    }
}

std::optional<std::set<std::string>> unit_names(Database& db) {
    try {
        std::set<std::string> names;
        auto query = db.prepare("SELECT name FROM unit");
        while (query.step()) names.insert(query.get_text(0));
        return names;
    } catch (const Error&) {
        return std::nullopt;  // not migrated yet: no units to compare the script folders with
    }
}

}  // namespace

std::string_view status_name(FindingStatus status) {
    switch (status) {
        case FindingStatus::ok: return "ok";
        case FindingStatus::warning: return "warning";
        case FindingStatus::problem: return "problem";
    }
    return "problem";
}

Findings run_doctor(const CommandRouter& router) {
    const HostPaths& paths = router.paths();
    Findings findings;
    std::optional<std::set<std::string>> units;
    {
        std::optional<Database> db = open_database(paths.database, findings);
        if (db) {
            append(findings, database_findings(*db, router));
            units = unit_names(*db);
        }
    }  // closed before the file checks: a -wal or -shm still there then belongs to another process
    append(findings, plugin_findings(router.plugin_set(), paths.plugins));
    append(findings, script_findings(paths.scripts, router.script_entries(), units));
    append(findings, file_findings(paths.database));
    return findings;
}

void append(Findings& to, Findings more) {
    to.insert(to.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
}

bool all_ok(const Findings& findings) {
    return std::all_of(findings.begin(), findings.end(), [](const Finding& f) { return f.status == FindingStatus::ok; });
}

boost::json::object doctor_report(const Findings& findings, const fs::path& database) {
    FindingStatus worst = FindingStatus::ok;
    boost::json::array rows;
    for (const auto& f : findings) {
        worst = std::max(worst, f.status);
        rows.push_back(boost::json::object{{"check", f.check},
                                           {"status", status_name(f.status)},
                                           {"detail", f.detail},
                                           {"advice", f.advice}});
    }
    return boost::json::object{{"database", database.string()}, {"status", status_name(worst)}, {"rows", std::move(rows)}};
}

}  // namespace jobcenter
