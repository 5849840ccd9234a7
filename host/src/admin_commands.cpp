// Owns the command-line side of `backup`, `restore` and `doctor`: their help, their argument, the role
// they need, and printing their result in the chosen format.
#include "admin_commands.hpp"

#include <ostream>

#include "backup.hpp"
#include "doctor.hpp"
#include "restore.hpp"

namespace jobcenter {
namespace json = boost::json;
namespace {

enum class AdminCommand { backup, restore, doctor };

// doctor's exit code when any finding is not ok, its findings printed all the same (docs/admin.md).
constexpr int doctor_found_trouble = 1;

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
    {AdminCommand::doctor, "doctor", "doctor",
     "Checks the installation and its database and prints one finding per check, with what to do about it:\n"
     "integrity, foreign keys, migrations applied and unchanged (none pending), the plugins and their ABI,\n"
     "every unit's scripts (it reads every unit's scripts, hence the role admin), who may read or write the\n"
     "database's files, and the free disk space beside it. Changes nothing. Exit 0 when every finding is ok,\n"
     "1 otherwise, with the findings printed either way.\n"},
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

// The one argument of backup and restore, or none for doctor; anything else is a usage error. After "--",
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
    const std::size_t expected = c.command == AdminCommand::doctor ? 0 : 1;
    if (arguments.size() < expected) throw UsageError("missing FILE" + see);
    if (arguments.size() > expected) throw UsageError("unexpected argument '" + arguments[expected] + "'" + see);
    return expected == 1 ? arguments.front() : std::string();
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
            out << render(backup_database(router.paths(), router.database_options(), file), globals.format);
            return 0;
        case AdminCommand::restore:
            out << render(restore_database(router, file, clock), globals.format);
            return 0;
        case AdminCommand::doctor: {
            Findings findings = run_doctor(router);
            out << render(doctor_report(findings, router.paths().database), globals.format);
            return all_ok(findings) ? 0 : doctor_found_trouble;
        }
    }
    return static_cast<int>(ExitCode::internal);
}

}  // namespace jobcenter
