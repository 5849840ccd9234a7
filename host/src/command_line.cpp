// Command-line parsing (global options, a command's flags and positionals) and help texts.
#include "command_line.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <map>
#include <sstream>

#include "jobcenter/money.hpp"
#include "jobcenter/params.hpp"

namespace jobcenter {
namespace json = boost::json;

std::string field_name(const std::string& flag_name) {
    std::string field = flag_name;
    std::replace(field.begin(), field.end(), '-', '_');
    return field;
}

namespace {

// Splits "--name=value" into name and value; "--name" gives no value.
std::pair<std::string, std::optional<std::string>> split_flag(const std::string& token) {
    auto eq = token.find('=');
    if (eq == std::string::npos) return {token.substr(2), std::nullopt};
    return {token.substr(2, eq - 2), token.substr(eq + 1)};
}

bool is_flag(const std::string& token) { return token.size() > 2 && token.rfind("--", 0) == 0; }

// How usage lines show a positional argument: "file" -> "FILE", "orderer-id" -> "ORDERER_ID".
std::string positional_label(const std::string& name) {
    std::string label = name;
    std::transform(label.begin(), label.end(), label.begin(),
                   [](unsigned char c) { return c == '-' ? '_' : static_cast<char>(std::toupper(c)); });
    return label;
}

constexpr int longest_wait_seconds = 24 * 60 * 60;

// --wait SECONDS: a whole number of seconds, 0 (do not wait) to a day.
int parse_wait_seconds(const std::string& text) {
    const bool digits = !text.empty() && text.size() <= 6 &&
                        std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); });
    const int seconds = digits ? std::stoi(text) : -1;
    if (seconds < 0 || seconds > longest_wait_seconds)
        throw UsageError("'" + text + "' is not a whole number of seconds from 0 to " +
                             std::to_string(longest_wait_seconds), "--wait");
    return seconds;
}

}  // namespace

ParsedCommandLine parse_global_options(const std::vector<std::string>& args) {
    ParsedCommandLine parsed;
    auto& g = parsed.globals;
    static const std::vector<std::string> with_value{"db",      "unit",   "role",  "format", "scripts",
                                                     "plugins", "schema", "input", "wait"};
    std::map<std::string, std::string> given;  // each global option with a value, and the value it was given
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& token = args[i];
        if (token == "--") {  // everything after is a word, even when it starts with "--"
            parsed.words.insert(parsed.words.end(), args.begin() + static_cast<long>(i), args.end());
            break;
        }
        if (token == "-h" || token == "--help") { g.help = true; continue; }
        if (token == "--version") { g.version = true; continue; }
        if (token == "--quiet") { g.quiet = true; continue; }
        if (token == "--verbose") { g.verbose = true; continue; }
        if (!is_flag(token)) { parsed.words.push_back(token); continue; }
        auto [name, value] = split_flag(token);
        if (std::find(with_value.begin(), with_value.end(), name) == with_value.end()) {
            parsed.words.push_back(token);
            continue;
        }
        if (!value) {
            if (i + 1 >= args.size()) throw UsageError("--" + name + " needs a value");
            value = args[++i];
        }
        if (auto [earlier, first] = given.emplace(name, *value); !first)
            throw UsageError("--" + name + " is given twice ('" + earlier->second + "', then '" + *value +
                                 "'): give it once", "--" + name);
        if (name == "db") g.paths.database = *value;
        else if (name == "plugins") g.paths.plugins = *value;
        else if (name == "schema") g.paths.schema = *value;
        else if (name == "scripts") g.paths.scripts = *value;
        else if (name == "unit") g.unit = *value;
        else if (name == "role") g.role = parse_role(*value);
        else if (name == "format") g.format = parse_output_format(*value);
        else if (name == "input") g.input = *value;
        else if (name == "wait") g.wait_seconds = parse_wait_seconds(*value);
    }
    return parsed;
}

