// Mapping request paths to the endpoints of `jobcenter serve` and to bounded metrics labels.
#include "http/api_routes.hpp"

#include <algorithm>

namespace jobcenter::http_api {
namespace {

// A plugin or command name as the command table allows it: lower-case letters, digits and '-'.
bool is_name(std::string_view word) {
    return !word.empty() && word.size() <= 64 && std::all_of(word.begin(), word.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    });
}

void add_commands(std::set<std::string>& out, std::string_view group, const boost::json::value& commands) {
    if (!commands.is_array()) return;
    for (const auto& command : commands.get_array()) {
        if (command.is_string()) out.insert(std::string(group) + "/" + std::string(command.get_string()));
        else if (command.is_object() && command.get_object().contains("name") &&
                 command.get_object().at("name").is_string())
            out.insert(std::string(group) + "/" + std::string(command.get_object().at("name").get_string()));
    }
}

}  // namespace

RouteTarget route_target(std::string_view target) {
    const std::string_view path = target.substr(0, target.find_first_of("?#"));
    if (path == "/healthz") return {Endpoint::health, {}, {}};
    if (path == "/metrics") return {Endpoint::metrics, {}, {}};
    if (path == "/api/plugins") return {Endpoint::plugins, {}, {}};
    if (path == "/api/whoami") return {Endpoint::whoami, {}, {}};
    constexpr std::string_view api = "/api/";
    if (path.substr(0, api.size()) == api || path == "/api") {
        const std::string_view rest = path.size() > api.size() ? path.substr(api.size()) : std::string_view{};
        const auto slash = rest.find('/');
        if (slash != std::string_view::npos) {
            const std::string_view group = rest.substr(0, slash), command = rest.substr(slash + 1);
            if (is_name(group) && is_name(command))
                return {Endpoint::command, std::string(group), std::string(command)};
        }
        return {Endpoint::api_unknown, {}, {}};
    }
    return {Endpoint::static_file, {}, {}};
}

boost::beast::http::verb method_of(Endpoint endpoint) {
    return endpoint == Endpoint::command ? boost::beast::http::verb::post : boost::beast::http::verb::get;
}

std::set<std::string> known_commands(const boost::json::object& described) {
    std::set<std::string> out;
    for (const char* list : {"plugins", "groups"}) {
        const auto* groups = described.if_contains(list);
        if (!groups || !groups->is_array()) continue;
        for (const auto& group : groups->get_array()) {
            if (!group.is_object()) continue;
            const auto* name = group.get_object().if_contains("name");
            const auto* commands = group.get_object().if_contains("commands");
            if (name && name->is_string() && commands) add_commands(out, name->get_string(), *commands);
        }
    }
    return out;
}

std::string route_label(const RouteTarget& target, const std::set<std::string>& commands) {
    switch (target.endpoint) {
        case Endpoint::health: return "/healthz";
        case Endpoint::metrics: return "/metrics";
        case Endpoint::plugins: return "/api/plugins";
        case Endpoint::whoami: return "/api/whoami";
        case Endpoint::static_file: return "static";
        case Endpoint::command:
            if (commands.count(target.group + "/" + target.command)) return "/api/" + target.group + "/" + target.command;
            return "other";
        case Endpoint::api_unknown: return "other";
    }
    return "other";
}

}  // namespace jobcenter::http_api
