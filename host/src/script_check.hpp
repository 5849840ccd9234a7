// `jobcenter script check FILE`: loads a script in the sandbox and checks the entry points the
// plugins declare, reporting every problem with the file and line.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "jobcenter/scripts.hpp"
#include "lua_sandbox.hpp"

namespace jobcenter {

struct ScriptProblem {
    std::string where;    // "scripts/units/pakila/pricing.lua:12" or the file alone
    std::string entry;    // the entry point concerned, empty for load errors
    std::string message;
};

struct ScriptCheckReport {
    std::string file;
    std::string module;               // file stem: pricing.lua -> "pricing"
    std::vector<std::string> checked; // entries found and valid
    std::vector<ScriptProblem> problems;
    bool ok() const { return problems.empty(); }
};

// Loads `file` as the module named by its stem, for `unit` (empty: defaults), and checks each entry of
// `entries` whose module matches: present when required, of the declared kind, and for functions,
// callable with the sample arguments and accepted by the entry's validator.
ScriptCheckReport check_script(const std::filesystem::path& file, const std::string& unit,
                               const std::filesystem::path& scripts_root, const std::vector<ScriptEntry>& entries,
                               SandboxLimits limits = {});

}  // namespace jobcenter
