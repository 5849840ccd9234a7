// Answering one request: method check, endpoint, token, and the command's reply through Service.
#include "http/request_handler.hpp"

#include <boost/asio/post.hpp>

#include "http/bearer_auth.hpp"
#include "http/request_body.hpp"
#include "jobcenter/identity_code.hpp"

namespace jobcenter::http_api {
namespace json = boost::json;

namespace {

Response method_not_allowed(http::verb allowed, std::string_view target) {
    Response response = error_response(http::status::method_not_allowed, RefusalKind::usage,
                                       "this path takes only " + std::string(http::to_string(allowed)),
                                       target.substr(0, target.find('?')));
    response.set(http::field::allow, http::to_string(allowed));
    return response;
}

// A fault inside the server while answering: 500, its message masked like the command line's.
Response internal_fault(std::string_view what) {
    return error_response(http::status::internal_server_error, RefusalKind::internal,
                          mask_identity_codes("internal fault: " + std::string(what)), "");
}

}  // namespace

RequestHandler::RequestHandler(Service& service, const HttpMetrics& metrics, boost::asio::thread_pool& workers)
    : service_(service),
      metrics_(metrics),
      workers_(workers),
      files_(service.config().web),
      commands_(known_commands(service.describe())) {}

std::string RequestHandler::route_of(std::string_view target) const {
    return route_label(route_target(target), commands_);
}

void RequestHandler::handle(Request request, Peer peer, std::function<void(Reply)> done) {
    const RouteTarget target = route_target(request.target());
    std::string route = route_label(target, commands_);
    if (request.method() != method_of(target.endpoint)) {
        done({method_not_allowed(method_of(target.endpoint), request.target()), std::move(route), ""});
        return;
    }
    switch (target.endpoint) {
        case Endpoint::metrics: done(answer_metrics(peer)); return;
        case Endpoint::static_file: done(answer_static(request)); return;
        case Endpoint::api_unknown:
            done({error_response(http::status::not_found, RefusalKind::not_found,
                                 "no such endpoint: see GET /api/plugins for the commands",
                                 request.target().substr(0, request.target().find('?'))),
                  std::move(route), ""});
            return;
        case Endpoint::health:
        case Endpoint::plugins:
        case Endpoint::whoami:
        case Endpoint::command:
            break;
    }
    boost::asio::post(workers_, [this, request = std::move(request), peer = std::move(peer), target,
                                 route = std::move(route), done = std::move(done)]() mutable {
        Reply reply;
        try {
            reply = answer_on_worker(request, peer, target, route);
        } catch (const HttpRefusal& refusal) {
            reply = {refusal_response(refusal), route, ""};
        } catch (const std::exception& e) {
            reply = {internal_fault(e.what()), route, ""};
        }
        done(std::move(reply));
    });
}

Reply RequestHandler::answer_on_worker(const Request& request, const Peer& peer, const RouteTarget& target,
                                       std::string route) {
    if (target.endpoint == Endpoint::health) {
        const bool healthy = service_.healthy();
        return {json_response(healthy ? http::status::ok : http::status::service_unavailable,
                              json::object{{"status", healthy ? "ok" : "unavailable"}}),
                std::move(route), ""};
    }
    const AuthResult auth = service_.authenticate(bearer_secret(request[http::field::authorization]), peer.address);
    if (auth.outcome != AuthOutcome::accepted || !auth.identity)
        return {authentication_refusal(auth), std::move(route), ""};
    const Identity& identity = *auth.identity;
    if (target.endpoint == Endpoint::plugins)
        return {json_response(http::status::ok, service_.describe()), std::move(route), identity.token_name};
    if (target.endpoint == Endpoint::whoami)
        return {json_response(http::status::ok, json::object{{"token", identity.token_name},
                                                             {"unit", identity.unit},
                                                             {"role", role_name(identity.role)}}),
                std::move(route), identity.token_name};
    return answer_command(request, identity, target, std::move(route));
}

Reply RequestHandler::answer_command(const Request& request, const Identity& identity, const RouteTarget& target,
                                     std::string route) {
    Reply reply{{}, std::move(route), identity.token_name};
    try {
        const json::object body = command_request(request.body(), service_.config().max_json_depth);
        const CallResult result = service_.call(identity, Channel::http, target.group, target.command, body);
        reply.message = json_response(static_cast<http::status>(http_status(result.outcome)), result.body);
        if (result.outcome == CallOutcome::busy) reply.message.set(http::field::retry_after, "1");
    } catch (const HttpRefusal& refusal) {
        reply.message = refusal_response(refusal);
    }
    return reply;
}

Reply RequestHandler::answer_metrics(const Peer& peer) const {
    if (!peer.loopback)
        return {error_response(http::status::forbidden, RefusalKind::forbidden,
                               "the metrics are served only to this machine (a loopback address)", "/metrics"),
                "/metrics", ""};
    Response response{http::status::ok, 11};
    response.set(http::field::content_type, "text/plain; version=0.0.4; charset=utf-8");
    response.set(http::field::cache_control, "no-store");
    add_security_headers(response);
    response.body() = metrics_.render();
    response.prepare_payload();
    return {std::move(response), "/metrics", ""};
}

Reply RequestHandler::answer_static(const Request& request) const {
    const std::string_view target = request.target();
    StaticFile file = files_.find(target);
    if (file.lookup == StaticLookup::bad_path)
        return {error_response(http::status::bad_request, RefusalKind::bad_input,
                               "the path may not hold '..', a NUL, a backslash or a malformed %-escape",
                               target.substr(0, target.find('?'))),
                "static", ""};
    if (file.lookup == StaticLookup::not_found)
        return {error_response(http::status::not_found, RefusalKind::not_found, "no such file",
                               target.substr(0, target.find('?'))),
                "static", ""};
    Response response{http::status::ok, 11};
    response.set(http::field::content_type, file.content_type);
    response.set(http::field::cache_control, "no-cache");
    add_security_headers(response);
    response.body() = std::move(file.content);
    response.prepare_payload();
    return {std::move(response), "static", ""};
}

}  // namespace jobcenter::http_api
