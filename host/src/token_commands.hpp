// `jobcenter token add|list|revoke`: the command-line side of the token file, for the administrator on the
// server. Not a command of the router, so no token can mint or revoke tokens over HTTP or the C API.
#pragma once

#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "command_line.hpp"
#include "router.hpp"

namespace jobcenter {

bool is_token_command(std::string_view word);

int run_token_command(CommandRouter& router, const GlobalOptions& globals, const std::vector<std::string>& words,
                      const Clock& clock, std::ostream& out);

}  // namespace jobcenter