namespace {

json::value typed_value(const Flag& flag, const std::string& text, const std::string& where) {
    switch (flag.type) {
        case FlagType::integer: {
            char* end = nullptr;
            errno = 0;
            long long v = std::strtoll(text.c_str(), &end, 10);
            if (text.empty() || *end || errno) throw UsageError("'" + text + "' is not a whole number", where);
            return v;
        }
        case FlagType::number: {
            char* end = nullptr;
            double v = std::strtod(text.c_str(), &end);
            if (text.empty() || *end) throw UsageError("'" + text + "' is not a number", where);
            return v;
        }
        case FlagType::money:
            return json::value(Money::parse(text).to_string());
        case FlagType::date:
            if (!params::is_iso_date(text)) throw UsageError("'" + text + "' is not a date such as 2026-01-31", where);
            return json::value(text);
        case FlagType::boolean:
            if (text == "true" || text == "yes" || text == "1") return true;
            if (text == "false" || text == "no" || text == "0") return false;
            throw UsageError("'" + text + "' is not true or false", where);
        case FlagType::string:
        case FlagType::list:
            return json::value(text);
    }
    return nullptr;
}

}  // namespace

json::object build_request(const Command& command, const std::string& qualified_name,
                           const std::vector<std::string>& words, json::object base) {
    json::object request = std::move(base);
    std::vector<const Flag*> positionals;
    for (const auto& flag : command.flags)
        if (flag.positional) positionals.push_back(&flag);
    std::size_t next_positional = 0;
    const std::string see = "; see `jobcenter " + qualified_name + " --help`";

    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::string& token = words[i];
        if (!is_flag(token)) {
            if (next_positional >= positionals.size())
                throw UsageError("unexpected argument '" + token + "'" + see);
            const Flag& flag = *positionals[next_positional++];
            request[field_name(flag.name)] = typed_value(flag, token, flag.name);
            continue;
        }
        auto [name, value] = split_flag(token);
        auto it = std::find_if(command.flags.begin(), command.flags.end(), [&](const Flag& f) { return f.name == name; });
        if (it == command.flags.end()) throw UsageError("unknown flag --" + name + see);
        const Flag& flag = *it;
        const std::string field = field_name(flag.name);
        if (flag.type == FlagType::boolean && !value) {
            request[field] = true;
            continue;
        }
        if (!value) {
            if (i + 1 >= words.size()) throw UsageError("--" + name + " needs a value" + see);
            value = words[++i];
        }
        json::value typed = typed_value(flag, *value, "--" + name);
        if (flag.type == FlagType::list) {
            auto& slot = request[field];
            if (!slot.is_array()) slot = json::array{};
            slot.get_array().push_back(std::move(typed));
        } else {
            request[field] = std::move(typed);
        }
    }
    std::vector<std::string> missing;
    for (const auto& flag : command.flags)
        if (flag.required && !request.contains(field_name(flag.name)))
            missing.push_back(flag.positional ? positional_label(flag.name) : "--" + flag.name);
    if (!missing.empty()) {
        std::string list;
        for (const auto& m : missing) list += (list.empty() ? "" : ", ") + m;
        throw UsageError("missing " + list + see);
    }
    return request;
}

namespace {

std::string flag_usage(const Flag& flag) {
    std::string upper = positional_label(flag.name);
    if (flag.positional) return upper;
    switch (flag.type) {
        case FlagType::boolean: return "--" + flag.name;
        case FlagType::integer: return "--" + flag.name + " N";
        case FlagType::number: return "--" + flag.name + " X";
        case FlagType::money: return "--" + flag.name + " EUR";
        case FlagType::date: return "--" + flag.name + " YYYY-MM-DD";
        case FlagType::list: return "--" + flag.name + " VALUE...";
        case FlagType::string: return "--" + flag.name + " " + upper;
    }
    return "--" + flag.name;
}

std::string global_options_help() {
    const std::string default_wait = std::to_string(OpenOptions{}.busy_timeout_ms / 1000);
    return "Global options (anywhere on the line, each once):\n"
           "  --db PATH            database file (default ./jobcenter.db, or $JOBCENTER_DB)\n"
           "  --unit NAME          the calling unit (scopes data and picks the unit's scripts)\n"
           "  --role ROLE          viewer, staff (default), coordinator or admin\n"
           "  --format FORMAT      text (default), json or csv\n"
           "  --input FILE|-       read the request as a JSON object (flags override its fields)\n"
           "  --wait SECONDS       how long a command that writes waits while another one writes, then exits 5\n"
           "                       (whole seconds, 0 = do not wait; default " + default_wait + ")\n"
           "  --scripts DIR        Lua scripts folder (default: beside the binary, or $JOBCENTER_SCRIPTS)\n"
           "  --plugins DIR        plugin folder (default: beside the binary, or $JOBCENTER_PLUGINS)\n"
           "  --schema DIR         migrations folder (default: beside the binary, or $JOBCENTER_SCHEMA)\n"
           "  --quiet, --verbose   less or more on stderr\n"
           "  --help, --version\n";
}

}  // namespace

