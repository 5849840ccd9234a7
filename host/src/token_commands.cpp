// Owns `jobcenter token add|list|revoke`: which token file (--tokens, the config's `tokens`, $JOBCENTER_TOKENS),
// the check that a token's unit exists, and printing the new secret once.
#include "token_commands.hpp"

#include <cstdlib>
#include <optional>
#include <ostream>

#include "output_format.hpp"
#include "service/service_config.hpp"
#include "service/token_store.hpp"

namespace jobcenter {
namespace json = boost::json;
namespace {

constexpr char token_help[] =
    "usage: jobcenter token add NAME --unit UNIT --role ROLE [--tokens FILE | --config FILE]\n"
    "       jobcenter token list [--tokens FILE | --config FILE]\n"
    "       jobcenter token revoke NAME [--tokens FILE | --config FILE]\n\n"
    "Bearer tokens for `jobcenter serve` and the C API. Each token is tied to one unit (--unit; required for\n"
    "viewer and staff, none for a coordinator or admin who works across units) and one role (--role viewer|staff|coordinator|admin): over\n"
    "HTTP and the C API the unit and role come only from the token. `add` prints the secret once; the file\n"
    "keeps only its SHA-256. `revoke` keeps the token listed with the time it stopped working; a name is never\n"
    "used twice. The token file is --tokens FILE, else the `tokens` key of --config FILE, else $JOBCENTER_TOKENS.\n"
    "The server reads the file again when it changes: no restart is needed.\n";

struct TokenArguments {
    std::string action;
    std::optional<std::string> name;
    std::optional<std::string> tokens_file;
    std::optional<std::string> config_file;
};

TokenArguments parse_arguments(const std::vector<std::string>& words) {
    const std::string see = "; see `jobcenter token --help`";
    TokenArguments parsed;
    std::vector<std::string> plain;
    for (std::size_t i = 1; i < words.size(); ++i) {
        const std::string& word = words[i];
        auto take_value = [&](std::optional<std::string>& into, const std::string& flag) {
            if (into) throw UsageError(flag + " is given twice" + see, flag);
            if (i + 1 >= words.size()) throw UsageError(flag + " needs a value" + see, flag);
            into = words[++i];
        };
        if (word == "--tokens") take_value(parsed.tokens_file, "--tokens");
        else if (word == "--config") take_value(parsed.config_file, "--config");
        else if (word.rfind("--tokens=", 0) == 0) parsed.tokens_file = word.substr(9);
        else if (word.rfind("--config=", 0) == 0) parsed.config_file = word.substr(9);
        else if (word.rfind("--", 0) == 0) throw UsageError("unknown flag " + word + see, word);
        else plain.push_back(word);
    }
    if (plain.empty()) throw UsageError("say add, list or revoke" + see);
    parsed.action = plain[0];
    const bool takes_name = parsed.action == "add" || parsed.action == "revoke";
    if (parsed.action != "list" && !takes_name) throw UsageError("unknown token action '" + parsed.action + "'" + see);
    if (takes_name && plain.size() < 2) throw UsageError("missing NAME" + see);
    if (plain.size() > (takes_name ? 2u : 1u)) throw UsageError("unexpected argument '" + plain.back() + "'" + see);
    if (takes_name) parsed.name = plain[1];
    return parsed;
}

std::filesystem::path token_file(const TokenArguments& arguments) {
    if (arguments.tokens_file) return *arguments.tokens_file;
    if (arguments.config_file) return read_service_config(*arguments.config_file).tokens;
    if (const char* env = std::getenv("JOBCENTER_TOKENS"); env && *env) return env;
    throw UsageError("which token file? give --tokens FILE or --config FILE (or set $JOBCENTER_TOKENS)");
}

// The unit must exist in the database the token will be used on: the config's, else --db's.
void check_unit(CommandRouter& router, const TokenArguments& arguments, const std::string& unit) {
    if (unit.empty()) return;
    std::optional<CommandRouter> config_router;
    CommandRouter* on = &router;
    if (arguments.config_file) {
        const ServiceConfig config = read_service_config(*arguments.config_file);
        if (config.paths.database != router.paths().database) {
            static SystemClock clock;
            static StderrLogger log(Logger::Level::warning);
            config_router.emplace(config.paths, load_plugins(config.paths.plugins), clock, log);
            on = &*config_router;
        }
    }
    auto& query = on->database().cached("SELECT 1 FROM unit WHERE name = ?");
    query.bind(1, unit);
    const bool found = query.step();
    query.reset();
    if (!found)
        throw NotFoundError("unknown unit '" + unit + "' in " + on->paths().database.string() +
                                ": list them with `jobcenter unit list`",
                            "--unit");
}

json::object record_json(const TokenRecord& r) {
    return json::object{{"name", r.name},
                        {"unit", r.unit},
                        {"role", role_name(r.role)},
                        {"created_at", r.created_at},
                        {"revoked_at", r.revoked_at.empty() ? json::value(nullptr) : json::value(r.revoked_at)}};
}

}  // namespace

bool is_token_command(std::string_view word) { return word == "token"; }

int run_token_command(CommandRouter& router, const GlobalOptions& globals, const std::vector<std::string>& words,
                      const Clock& clock, std::ostream& out) {
    if (globals.help) {
        out << token_help;
        return 0;
    }
    const TokenArguments arguments = parse_arguments(words);
    TokenStore store(token_file(arguments));
    if (arguments.action == "list") {
        json::array rows;
        for (const auto& record : store.list()) rows.push_back(record_json(record));
        out << render(json::object{{"file", store.file().string()}, {"count", rows.size()}, {"rows", std::move(rows)}},
                      globals.format);
        return 0;
    }
    if (arguments.action == "revoke") {
        json::object revoked = record_json(store.revoke(*arguments.name, clock.now_iso()));
        revoked["file"] = store.file().string();
        out << render(revoked, globals.format);
        return 0;
    }
    if (globals.unit.empty() && globals.role < Role::coordinator)
        throw UsageError("a " + std::string(role_name(globals.role)) +
                             " token acts for one unit: give --unit NAME (only coordinator and admin tokens may have none)",
                         "--unit");
    check_unit(router, arguments, globals.unit);
    IssuedToken issued = store.add(*arguments.name, globals.unit, globals.role, clock.now_iso());
    json::object added = record_json(issued.record);
    added["secret"] = issued.secret;
    added["file"] = store.file().string();
    added["note"] = "the secret is shown only now: give it to its user; the file keeps only its SHA-256";
    out << render(added, globals.format);
    return 0;
}

}  // namespace jobcenter
