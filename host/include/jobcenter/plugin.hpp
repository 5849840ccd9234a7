// The plugin contract: a Plugin object with a name, a version, a schema folder, a command table and the
// script entry points it expects; and JOBCENTER_PLUGIN(), which exports the ABI version, the toolchain
// stamp and the factory.
//
// Build a plugin with the host's compiler, C++ standard library and Boost: C++ objects cross the boundary
// (Boost.JSON values, std::function handlers, std::string, exceptions), so their layout must be the
// host's. The host checks the stamp JOBCENTER_PLUGIN exports and refuses a plugin built otherwise.
#pragma once

#include "jobcenter/export.hpp"

#include <boost/config.hpp>
#include <boost/dll/alias.hpp>
#include <boost/json.hpp>
#include <boost/version.hpp>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "jobcenter/context.hpp"
#include "jobcenter/scripts.hpp"

namespace jobcenter {

// Bumped whenever anything in host/include/jobcenter changes in a way that breaks a built plugin.
inline constexpr int abi_version = 5;

// The compiler, standard library and Boost a translation unit is built with, as one line; a plugin's must
// equal the host's.
#define JOBCENTER_STRINGIFY_VALUE(x) #x
#define JOBCENTER_STRINGIFY(x) JOBCENTER_STRINGIFY_VALUE(x)
#define JOBCENTER_TOOLCHAIN                                                     \
    "compiler " __VERSION__ "; libstdc++ " JOBCENTER_STRINGIFY(_GLIBCXX_RELEASE) \
    "; boost " BOOST_LIB_VERSION "; c++ " JOBCENTER_STRINGIFY(__cplusplus)

// How a command-line flag is read and turned into a JSON field of the request.
enum class FlagType {
    string,   // --name "Oy Esimerkki Ab"            -> "name": "Oy Esimerkki Ab"
    integer,  // --limit 20                          -> "limit": 20
    number,   // --threshold 0.8                     -> "threshold": 0.8
    boolean,  // --dry-run                           -> "dry_run": true
    money,    // --price 14.50                       -> "price": "14.50" (checked by Money::parse)
    date,     // --on 2026-01-31                     -> "on": "2026-01-31" (checked as an ISO date)
    list,     // --map name=Yritys --map phone=Puh   -> "map": ["name=Yritys", "phone=Puh"]
};

struct Flag {
    std::string name;  // as typed after "--"; the JSON field is the name with '-' turned into '_'
    FlagType type = FlagType::string;
    std::string help;
    bool required = false;
    bool positional = false;  // given without "--name": `register show 42`, `register import FILE`
};

// Whether a command changes the database; decides the transaction it runs in. bulk_write: it rewrites
// much of the file (an import of a whole register, a dedupe); when its connection is the database's only
// one it runs with a rollback journal, so each page is written once instead of to the WAL and then again
// at the checkpoint. Just as durable; the database is back in WAL mode after the command. Its foreign keys
// are checked once, before the commit, for every key its rows point to (one lookup per distinct key)
// instead of row by row; a broken one rolls the command back, as SQLite's own check would. While it runs,
// `PRAGMA foreign_keys` reads 0 and a row may name one the command writes later.
enum class Access { read, write, bulk_write };

using Handler = std::function<boost::json::value(Context&, const boost::json::object&)>;

struct Command {
    std::string name;     // "add", "import"; called as "<plugin>.<name>"
    std::string summary;  // one line for `jobcenter <plugin> --help`
    std::string help{};   // longer text for `jobcenter <plugin> <command> --help`
    std::vector<Flag> flags{};
    Access access = Access::read;
    Role min_role = Role::staff;
    bool long_running = false;  // draws progress
    bool uses_database = true;  // false: runs without opening the database (help, checks of files)
    Handler run{};
};

class JOBCENTER_API Plugin {
public:
    virtual ~Plugin() = default;
    virtual std::string name() const = 0;     // "register": the first word on the command line
    virtual std::string version() const = 0;  // "0.1.0"
    virtual std::string summary() const = 0;
    // Folder under the schema root holding this plugin's NNN_name.sql migrations.
    virtual std::string schema_folder() const { return name(); }
    virtual std::vector<Command> commands() const = 0;
    // Script entry points this plugin calls; checked by `jobcenter script check`.
    virtual std::vector<ScriptEntry> script_entries() const { return {}; }
    // Plugins whose commands this one calls (Context::call) and whose data its demo builds on: their
    // demos run first.
    virtual std::vector<std::string> depends_on() const { return {}; }
};

}  // namespace jobcenter

// Exports what the host looks up, in this order: the ABI version, the toolchain stamp, then the factory.
// Use once per plugin, at namespace scope:  JOBCENTER_PLUGIN(my_namespace::create_plugin)
// where create_plugin has the signature std::shared_ptr<jobcenter::Plugin>().
#define JOBCENTER_PLUGIN(factory)                                                                     \
    extern "C" BOOST_SYMBOL_EXPORT const int jobcenter_plugin_abi = ::jobcenter::abi_version;            \
    extern "C" BOOST_SYMBOL_EXPORT const char jobcenter_plugin_toolchain[] = JOBCENTER_TOOLCHAIN;     \
    BOOST_DLL_ALIAS(factory, jobcenter_create_plugin)
