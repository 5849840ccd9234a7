// Finds and loads plugins: every *.so in the plugin folder, ABI version checked before the factory,
// each refusal explained in one line while the others load.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "jobcenter/plugin.hpp"

namespace jobcenter {

struct LoadedPlugin {
    std::shared_ptr<Plugin> plugin;  // its deleter keeps the shared library loaded while it lives
    std::filesystem::path file;
    std::vector<Command> commands;   // declared after `plugin`: destroyed first, while the library is loaded
};

struct PluginRefusal {
    std::filesystem::path file;
    std::string reason;  // one line: why the host would not use it
};

struct PluginSet {
    std::vector<LoadedPlugin> plugins;  // sorted by name
    std::vector<PluginRefusal> refused; // in file order
};

// Names a plugin may not take, because the host's own commands use them.
bool is_reserved_command_name(std::string_view name);

// Loads every regular file ending in ".so" in `folder`, in file-name order. A missing folder loads nothing
// and is reported as one refusal.
PluginSet load_plugins(const std::filesystem::path& folder);

}  // namespace jobcenter
