// Owns the command-line side of `backup`, `restore` and `doctor`: their help, their argument, the role
// they need, and printing their result in the chosen format.
#include "admin_commands.hpp"

#include <ostream>

#include "backup.hpp"
#include "restore.hpp"

namespace jobcenter {
namespace json = boost::json;
namespace {

enum class AdminCommand { backup, restore };

struct AdminCommandText {
    AdminCommand command;
    const char* name;
    const char* usage;
    const char* help;
};

const AdminCommandText admin_commands[] = {
    {AdminCommand::backup, "backup", "backup FILE",
     "Copies the database into FILE, a new file, with SQLite's online backup API: one consistent snapshot,\n"
     "taken while other commands go on reading and writing. The copy is written beside FILE first, with mode\n"
     "0600, checked with PRAGMA integrity_check, and only then given its name. An existing FILE is never\n"
     "replaced (exit 5); a missing folder is exit 4. Prints the file, its size and the migrations it carries.\n"},
    {AdminCommand::restore, "restore", "restore FILE",
     "Replaces the database's content with FILE's. FILE is refused (exit 3, naming the check) unless it is a\n"
     "SQLite database that passes PRAGMA integrity_check and foreign_key_check and records the host's\n"
     "migrations, each known to this version and unchanged. Before replacing, the database is copied to\n"
     "<db>.before-restore-<UTC time> (mode 0600); the copy and the replacement happen under the database's\n"
     "write lock, so other commands see the old content or the new. When any check fails nothing changes.\n"},
};

const AdminCommandText* find_admin_command(std::string_view word) {
    for (const auto& c : admin_commands)
        if (word == c.name) return &c;
    return nullptr;
}

std::string help_text(const AdminCommandText& c) {
    return std::string("usage: jobcenter --role admin [--db PATH] ") + c.usage + "\n\n" + c.help +
           "\nNeeds the role admin.\n";
}

// The one argument of backup and restore; anything else is a usage error. After "--",
// a word starting with "--" is an argument too.
std::string argument_of(const AdminCommandText& c, const std::vector<std::string>& words) {
    const std::string see = "; see `jobcenter " + std::string(c.name) + " --help`";
    std::vector<std::string> arguments;
    bool literal = false;
    for (std::size_t i = 1; i < words.size(); ++i) {
        if (!literal && words[i] == "--") {
            literal = true;
        } else if (!literal && words[i].size() > 2 && words[i].rfind("--", 0) == 0) {
            throw UsageError("unknown flag " + words[i] + see);
        } else {
            arguments.push_back(words[i]);
        }
    }
    if (arguments.empty()) throw UsageError("missing FILE" + see);
    if (arguments.size() > 1) throw UsageError("unexpected argument '" + arguments[1] + "'" + see);
    return arguments.front();
}

}  // namespace

bool is_admin_command(std::string_view word) { return find_admin_command(word) != nullptr; }

int run_admin_command(CommandRouter& router, const GlobalOptions& globals, const std::vector<std::string>& words,
                      const Clock& clock, std::ostream& out) {
    const AdminCommandText* c = find_admin_command(words.at(0));
    if (!c) throw UsageError("unknown command '" + words.at(0) + "': see `jobcenter --help`");
    if (globals.help) {
        out << help_text(*c);
        return 0;
    }
    const std::string file = argument_of(*c, words);
    if (globals.role < Role::admin)
        throw RefusedError(std::string(c->name) + " needs the role admin; you are " +
                           std::string(role_name(globals.role)) + " (give --role admin)");
    switch (c->command) {
        case AdminCommand::backup:
            out << render(backup_database(router.paths(), file), globals.format);
            return 0;
        case AdminCommand::restore:
            out << render(restore_database(router, file, clock), globals.format);
            return 0;
    }
    return static_cast<int>(ExitCode::internal);
}

}  // namespace jobcenter
