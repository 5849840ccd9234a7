// The `serve` word: its options and help, the config read, the Service and the HTTP server started, the
// bound address announced, and the exit after a graceful stop.
#include "http/serve_command.hpp"

#include <malloc.h>

#include <optional>
#include <ostream>

#include "host_services.hpp"
#include "http/http_server.hpp"
#include "http/listen_address.hpp"
#include "service/service.hpp"
#include "service/service_config.hpp"

namespace jobcenter {
namespace {

constexpr const char* serve_help =
    "usage: jobcenter [--verbose] serve --config FILE [--listen ADDRESS:PORT]\n\n"
    "Serves the HTTP API (POST /api/<plugin>/<command>, GET /api/plugins, /api/whoami, /healthz, /metrics)\n"
    "and the review page, with the database, plugins, scripts, tokens and limits the config file names.\n"
    "Prints \"listening on ADDRESS:PORT\" once it listens; stops on SIGTERM or SIGINT after the requests in\n"
    "flight. --listen overrides the config's `listen` (port 0: any free port). --verbose logs a line per\n"
    "request on stderr. See docs/http.md.\n";

struct ServeOptions {
    std::optional<std::string> config;
    std::optional<std::string> listen;
};

// The value of "--name VALUE" or "--name=VALUE" at words[i]; advances i past it.
std::string option_value(const std::vector<std::string>& words, std::size_t& i, const std::string& name) {
    const std::string& word = words[i];
    if (word.size() > name.size() && word[name.size()] == '=') return word.substr(name.size() + 1);
    if (i + 1 >= words.size()) throw UsageError(name + " needs a value", "serve");
    return words[++i];
}

ServeOptions parse_serve_options(const std::vector<std::string>& words) {
    ServeOptions options;
    for (std::size_t i = 1; i < words.size(); ++i) {
        const std::string& word = words[i];
        auto is = [&](const std::string& name) { return word == name || word.rfind(name + "=", 0) == 0; };
        std::optional<std::string>* target = is("--config") ? &options.config : is("--listen") ? &options.listen : nullptr;
        if (!target)
            throw UsageError("unexpected argument '" + word + "': serve takes --config FILE and --listen ADDRESS:PORT",
                             "serve");
        const std::string name = word.substr(0, word.find('='));
        if (*target) throw UsageError(name + " is given twice: give it once", "serve");
        *target = option_value(words, i, name);
    }
    return options;
}

// Over HTTP the unit and role come from each request's token, and the files from the config: the global
// options that would say otherwise are refused.
void refuse_global_options(const std::vector<std::string>& args, const GlobalOptions& g) {
    std::string given;
    if (g.paths.database) given = "--db";
    else if (g.paths.plugins) given = "--plugins";
    else if (g.paths.schema) given = "--schema";
    else if (g.paths.scripts) given = "--scripts";
    else if (!g.unit.empty()) given = "--unit";
    else if (g.input) given = "--input";
    else if (g.wait_seconds) given = "--wait";
    for (const auto& arg : args)
        if (given.empty() && (arg == "--role" || arg.rfind("--role=", 0) == 0)) given = "--role";
    if (!given.empty())
        throw UsageError(given + " does not go with serve: the config file names the database, plugins, schema, "
                                 "scripts and limits, and each request's token its unit and role",
                         given);
}

// glibc hands memory freed at the top of a worker thread's heap back to the kernel once more than a small,
// moving threshold is free; a server whose every request allocates and frees a few megabytes then pays a
// madvise, a TLB flush on every core and the page faults of the next request, again and again. A fixed
// threshold of 256 MiB keeps the memory for the next request.
void keep_freed_memory_for_the_next_request() {
    constexpr int trim_threshold_bytes = 256 << 20;
    mallopt(M_TRIM_THRESHOLD, trim_threshold_bytes);
}

}  // namespace

int run_serve(const std::vector<std::string>& args, const ParsedCommandLine& parsed, std::ostream& out) {
    const GlobalOptions& g = parsed.globals;
    if (g.help) {
        out << serve_help;
        return 0;
    }
    const ServeOptions options = parse_serve_options(parsed.words);
    refuse_global_options(args, g);
    if (!options.config) throw UsageError("serve needs --config FILE (docs/http.md lists its keys)", "serve");

    const ServiceConfig config = read_service_config(*options.config);
    const auto listen = options.listen ? http_api::parse_listen(*options.listen, "--listen")
                                       : http_api::listen_endpoint(config.listen_address, config.listen_port,
                                                                   config.source.string() + ": listen");
    keep_freed_memory_for_the_next_request();
    StderrLogger log(g.verbose ? Logger::Level::debug : (g.quiet ? Logger::Level::error : Logger::Level::warning));
    Service service(config);
    http_api::HttpServer server(service, {listen, g.verbose}, log);
    const std::string bound = http_api::endpoint_text(server.local_endpoint());
    if (!listen.address().is_loopback())
        log.warn("listening on " + bound + ", which is not a loopback address: every machine that reaches it can "
                 "try tokens, and the traffic is not encrypted (put a TLS proxy in front)");
    out << "listening on " << bound << std::endl;
    server.run();
    log.info("stopped");
    return 0;
}

}  // namespace jobcenter
