// Which endpoint a request target names (the HTTP contract of docs/http.md), the method it takes, and the
// bounded route label the metrics count it under.
#pragma once

#include <boost/beast/http/verb.hpp>
#include <boost/json.hpp>
#include <set>
#include <string>
#include <string_view>

namespace jobcenter::http_api {

enum class Endpoint {
    health,       // GET /healthz
    metrics,      // GET /metrics
    plugins,      // GET /api/plugins
    whoami,       // GET /api/whoami
    command,      // POST /api/<plugin>/<command>
    api_unknown,  // any other path under /api/
    static_file,  // GET /, GET /<file>
};

struct RouteTarget {
    Endpoint endpoint = Endpoint::static_file;
    std::string group;    // for `command`: the plugin (or built-in group)
    std::string command;  // for `command`: "check", "review-list"
};

// The endpoint of a request target (its path; a query string is ignored).
RouteTarget route_target(std::string_view target);

// The one method an endpoint answers.
boost::beast::http::verb method_of(Endpoint endpoint);

// Every "<group>/<command>" that Service::describe() lists.
std::set<std::string> known_commands(const boost::json::object& described);

// The metrics label: "/api/<plugin>/<command>" for a known command, the fixed endpoints by their path,
// "static" for the web folder's files, "other" for everything else, so that the label set stays bounded.
std::string route_label(const RouteTarget& target, const std::set<std::string>& commands);

}  // namespace jobcenter::http_api
