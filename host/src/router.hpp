// The command table and router: every plugin's commands and the host's built-in ones under one
// "<group>.<command>" name space, run each in one transaction with its Context. The command line
// (and later HTTP and the C API) are thin front ends over execute().
#pragma once

#include <boost/json.hpp>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "host_services.hpp"
#include "jobcenter/database.hpp"
#include "jobcenter/plugin.hpp"
#include "lua_sandbox.hpp"
#include "plugin_loader.hpp"
#include "writer_record.hpp"

namespace jobcenter {

// A named group of commands: a loaded plugin, or a built-in group of the host ("unit", "script", "db").
struct CommandGroup {
    std::string name;
    std::string version;
    std::string summary;
    const std::vector<Command>* commands = nullptr;
    const Plugin* plugin = nullptr;  // null for built-ins
};

class CommandRouter final : public Router {
public:
    // `database_options` open the database (its busy timeout is how long a writer waits for another).
    CommandRouter(HostPaths paths, PluginSet plugins, Clock& clock, Logger& log, SandboxLimits limits = {},
                  OpenOptions database_options = {});
    ~CommandRouter() override;
    // How every connection of this process opens the database (the busy timeout comes from --wait).
    const OpenOptions& database_options() const { return database_options_; }

    // Adds a built-in group of the host. Names must not clash with plugins (the loader refuses those).
    void add_builtin_group(std::string name, std::string summary, std::vector<Command> commands);

    const std::vector<CommandGroup>& groups() const { return groups_; }
    const CommandGroup* group(std::string_view name) const;
    const Command* find(std::string_view group, std::string_view command) const;
    const PluginSet& plugin_set() const { return plugins_; }
    const HostPaths& paths() const { return paths_; }
    // Every script entry point the loaded plugins declare.
    std::vector<ScriptEntry> script_entries() const;

    // Runs group.command as `caller` in a transaction of its own; commits on success, rolls back on any
    // error. Checks the caller's role and that the calling unit exists.
    // `before_commit`, when given, runs inside the command's transaction after it succeeded (the service writes
    // the request's audit row there, so the row and the change commit together).
    using BeforeCommit = std::function<void(Database&)>;
    boost::json::value execute(const Caller& caller, std::string_view group, std::string_view command,
                               const boost::json::object& args, Progress& progress, const BeforeCommit& before_commit = {});

    // A command calling another one: same transaction (a savepoint), same caller.
    boost::json::value call(Context& caller, std::string_view qualified_name, const boost::json::object& args) override;

    Scripts& scripts_of(const std::string& unit) override { return scripts_for(unit); }

    // The database, opened and migrated on first use.
    Database& database();
    // The unit's script sandbox ("" = defaults only), created on first use.
    LuaSandbox& scripts_for(const std::string& unit);

private:
    boost::json::value execute_unguarded(const Caller& caller, std::string_view group, std::string_view command,
                                         const boost::json::object& args, Progress& progress,
                                         const BeforeCommit& before_commit);
    // Who runs a command and with what, as the command's Context will carry it.
    struct CommandScope {
        const Caller& caller;
        Scripts& scripts;
        Progress& progress;
        ForeignKeyCheck inherited_check;  // a nested command's is its caller's at least
        std::string_view command_line_name;  // "register import": how the writer record names the command
        CommitHooks* commit_hooks;           // a nested command's: its outermost caller's
    };
    void run_commit_hooks(CommitHooks& hooks);
    WriterIdentity writer_identity(const CommandScope& scope) const;
    boost::json::value run_in_transaction(const Command& command, const CommandScope& scope,
                                          const boost::json::object& args, Database& db,
                                          const BeforeCommit& before_commit = {});
    void check_unit_exists(Database& db, const std::string& unit);
    void rebuild_groups();

    HostPaths paths_;
    PluginSet plugins_;
    Clock& clock_;
    Logger& log_;
    SandboxLimits limits_;
    OpenOptions database_options_;
    std::vector<std::pair<CommandGroup, std::unique_ptr<std::vector<Command>>>> builtins_;
    std::vector<CommandGroup> groups_;
    std::optional<Database> database_;
    std::map<std::string, std::unique_ptr<LuaSandbox>> sandboxes_;
};

}  // namespace jobcenter
