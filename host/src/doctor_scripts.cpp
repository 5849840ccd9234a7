// Owns the doctor's check of the units' Lua scripts: every file of scripts/defaults and of each
// scripts/units/<unit> loaded in the sandbox and checked against what the plugins expect.
#include <algorithm>
#include <system_error>

#include "doctor.hpp"
#include "script_check.hpp"

namespace jobcenter {
namespace fs = std::filesystem;
namespace {

std::vector<fs::path> sorted_entries(const fs::path& folder, bool folders) {
    std::vector<fs::path> found;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
        if (folders ? entry.is_directory(ec) : (entry.is_regular_file(ec) && entry.path().extension() == ".lua"))
            found.push_back(entry.path());
    }
    std::sort(found.begin(), found.end());
    return found;
}

std::string owner_text(const std::string& unit) { return unit.empty() ? "defaults" : "unit " + unit; }

// One finding for a script that passed, one per problem for a script that did not.
Findings findings_of(const fs::path& file, const std::string& unit, const fs::path& root,
                     const std::vector<ScriptEntry>& entries) {
    ScriptCheckReport report = check_script(file, unit, root, entries);
    if (report.ok()) {
        std::string checked;
        for (const auto& name : report.checked) checked += (checked.empty() ? "" : ", ") + name;
        return {{"scripts", FindingStatus::ok,
                 owner_text(unit) + ", " + report.file + ": ok" + (checked.empty() ? "" : " (" + checked + ")"), ""}};
    }
    const std::string again =
        "fix the file, then check it again: jobcenter " + (unit.empty() ? "" : "--unit " + unit + " ") + "script check " +
        report.file;
    Findings findings;
    for (const auto& p : report.problems)
        findings.push_back({"scripts", FindingStatus::problem,
                            owner_text(unit) + ", " + p.where + (p.entry.empty() ? "" : " (" + p.entry + ")") + ": " +
                                p.message,
                            again});
    return findings;
}

}  // namespace

Findings script_findings(const fs::path& scripts_root, const std::vector<ScriptEntry>& entries,
                         const std::optional<std::set<std::string>>& units) {
    std::error_code ec;
    if (!fs::is_directory(scripts_root / "defaults", ec))
        return {{"scripts", FindingStatus::problem, "no defaults folder at " + (scripts_root / "defaults").string(),
                 "point --scripts or JOBCENTER_SCRIPTS at the installed share/jobcenter/scripts"}};
    Findings findings;
    for (const auto& file : sorted_entries(scripts_root / "defaults", false))
        append(findings, findings_of(file, "", scripts_root, entries));
    for (const auto& folder : sorted_entries(scripts_root / "units", true)) {
        const std::string unit = folder.filename().string();
        if (units && !units->count(unit))
            findings.push_back({"scripts", FindingStatus::warning,
                                folder.string() + " is the folder of no unit in the database",
                                "add the unit (jobcenter --role admin unit add " + unit +
                                    " --title TITLE --organisation KUTY|VATTI|OTHER), or remove the folder"});
        for (const auto& file : sorted_entries(folder, false)) append(findings, findings_of(file, unit, scripts_root, entries));
    }
    return findings;
}

}  // namespace jobcenter
