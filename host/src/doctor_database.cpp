// Owns the doctor's checks of the database's content: SQLite's integrity and foreign-key checks, and the
// migrations it records against this installation's (applied and unchanged, none pending).
#include "database_checks.hpp"
#include "doctor.hpp"
#include "installation_migrations.hpp"

namespace jobcenter {
namespace {

const char* const restore_advice =
    "stop writing to it and restore the last good backup: jobcenter --role admin restore FILE (the damaged "
    "content is kept beside it as a safety copy)";

Finding integrity_finding(Database& db) {
    CheckFindings damage = integrity_findings(db);
    if (damage.clean()) return {"integrity", FindingStatus::ok, "PRAGMA integrity_check: ok", ""};
    return {"integrity", FindingStatus::problem, "PRAGMA integrity_check: " + damage.summary(), restore_advice};
}

Finding foreign_key_finding(Database& db) {
    CheckFindings dangling = foreign_key_findings(db);
    if (dangling.clean()) return {"foreign keys", FindingStatus::ok, "PRAGMA foreign_key_check: every row's references exist", ""};
    return {"foreign keys", FindingStatus::problem, "PRAGMA foreign_key_check: " + dangling.summary(),
            "report it as a fault of Jobcenter, then restore the last good backup: jobcenter --role admin restore FILE"};
}

std::string file_list(const std::vector<AppliedMigration>& migrations) {
    std::string text;
    for (const auto& m : migrations) text += (text.empty() ? "" : ", ") + m.name;
    return text;
}

// One finding per component: drifted is a problem, pending a warning, else ok.
Finding component_finding(const ComponentMigrations& c) {
    const auto& audit = c.audit;
    if (!audit.drifted.empty()) {
        std::string detail = c.component + ": " + describe_drift(audit.drifted.front());
        if (audit.drifted.size() > 1) detail += " (and " + std::to_string(audit.drifted.size() - 1) + " more)";
        return {"migrations", FindingStatus::problem, detail,
                "install the schema folder of the Jobcenter version that made this database (" + c.folder.string() +
                    " must hold the files it applied, unchanged), or restore a backup this version made"};
    }
    if (!audit.pending.empty())
        return {"migrations", FindingStatus::warning,
                c.component + ": " + std::to_string(audit.pending.size()) + " not applied yet (" +
                    file_list(audit.pending) + ")",
                "the next command that uses the database applies them; take a backup first: "
                "jobcenter --role admin backup FILE"};
    return {"migrations", FindingStatus::ok,
            c.component + ": " + std::to_string(audit.applied.size()) + " applied, unchanged, none pending", ""};
}

Findings migration_findings(Database& db, const CommandRouter& router) {
    InstallationMigrations migrations;
    try {
        migrations = audit_installation_migrations(db, router);
    } catch (const Error& e) {
        return {{"migrations", FindingStatus::problem, e.describe(),
                 "point --schema or JOBCENTER_SCHEMA at the installed share/jobcenter/schema"}};
    }
    Findings findings;
    for (const auto& c : migrations.components) findings.push_back(component_finding(c));
    for (const auto& name : migrations.unknown_components)
        findings.push_back({"migrations", FindingStatus::warning,
                            name + ": the database records its migrations, but this installation has neither the "
                                   "plugin nor its schema folder",
                            "install the plugin '" + name + "' again, unless it was removed on purpose"});
    return findings;
}

}  // namespace

Findings database_findings(Database& db, const CommandRouter& router) {
    Findings findings{integrity_finding(db), foreign_key_finding(db)};
    for (auto& f : migration_findings(db, router)) findings.push_back(std::move(f));
    return findings;
}

}  // namespace jobcenter
