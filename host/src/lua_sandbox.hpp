// The Lua sandbox: one restricted lua_State per unit with its limits spelled out (libraries, memory cap,
// instruction and time budget, read-only built-ins, text-only load), module lookup (unit override, then
// defaults), reload on file change, and calls whose arguments and results are JSON (lua_json.hpp).
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "jobcenter/scripts.hpp"

struct lua_State;

namespace jobcenter {

// Limits of one unit's Lua state. A script that passes one is stopped with a ScriptError saying which.
struct SandboxLimits {
    std::size_t memory_bytes = 64u << 20;               // everything the unit's state allocates
    std::uint64_t instructions_per_call = 100'000'000;  // VM instructions for one call or one file load
    std::chrono::milliseconds time_per_call{2000};      // wall time for one call or one file load
    std::chrono::milliseconds recheck_files{0};         // how long a module's files are trusted unchanged (0: every call)
};

// A unit's scripts: scripts/units/<unit>/<module>.lua, else scripts/defaults/<module>.lua.
// Not thread-safe: one thread at a time (the host keeps one per unit per worker).
class LuaSandbox final : public Scripts {
public:
    // `unit` may be empty: then only defaults are used. Throws UsageError for a unit name that is not
    // a safe folder name.
    LuaSandbox(std::string unit, std::filesystem::path scripts_root, SandboxLimits limits = {});
    ~LuaSandbox() override;
    LuaSandbox(const LuaSandbox&) = delete;
    LuaSandbox& operator=(const LuaSandbox&) = delete;

    bool has(std::string_view module, std::string_view entry) override;
    ScriptValue call(std::string_view module, std::string_view entry, const boost::json::array& args) override;
    ScriptValues call_each(std::string_view module, std::string_view entry, const std::vector<boost::json::array>& calls,
                           const boost::json::array& shared = {}) override;
    ScriptValue get(std::string_view module, std::string_view entry) override;
    std::string file_of(std::string_view module) override;

    // Loads `file` as `module` for this sandbox, instead of the unit/defaults lookup (script check).
    void load_file_as(std::string_view module, const std::filesystem::path& file);
    // Bytes the state holds now.
    std::size_t memory_in_use() const;
    // Where the last ScriptError this sandbox threw happened (file and line for `script check`).
    const ScriptSite& last_error_site() const;
    const std::string& unit() const { return unit_; }

private:
    struct State;
    std::string unit_;
    std::unique_ptr<State> state_;
};

// True when `unit` can name a folder under scripts/units: letters (any script), digits, '_', '-', '.',
// not starting with '.', at most 64 bytes.
bool is_safe_unit_name(std::string_view unit);

}  // namespace jobcenter
