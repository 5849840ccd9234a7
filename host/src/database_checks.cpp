// Owns running SQLite's integrity and foreign-key checks and turning their rows into findings.
#include "database_checks.hpp"

#include "jobcenter/errors.hpp"

namespace jobcenter {
namespace {

void note(CheckFindings& findings, std::string text, std::size_t limit) {
    if (findings.first.size() < limit) findings.first.push_back(std::move(text));
    ++findings.count;
}

}  // namespace

std::string CheckFindings::summary() const {
    std::string text;
    for (const auto& f : first) text += (text.empty() ? "" : "; ") + f;
    if (count > first.size()) text += " (and " + std::to_string(count - first.size()) + " more)";
    return text;
}

CheckFindings integrity_findings(Database& db, std::size_t limit) {
    CheckFindings findings;
    try {
        auto check = db.prepare("PRAGMA integrity_check");
        while (check.step()) {
            std::string line = check.get_text(0);
            if (line != "ok") note(findings, std::move(line), limit);
        }
    } catch (const Error& e) {
        note(findings, e.what(), limit);
    }
    return findings;
}

CheckFindings foreign_key_findings(Database& db, std::size_t limit) {
    CheckFindings findings;
    try {
        auto check = db.prepare("SELECT \"table\", rowid, parent FROM pragma_foreign_key_check");
        while (check.step())
            note(findings,
                 "a row of " + check.get_text(0) + " (rowid " + check.get_optional_text(1).value_or("-") +
                     ") points to a missing row of " + check.get_text(2),
                 limit);
    } catch (const Error& e) {
        note(findings, e.what(), limit);
    }
    return findings;
}

}  // namespace jobcenter
