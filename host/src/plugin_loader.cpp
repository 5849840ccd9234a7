// Plugin loading with Boost.DLL: open the library, check jobcenter_plugin_abi and the toolchain stamp,
// call the factory, check the plugin's name and command table, and keep the library alive as long as the
// plugin object.
#include "plugin_loader.hpp"

#include <algorithm>
#include <boost/dll/shared_library.hpp>
#include <map>
#include <set>

namespace jobcenter {
namespace {

namespace dll = boost::dll;
using Factory = std::shared_ptr<Plugin>();

const char* const abi_symbol = "jobcenter_plugin_abi";
const char* const toolchain_symbol = "jobcenter_plugin_toolchain";
const char* const host_toolchain = JOBCENTER_TOOLCHAIN;
const char* const factory_symbol = "jobcenter_create_plugin";

bool is_valid_name(std::string_view name) {
    if (name.empty() || name.size() > 32 || name.front() < 'a' || name.front() > 'z') return false;
    return std::all_of(name.begin(), name.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

std::string first_line(std::string text) {
    auto cut = text.find('\n');
    if (cut != std::string::npos) text.resize(cut);
    return text;
}

// Loads one file; returns the plugin or throws std::runtime_error with the one-line reason.
LoadedPlugin load_one(const std::filesystem::path& file) {
    std::error_code ec;
    auto library = std::make_shared<dll::shared_library>(file, ec, dll::load_mode::rtld_now | dll::load_mode::rtld_local);
    if (ec || !library->is_loaded())
        throw std::runtime_error("not a loadable shared library (" + first_line(ec.message()) + ")");
    if (!library->has(abi_symbol))
        throw std::runtime_error(std::string("exports no ") + abi_symbol + ": not a Jobcenter plugin");
    const int plugin_abi = library->get<const int>(abi_symbol);
    if (plugin_abi != abi_version)
        throw std::runtime_error("built for plugin ABI " + std::to_string(plugin_abi) + ", this host speaks ABI " +
                                 std::to_string(abi_version) + ": rebuild the plugin against this SDK");
    if (!library->has(toolchain_symbol))
        throw std::runtime_error(std::string("exports no ") + toolchain_symbol + " (use JOBCENTER_PLUGIN)");
    const std::string plugin_toolchain = &library->get<const char>(toolchain_symbol);
    if (plugin_toolchain != host_toolchain)
        throw std::runtime_error("built with " + plugin_toolchain + "; this host is built with " + host_toolchain +
                                 ": rebuild the plugin with the host's compiler and Boost");
    if (!library->has(factory_symbol))
        throw std::runtime_error(std::string("exports no factory ") + factory_symbol + " (use JOBCENTER_PLUGIN)");

    std::shared_ptr<Plugin> created;
    try {
        created = library->get_alias<Factory>(factory_symbol)();
    } catch (const std::exception& e) {
        throw std::runtime_error("its factory threw: " + first_line(e.what()));
    } catch (...) {
        throw std::runtime_error("its factory threw an unknown exception");
    }
    if (!created) throw std::runtime_error("its factory returned no plugin");

    LoadedPlugin loaded;
    Plugin* raw = created.get();
    loaded.plugin = std::shared_ptr<Plugin>(raw, [created, library](Plugin*) mutable {
        created.reset();  // the object first, while its code is still mapped
        library.reset();
    });
    loaded.file = file;

    std::string name;
    try {
        name = raw->name();
        loaded.commands = raw->commands();
    } catch (const std::exception& e) {
        throw std::runtime_error("threw while describing itself: " + first_line(e.what()));
    }
    if (!is_valid_name(name))
        throw std::runtime_error("has an invalid name '" + name + "' (lowercase letters, digits and '-', up to 32)");
    if (is_reserved_command_name(name))
        throw std::runtime_error("takes the name '" + name + "', which is a command of the host itself");
    std::set<std::string> seen;
    for (const auto& command : loaded.commands) {
        if (!is_valid_name(command.name))
            throw std::runtime_error("declares a command with an invalid name '" + command.name + "'");
        if (!seen.insert(command.name).second)
            throw std::runtime_error("declares the command '" + command.name + "' twice");
        if (!command.run) throw std::runtime_error("declares the command '" + command.name + "' without a handler");
    }
    return loaded;
}

}  // namespace

bool is_reserved_command_name(std::string_view name) {
    static const std::set<std::string_view> reserved{"plugins", "script", "unit", "db", "demo", "help", "version", "audit",
                                                   "backup", "restore", "doctor"};
    return reserved.count(name) > 0;
}

PluginSet load_plugins(const std::filesystem::path& folder) {
    PluginSet set;
    std::error_code ec;
    if (!std::filesystem::is_directory(folder, ec)) {
        set.refused.push_back({folder, "plugin folder does not exist"});
        return set;
    }
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(folder, ec))
        if (entry.is_regular_file() && entry.path().extension() == ".so") files.push_back(entry.path());
    std::sort(files.begin(), files.end());

    std::map<std::string, std::filesystem::path> taken;
    for (const auto& file : files) {
        try {
            LoadedPlugin loaded = load_one(file);
            auto name = loaded.plugin->name();
            auto [where, fresh] = taken.emplace(name, file);
            if (!fresh)
                throw std::runtime_error("its name '" + name + "' is already taken by " + where->second.filename().string());
            set.plugins.push_back(std::move(loaded));
        } catch (const std::exception& e) {
            set.refused.push_back({file, e.what()});
        }
    }
    std::sort(set.plugins.begin(), set.plugins.end(),
              [](const LoadedPlugin& a, const LoadedPlugin& b) { return a.plugin->name() < b.plugin->name(); });
    return set;
}

}  // namespace jobcenter
