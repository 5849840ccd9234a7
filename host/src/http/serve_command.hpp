// `jobcenter serve --config FILE [--listen ADDRESS:PORT]`: the HTTP API over Service, until SIGTERM or SIGINT.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "command_line.hpp"

namespace jobcenter {

// `args` is the whole command line (argv without the program name), `parsed` its global options and words
// (the first word "serve"). Prints "listening on ADDRESS:PORT" on `out` once it listens; returns 0 after a
// graceful stop.
int run_serve(const std::vector<std::string>& args, const ParsedCommandLine& parsed, std::ostream& out);

}  // namespace jobcenter
