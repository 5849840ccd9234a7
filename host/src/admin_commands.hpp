// The administration commands of the command line: `backup FILE`, `restore FILE` and `doctor`, each a
// top-level word like `demo`, for the role admin.
#pragma once

#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "command_line.hpp"
#include "router.hpp"

namespace jobcenter {

// True for "backup", "restore" and "doctor".
bool is_admin_command(std::string_view word);

// Runs the administration command `words[0]` (with --help: prints its help) and returns the exit code.
// doctor returns 1, after printing its findings, when any finding is not ok.
int run_admin_command(CommandRouter& router, const GlobalOptions& globals, const std::vector<std::string>& words,
                      const Clock& clock, std::ostream& out);

}  // namespace jobcenter
