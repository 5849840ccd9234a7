// The command router: finds a command by group and name, checks role and unit, opens the database and
// applies migrations on first use, and runs the handler inside one transaction (a savepoint when nested).
#include "router.hpp"

#include <unistd.h>

#include <optional>

#include "foreign_key_ledger.hpp"
#include "jobcenter/phase_timer.hpp"
#include "migrations.hpp"
#include "native_database.hpp"
#include "request_identity_codes.hpp"
#include "wal_checkpoint.hpp"
#include "writer_record.hpp"

namespace jobcenter {
namespace {

// A progress sink that ignores everything: used for nested calls' own sinks when none is given.
class SilentProgress final : public Progress {
public:
    void start(std::string_view, std::uint64_t) override {}
    void advance(std::uint64_t) override {}
    void finish() override {}
};

std::pair<std::string_view, std::string_view> split_qualified(std::string_view name) {
    auto dot = name.find('.');
    if (dot == std::string_view::npos || dot == 0 || dot + 1 == name.size())
        throw UsageError("'" + std::string(name) + "' is not a command name of the form <plugin>.<command>");
    return {name.substr(0, dot), name.substr(dot + 1)};
}

std::string role_refusal(std::string_view command, Role needed, Role held) {
    return std::string(command) + " needs the role " + std::string(role_name(needed)) + " or higher; you are " +
           std::string(role_name(held));
}

}  // namespace

void CommandRouter::run_commit_hooks(CommitHooks& hooks) {
    for (auto& hook : hooks) {
        try {
            hook();
        } catch (const std::exception& e) {
            log_.error(std::string("after a commit: ") + e.what());
        }
    }
}

CommandRouter::CommandRouter(HostPaths paths, PluginSet plugins, Clock& clock, Logger& log, SandboxLimits limits,
                             OpenOptions database_options)
    : paths_(std::move(paths)),
      plugins_(std::move(plugins)),
      clock_(clock),
      log_(log),
      limits_(limits),
      database_options_(database_options) {
    rebuild_groups();
}

CommandRouter::~CommandRouter() {
    // Sandboxes and the database go before the plugins whose code may own objects inside them.
    sandboxes_.clear();
    database_.reset();
}

void CommandRouter::add_builtin_group(std::string name, std::string summary, std::vector<Command> commands) {
    CommandGroup group;
    group.name = std::move(name);
    group.version = JOBCENTER_VERSION;
    group.summary = std::move(summary);
    auto storage = std::make_unique<std::vector<Command>>(std::move(commands));
    group.commands = storage.get();
    builtins_.emplace_back(std::move(group), std::move(storage));
    rebuild_groups();
}

void CommandRouter::rebuild_groups() {
    groups_.clear();
    for (const auto& [group, storage] : builtins_) groups_.push_back(group);
    for (const auto& loaded : plugins_.plugins) {
        CommandGroup group;
        group.name = loaded.plugin->name();
        group.version = loaded.plugin->version();
        group.summary = loaded.plugin->summary();
        group.commands = &loaded.commands;
        group.plugin = loaded.plugin.get();
        groups_.push_back(std::move(group));
    }
}

const CommandGroup* CommandRouter::group(std::string_view name) const {
    for (const auto& g : groups_)
        if (g.name == name) return &g;
    return nullptr;
}

const Command* CommandRouter::find(std::string_view group_name, std::string_view command) const {
    const CommandGroup* g = group(group_name);
    if (!g) return nullptr;
    for (const auto& c : *g->commands)
        if (c.name == command) return &c;
    return nullptr;
}

std::vector<ScriptEntry> CommandRouter::script_entries() const {
    std::vector<ScriptEntry> all;
    for (const auto& loaded : plugins_.plugins) {
        auto entries = loaded.plugin->script_entries();
        all.insert(all.end(), entries.begin(), entries.end());
    }
    return all;
}

Database& CommandRouter::database() {
    if (database_) return *database_;
    Database db = Database::open(paths_.database, database_options_);
    apply_migrations(db, paths_.schema / "host", "host");
    for (const auto& loaded : plugins_.plugins) {
        auto folder = loaded.plugin->schema_folder();
        if (folder.empty()) continue;
        auto path = paths_.schema / folder;
        std::error_code ec;
        if (!std::filesystem::is_directory(path, ec))
            throw InternalError("the schema folder of plugin '" + loaded.plugin->name() + "' is missing: " +
                                path.string() + " (is --schema right?)");
        apply_migrations(db, path, loaded.plugin->name());
    }
    database_.emplace(std::move(db));
    return *database_;
}

LuaSandbox& CommandRouter::scripts_for(const std::string& unit) {
    auto it = sandboxes_.find(unit);
    if (it == sandboxes_.end())
        it = sandboxes_.emplace(unit, std::make_unique<LuaSandbox>(unit, paths_.scripts, limits_)).first;
    return *it->second;
}

void CommandRouter::check_unit_exists(Database& db, const std::string& unit) {
    if (unit.empty()) return;
    auto& query = db.cached("SELECT 1 FROM unit WHERE name = ?");
    query.bind(1, unit);
    bool found = query.step();
    query.reset();
    if (!found)
        throw NotFoundError("unknown unit '" + unit + "': list them with `jobcenter unit list`, add one with "
                            "`jobcenter unit add NAME --title TITLE --organisation KUTY|VATTI|OTHER`", "--unit");
}

WriterIdentity CommandRouter::writer_identity(const CommandScope& scope) const {
    return WriterIdentity{static_cast<std::int64_t>(::getpid()), std::string(scope.command_line_name),
                          scope.caller.unit, std::string(role_name(scope.caller.role)), clock_.now_iso()};
}

boost::json::value CommandRouter::run_in_transaction(const Command& command, const CommandScope& scope,
                                                     const boost::json::object& args, Database& db,
                                                     const BeforeCommit& before_commit) {
    const bool outermost = !db.in_transaction();
    std::optional<ForeignKeyLedger> foreign_keys;
    ForeignKeyCheck check = scope.inherited_check;
    if (command.access == Access::bulk_write) {
        foreign_keys.emplace(db);
        if (foreign_keys->active()) check = ForeignKeyCheck::at_commit;
    } else if (!db.in_transaction()) {
        // Every other command has SQLite check each row, whatever a bulk command before it left behind.
        // Only switched when off: setting it makes SQLite prepare every cached statement again.
        auto& enforced = db.cached("PRAGMA foreign_keys");
        const bool on = enforced.step() && enforced.get_int(0) == 1;
        enforced.reset();
        if (!on) db.exec("PRAGMA foreign_keys = ON");
    }
    // Declared before the transaction, so the record outlives it: it names the holder until the lock is gone.
    std::optional<HeldWriterRecord> writer;
    Transaction transaction(db, command.access == Access::read ? TransactionMode::deferred : TransactionMode::immediate);
    if (outermost && command.access != Access::read) writer.emplace(database_file(db), writer_identity(scope));
    // The outermost command owns the hooks its nested calls add; they run only after its commit.
    CommitHooks own_hooks;
    CommitHooks* hooks = outermost ? &own_hooks : scope.commit_hooks;
    Context context(db, scope.caller, scope.scripts, clock_, log_, scope.progress, *this, check, hooks);
    const std::size_t hooks_before = hooks ? hooks->size() : 0;
    boost::json::value result;
    // The end of a bulk command, which its plugin's own phase timing cannot see (JOBCENTER_TIMING=1).
    std::optional<PhaseTimer> timing;
    try {
        result = command.run(context, args);
        timing.emplace("commit", outermost && command.access == Access::bulk_write);
        if (foreign_keys) foreign_keys->verify();
        timing->end("foreign keys");
        if (before_commit) before_commit(db);
        transaction.commit();
        timing->end("commit");
    } catch (...) {
        // A nested call rolled back to its savepoint: what it left for after the commit goes with it.
        if (hooks) hooks->resize(hooks_before);
        throw;
    }
    if (outermost && command.access == Access::bulk_write) {
        truncate_wal_without_waiting(db);
        timing->end("checkpoint");
    }
    if (outermost) run_commit_hooks(own_hooks);
    return result;
}

boost::json::value CommandRouter::execute(const Caller& caller, std::string_view group_name,
                                          std::string_view command_name, const boost::json::object& args,
                                          Progress& progress, const BeforeCommit& before_commit) {
    // An exception object thrown inside a plugin has its code in that plugin's library; it must not
    // outlive the library. Re-throw a copy the host made, so callers may hold it after plugins unload.
    try {
        return execute_unguarded(caller, group_name, command_name, args, progress, before_commit);
    } catch (const AccessDeniedError& e) {
        throw AccessDeniedError(e.what(), e.where());
    } catch (const DatabaseBusyError& e) {
        throw DatabaseBusyError(e.what(), e.where());
    } catch (const Error& e) {
        throw Error(e.code(), e.what(), e.where());
    } catch (const std::exception& e) {
        throw InternalError(std::string("internal fault: ") + e.what());
    }
}

boost::json::value CommandRouter::execute_unguarded(const Caller& caller, std::string_view group_name,
                                                    std::string_view command_name, const boost::json::object& args,
                                                    Progress& progress, const BeforeCommit& before_commit) {
    const Command* command = find(group_name, command_name);
    if (!command) {
        if (!group(group_name))
            throw UsageError("unknown command '" + std::string(group_name) + "': see `jobcenter --help`");
        throw UsageError("'" + std::string(group_name) + "' has no command '" + std::string(command_name) +
                         "': see `jobcenter " + std::string(group_name) + " --help`");
    }
    if (caller.role < command->min_role)
        throw AccessDeniedError(role_refusal(std::string(group_name) + " " + std::string(command_name), command->min_role,
                                             caller.role));
    refuse_identity_codes(*command, args);  // Jobcenter receives no personal identity code, in any field

    LuaSandbox& scripts = scripts_for(caller.unit);
    if (!command->uses_database) {
        // Commands that touch no data run on a private in-memory database, never on the user's file.
        Database scratch = Database::open(":memory:");
        Context context(scratch, caller, scripts, clock_, log_, progress, *this);
        return command->run(context, args);
    }
    Database& db = database();
    check_unit_exists(db, caller.unit);
    const std::string command_line_name = std::string(group_name) + " " + std::string(command_name);
    return run_in_transaction(
        *command, CommandScope{caller, scripts, progress, ForeignKeyCheck::per_row, command_line_name, nullptr}, args, db,
        before_commit);
}

boost::json::value CommandRouter::call(Context& caller, std::string_view qualified_name, const boost::json::object& args) {
    auto [group_name, command_name] = split_qualified(qualified_name);
    const Command* command = find(group_name, command_name);
    if (!command) throw InternalError("a command called '" + std::string(qualified_name) + "', which is not loaded");
    if (caller.role() < command->min_role)
        throw AccessDeniedError(role_refusal(qualified_name, command->min_role, caller.role()));
    SilentProgress quiet;
    return run_in_transaction(*command,
                              CommandScope{caller.caller(), caller.scripts(), quiet, caller.foreign_key_check(),
                                           qualified_name, caller.commit_hooks()},
                              args, caller.db());
}

}  // namespace jobcenter
