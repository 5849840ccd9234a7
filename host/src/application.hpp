// The `jobcenter` program as a function: parse the command line, load plugins, run one command,
// print its result, and return the exit code. main() only calls this.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace jobcenter {

// `args` is argv without the program name. Output goes to `out`, messages and progress to `err`.
int run_application(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace jobcenter
