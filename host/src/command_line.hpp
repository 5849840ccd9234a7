// Parsing the command line: global options anywhere in argv, then `<group> <command>` and the
// command's own flags and positional arguments, turned into the JSON request the command takes.
#pragma once

#include <boost/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "host_services.hpp"
#include "jobcenter/context.hpp"
#include "jobcenter/plugin.hpp"
#include "output_format.hpp"
#include "router.hpp"

namespace jobcenter {

struct GlobalOptions {
    PathOptions paths;
    std::string unit;
    Role role = Role::staff;
    OutputFormat format = OutputFormat::text;
    std::optional<std::string> input;  // --input FILE|-: a JSON object merged under the flags
    std::optional<int> wait_seconds;   // --wait: how long a writer waits for another; unset: OpenOptions' default
    bool help = false;
    bool version = false;
    bool quiet = false;
    bool verbose = false;
};

struct ParsedCommandLine {
    GlobalOptions globals;
    std::vector<std::string> words;  // everything that is not a global option, in order
};

// Takes the global options out of `args` (argv without the program name), wherever they stand:
// --db --unit --role --format --scripts --plugins --schema --input --wait (each "--x V" or "--x=V"),
// --help/-h, --version, --quiet, --verbose. Throws UsageError on a global option without its value, with a
// value it cannot take, or given twice.
ParsedCommandLine parse_global_options(const std::vector<std::string>& args);

// Turns the command's words (after "<group> <command>") into its JSON request, by its flag table.
// `base` holds fields read from --input; flags override them.
boost::json::object build_request(const Command& command, const std::string& qualified_name,
                                  const std::vector<std::string>& words, boost::json::object base = {});

// Help texts.
std::string global_help(const std::vector<CommandGroup>& groups);
std::string group_help(const CommandGroup& group);
std::string command_help(const std::string& group, const Command& command);

// "business-id" -> "business_id".
std::string field_name(const std::string& flag_name);

}  // namespace jobcenter
