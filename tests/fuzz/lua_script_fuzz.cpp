// Fuzz target: any text as a unit's register.lua and pricing.lua, loaded in the sandbox and checked the
// way `jobcenter script check` does (every entry the register and pricing plugins read, functions called).
// A broken or hostile script is a problem in the report, never a crash or an escaping exception.
#include <fstream>
#include <string>
#include <vector>

#include "fuzz_target.hpp"
#include "jobcenter/errors.hpp"
#include "register/scoring/match_rules.hpp"
#include "script_check.hpp"

namespace {

// The register's entries, and pricing's coefficient as the pricing plugin declares it.
std::vector<jobcenter::ScriptEntry> plugin_entries() {
    std::vector<jobcenter::ScriptEntry> entries = jobcenter::register_plugin::register_script_entries();
    jobcenter::ScriptEntry coefficient;
    coefficient.module = "pricing";
    coefficient.name = "coefficient";
    coefficient.sample_args = {"commission", "2026-01-15"};
    coefficient.validate = [](const jobcenter::ScriptValue& v) {
        jobcenter::script_decimal(v, "coefficient", jobcenter::Decimal::from_integer(1),
                                  jobcenter::Decimal::from_integer(5));
    };
    entries.push_back(coefficient);
    return entries;
}

}  // namespace

JOBCENTER_FUZZ_TARGET(lua_script) {
    static const std::vector<jobcenter::ScriptEntry> entries = plugin_entries();
    const jobcenter::SandboxLimits limits{16u << 20, 2'000'000, std::chrono::milliseconds(500)};
    for (const char* module : {"register.lua", "pricing.lua"}) {
        auto file = jobcenter::fuzz::scratch_folder() / module;
        std::ofstream(file, std::ios::binary | std::ios::trunc) << input;
        try {
            jobcenter::check_script(file, "fuzz", JOBCENTER_SOURCE_DIR "/scripts", entries, limits);
        } catch (const jobcenter::InternalError& e) {
            jobcenter::fuzz::finding("lua_script", e.what());
        } catch (const jobcenter::Error&) {
        } catch (const std::exception& e) {
            jobcenter::fuzz::finding("lua_script", e.what());
        }
    }
}
