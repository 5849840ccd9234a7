// The jobcenter program: global options, plugin loading, help, `plugins`, `demo`, `serve`, and one command run
// through the router, with errors turned into one-line messages and exit codes.
#include "application.hpp"

#include <algorithm>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

#include "admin_commands.hpp"
#include "command_line.hpp"
#include "error_reply.hpp"
#include "host_commands.hpp"
#include "http/serve_command.hpp"
#include "jobcenter/identity_code.hpp"
#include "terminal_progress.hpp"
#include "token_commands.hpp"

namespace jobcenter {
namespace json = boost::json;
namespace {

json::object read_input(const std::string& source) {
    std::string text;
    if (source == "-") {
        std::ostringstream s;
        s << std::cin.rdbuf();
        text = s.str();
    } else {
        std::ifstream in(source, std::ios::binary);
        if (!in) throw NotFoundError("cannot read the request file", source);
        std::ostringstream s;
        s << in.rdbuf();
        text = s.str();
    }
    boost::system::error_code ec;
    json::value v = json::parse(text, ec);
    if (ec) throw InputError("the request is not valid JSON (" + ec.message() + ")", source == "-" ? "stdin" : source);
    if (!v.is_object()) throw InputError("the request must be a JSON object", source == "-" ? "stdin" : source);
    return std::move(v.get_object());
}

// Demo units: the Kuty and VATTI sites named in the source documents (docs/domain.md §3).
const struct { const char* name; const char* title; const char* organisation; } demo_units[] = {
    {"uusix", "Uusix-verstaat", "KUTY"},          {"avotyo", "Avotyötoiminta", "KUTY"},
    {"pakila", "Pakilan työkeskus", "KUTY"},      {"vallila", "Vallilan toimipiste", "VATTI"},
    {"capsa", "Cäpsän toimipiste", "VATTI"},      {"toolo", "Töölön toimipiste", "VATTI"},
};

// The plugins that have a demo, each after the plugins it depends on (Plugin::depends_on), ties by name:
// a demo may build on the data of the demos before it.
std::vector<std::string> demo_order(const CommandRouter& router) {
    std::map<std::string, std::vector<std::string>> waits_for;
    for (const auto& g : router.groups())
        if (g.plugin && router.find(g.name, "demo")) waits_for[g.name] = g.plugin->depends_on();
    std::vector<std::string> order;
    std::set<std::string> done;
    while (order.size() < waits_for.size()) {
        const std::size_t before = order.size();
        for (const auto& [name, needs] : waits_for) {
            if (done.count(name)) continue;
            const bool ready = std::all_of(needs.begin(), needs.end(),
                                           [&](const std::string& n) { return done.count(n) || !waits_for.count(n); });
            if (!ready) continue;
            order.push_back(name);
            done.insert(name);
            break;  // the first ready name each round: ties go by name
        }
        if (order.size() == before) throw InternalError("the plugins' dependencies form a cycle; their demos cannot be ordered");
    }
    return order;
}

int run_demo(CommandRouter& router, const GlobalOptions& globals, std::ostream& out, Progress& progress) {
    Caller admin{"", Role::admin, command_line_actor()};
    out << "Jobcenter demo on " << router.paths().database.string() << "\n\n== units ==\n";
    std::set<std::string> existing;
    const json::value listed = router.execute(admin, "unit", "list", {}, progress);
    for (const auto& row : listed.at("rows").get_array())
        existing.insert(std::string(row.at("name").get_string()));
    for (const auto& u : demo_units)
        if (!existing.count(u.name))
            router.execute(admin, "unit", "add", {{"name", u.name}, {"title", u.title}, {"organisation", u.organisation}},
                           progress);
    out << render(router.execute(admin, "unit", "list", {}, progress), globals.format);
    for (const auto& name : demo_order(router)) {
        out << "\n== " << name << " ==\n";
        out << render(router.execute(admin, name, "demo", {}, progress), globals.format);
    }
    return 0;
}

// An error message may echo what the caller typed; a personal identity code in it is masked, so that no
// log that keeps stderr or the JSON error holds one.
int report_error(const Error& e, OutputFormat format, std::ostream& out, std::ostream& err) {
    err << "jobcenter: error: " << mask_identity_codes(e.describe()) << '\n';
    if (format == OutputFormat::json) out << pretty_json(error_reply(e));
    return static_cast<int>(e.code());
}

int run(const std::vector<std::string>& args, std::ostream& out, OutputFormat& format) {
    ParsedCommandLine parsed = parse_global_options(args);
    const GlobalOptions& g = parsed.globals;
    format = g.format;
    if (g.version) {
        out << "jobcenter " << JOBCENTER_VERSION << " (plugin ABI " << abi_version << ")\n";
        return 0;
    }
    // `serve` loads its plugins and opens its database through Service, as its config file says.
    if (!parsed.words.empty() && parsed.words[0] == "serve") return run_serve(args, parsed, out);

    SystemClock clock;
    StderrLogger log(g.verbose ? Logger::Level::debug : (g.quiet ? Logger::Level::error : Logger::Level::warning));
    HostPaths paths = resolve_paths(g.paths);
    OpenOptions database_options;
    if (g.wait_seconds) database_options.busy_timeout_ms = *g.wait_seconds * 1000;
    CommandRouter router(paths, load_plugins(paths.plugins), clock, log, SandboxLimits{}, database_options);
    add_host_commands(router);
    for (const auto& refused : router.plugin_set().refused)
        log.warn("plugin " + refused.file.filename().string() + " refused: " + refused.reason);
    TerminalProgress progress(stderr_is_terminal() && !g.quiet);

    const auto& words = parsed.words;
    if (words.empty() || words[0] == "help") {
        out << global_help(router.groups());
        return words.empty() && !g.help ? static_cast<int>(ExitCode::usage) : 0;
    }
    if (words[0] == "plugins") {
        out << render(describe_plugins(router), g.format);
        return 0;
    }
    if (words[0] == "demo") {
        if (g.help) {
            out << "usage: jobcenter [--db PATH] demo\n\nCreates the demo units and runs each plugin's demo on the database.\n";
            return 0;
        }
        return run_demo(router, g, out, progress);
    }
    if (is_admin_command(words[0])) return run_admin_command(router, g, words, clock, out);
    if (is_token_command(words[0])) return run_token_command(router, g, words, clock, out);
    const CommandGroup* group = router.group(words[0]);
    if (!group) throw UsageError("unknown command '" + words[0] + "': see `jobcenter --help`");
    if (words.size() < 2 || words[1].rfind("--", 0) == 0) {
        out << group_help(*group);
        return g.help ? 0 : static_cast<int>(ExitCode::usage);
    }
    // Two-word commands: `register contact add` runs the command "contact-add". The two-word command wins over a
    // one-word command with an argument: `matching earnings record` is "earnings-record", not `earnings` of "record".
    std::vector<std::string> command_words = words;
    if (words.size() > 2 && router.find(words[0], words[1] + "-" + words[2])) {
        command_words[1] += "-" + words[2];
        command_words.erase(command_words.begin() + 2);
    }
    const std::vector<std::string>& w = command_words;
    const Command* command = router.find(w[0], w[1]);
    if (!command)
        throw UsageError("'" + w[0] + "' has no command '" + w[1] + "': see `jobcenter " + w[0] + " --help`");
    if (g.help) {
        out << command_help(w[0], *command);
        return 0;
    }
    json::object base = g.input ? read_input(*g.input) : json::object{};
    std::vector<std::string> rest(w.begin() + 2, w.end());
    json::object request = build_request(*command, w[0] + " " + w[1], rest, std::move(base));
    Caller caller{g.unit, g.role, command_line_actor()};
    json::value result = router.execute(caller, w[0], w[1], request, progress);
    progress.finish();
    out << render(result, g.format);
    return 0;
}

}  // namespace

int run_application(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    OutputFormat format = OutputFormat::text;
    try {
        return run(args, out, format);
    } catch (const Error& e) {
        return report_error(e, format, out, err);
    } catch (const std::exception& e) {
        return report_error(InternalError(std::string("internal fault: ") + e.what()), format, out, err);
    }
}

}  // namespace jobcenter