std::string global_help(const std::vector<CommandGroup>& groups) {
    std::ostringstream out;
    out << "usage: jobcenter [global options] <group> <command> [arguments]\n"
           "       jobcenter plugins | demo | backup FILE | restore FILE | doctor | token add|list|revoke\n"
           "       jobcenter serve --config FILE [--listen ADDRESS:PORT]\n"
           "       jobcenter <group> --help | <group> <command> --help\n\n"
           "Jobcenter: the shared orderer register, work matching and pricing of the city's work-activity units.\n\n"
           "Command groups:\n";
    std::size_t width = 8;
    for (const auto& g : groups) width = std::max(width, g.name.size());
    out << "  " << "plugins" << std::string(width - 7 + 2, ' ') << "list the loaded plugins and their commands\n";
    out << "  " << "demo" << std::string(width - 4 + 2, ' ') << "run the main job on a demo database\n";
    out << "  " << "backup" << std::string(width - 6 + 2, ' ') << "copy the database into a new file while it is in use (admin)\n";
    out << "  " << "restore" << std::string(width - 7 + 2, ' ') << "replace the database's content by a checked backup's (admin)\n";
    out << "  " << "doctor" << std::string(width - 6 + 2, ' ') << "check the database, migrations, plugins, scripts and files (admin)\n";
    out << "  " << "token" << std::string(width - 5 + 2, ' ') << "add, list or revoke the bearer tokens of serve and the C API\n";
    out << "  " << "serve" << std::string(width - 5 + 2, ' ') << "serve the HTTP API and the review page (docs/http.md)\n";
    for (const auto& g : groups) out << "  " << g.name << std::string(width - g.name.size() + 2, ' ') << g.summary << '\n';
    out << '\n' << global_options_help()
        << "\nExit codes: 0 ok, 1 internal fault, 2 usage, 3 bad input, 4 not found, 5 refused, 6 script failed.\n";
    return out.str();
}

std::string group_help(const CommandGroup& group) {
    std::ostringstream out;
    out << "usage: jobcenter " << group.name << " <command> [arguments]\n\n" << group.summary << "\n\nCommands:\n";
    std::size_t width = 4;
    for (const auto& c : *group.commands) width = std::max(width, c.name.size());
    for (const auto& c : *group.commands)
        out << "  " << c.name << std::string(width - c.name.size() + 2, ' ') << c.summary << '\n';
    out << "\nSee `jobcenter " << group.name << " <command> --help` for a command's flags.\n";
    return out.str();
}

std::string command_help(const std::string& group, const Command& command) {
    std::ostringstream out;
    out << "usage: jobcenter " << group << ' ' << command.name;
    for (const auto& f : command.flags) out << ' ' << (f.required ? "" : "[") << flag_usage(f) << (f.required ? "" : "]");
    out << "\n\n" << command.summary << '\n';
    if (!command.help.empty()) out << '\n' << command.help << '\n';
    if (!command.flags.empty()) {
        out << "\nArguments:\n";
        std::size_t width = 0;
        for (const auto& f : command.flags) width = std::max(width, flag_usage(f).size());
        for (const auto& f : command.flags)
            out << "  " << flag_usage(f) << std::string(width - flag_usage(f).size() + 2, ' ') << f.help
                << (f.required ? " (required)" : "") << '\n';
    }
    out << "\nNeeds the role " << role_name(command.min_role) << " or higher"
        << (command.access != Access::read ? "; changes the database." : "; only reads.") << '\n';
    return out.str();
}

}  // namespace jobcenter
