// The replies `jobcenter serve` sends: a JSON body with its status, the error object every refusal carries
// ({"error": {"kind", "message", "where"}}), and the headers every reply has (security, caching, keep-alive).
#pragma once

#include <boost/beast/http.hpp>
#include <boost/json.hpp>
#include <string>
#include <string_view>

namespace jobcenter::http_api {

namespace http = boost::beast::http;
using Request = http::request<http::string_body>;
using Response = http::response<http::string_body>;

// A reply on its way to the client, with what the metrics and the access log say of it.
struct Reply {
    Response message;
    std::string route;       // the metrics label: "/api/register/check", "/healthz", "static", "other"
    std::string token_name;  // whose token answered, "" when none did
};

// What an HTTP-level refusal is (the "kind" of its JSON error), beside the kinds a command's error has.
enum class RefusalKind { usage, bad_input, unauthorized, forbidden, not_found, too_large, throttled, busy, internal };
std::string_view kind_name(RefusalKind kind);

// A JSON reply: Content-Type application/json, the security headers, Cache-Control no-store.
Response json_response(http::status status, const boost::json::value& body);

// {"error": {"kind", "message", "where"}} with `status`.
Response error_response(http::status status, RefusalKind kind, std::string_view message, std::string_view where);

// Content-Security-Policy, X-Content-Type-Options and Referrer-Policy: on every reply, files and JSON alike.
void add_security_headers(Response& response);

// A refusal found while reading or routing a request, answered with error_response() at one place.
struct HttpRefusal {
    http::status status;
    RefusalKind kind;
    std::string message;
    std::string where;
};
Response refusal_response(const HttpRefusal& refusal);

}  // namespace jobcenter::http_api
