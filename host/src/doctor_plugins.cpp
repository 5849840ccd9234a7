// Owns the doctor's check of the plugin folder: what loaded, with its ABI and toolchain, and what was
// refused and why.
#include "doctor.hpp"
#include "jobcenter/plugin.hpp"

namespace jobcenter {

Findings plugin_findings(const PluginSet& plugins, const std::filesystem::path& folder) {
    Findings findings;
    for (const auto& loaded : plugins.plugins)
        findings.push_back({"plugins", FindingStatus::ok,
                            loaded.plugin->name() + " " + loaded.plugin->version() + " (" +
                                loaded.file.filename().string() + "): plugin ABI " + std::to_string(abi_version) +
                                ", " + JOBCENTER_TOOLCHAIN,
                            ""});
    for (const auto& refused : plugins.refused)
        findings.push_back({"plugins", FindingStatus::warning, refused.file.string() + " refused: " + refused.reason,
                            "remove the file from the plugin folder if it is no Jobcenter plugin; else rebuild it "
                            "against this host's SDK, compiler and Boost"});
    if (plugins.plugins.empty())
        findings.push_back({"plugins", FindingStatus::problem, "no plugin loaded from " + folder.string(),
                            "point --plugins or JOBCENTER_PLUGINS at the installed lib/jobcenter/plugins"});
    return findings;
}

}  // namespace jobcenter
