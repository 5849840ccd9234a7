// What `jobcenter serve` answers to one whole request: the endpoint its path names, the method check, the
// token check and the command through Service on a worker thread, /metrics and the web folder's files.
#pragma once

#include <boost/asio/thread_pool.hpp>
#include <functional>
#include <set>
#include <string>

#include "http/api_routes.hpp"
#include "http/http_metrics.hpp"
#include "http/http_reply.hpp"
#include "http/static_files.hpp"
#include "service/service.hpp"

namespace jobcenter::http_api {

// Where a request came from: its address counts failed sign-ins; /metrics answers only loopback.
struct Peer {
    std::string address;
    bool loopback = false;
};

class RequestHandler {
public:
    // `workers` runs every call into `service` (token checks, commands, health), so that a slow command never
    // holds up reading and writing on the connections.
    RequestHandler(Service& service, const HttpMetrics& metrics, boost::asio::thread_pool& workers);

    // Answers `request`; `done` gets the reply exactly once, on a worker thread or before handle() returns.
    void handle(Request request, Peer peer, std::function<void(Reply)> done);

    // The metrics label of a request target.
    std::string route_of(std::string_view target) const;

private:
    Reply answer_on_worker(const Request& request, const Peer& peer, const RouteTarget& target, std::string route);
    Reply answer_command(const Request& request, const Identity& identity, const RouteTarget& target, std::string route);
    Reply answer_metrics(const Peer& peer) const;
    Reply answer_static(const Request& request) const;

    Service& service_;
    const HttpMetrics& metrics_;
    boost::asio::thread_pool& workers_;
    StaticFiles files_;
    std::set<std::string> commands_;  // "<group>/<command>" of every command, for the route label
};

}  // namespace jobcenter::http_api
