// The HTTP server of `jobcenter serve`: one acceptor and one I/O thread for every connection, a pool of
// `threads` workers for the calls into Service, and a graceful stop on SIGTERM or SIGINT.
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>

#include "http/http_metrics.hpp"
#include "http/http_session.hpp"
#include "http/request_handler.hpp"
#include "service/service.hpp"

namespace jobcenter::http_api {

struct ServerOptions {
    boost::asio::ip::tcp::endpoint listen;
    bool access_log = false;  // a line per request on stderr
};

class HttpServer {
public:
    // Binds and listens (port 0: one the system picks); a RefusedError naming `listen` when it cannot.
    HttpServer(Service& service, const ServerOptions& options, Logger& log);
    ~HttpServer();
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    // The address and port it listens on.
    boost::asio::ip::tcp::endpoint local_endpoint() const { return acceptor_.local_endpoint(); }

    // Serves until SIGTERM or SIGINT; then stops accepting, closes idle connections, lets the requests in
    // flight finish (their connections cut at request_timeout; a second signal cuts them at once), waits for
    // the commands running on the workers, and returns.
    void run();

private:
    void accept();
    void wait_for_signal();
    void begin_stop();
    void finish_stop();

    Logger& log_;
    HttpMetrics metrics_;
    boost::asio::thread_pool workers_;
    RequestHandler handler_;
    SessionContext context_;
    boost::asio::io_context io_;  // after the connections' context: destroying it releases the last connections
    boost::asio::ip::tcp::acceptor acceptor_;
    boost::asio::signal_set signals_;
    boost::asio::steady_timer deadline_;
    boost::asio::steady_timer accept_pause_;
};

}  // namespace jobcenter::http_api
