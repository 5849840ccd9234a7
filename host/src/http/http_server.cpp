// Accepting connections, running the I/O thread and the workers, and stopping gracefully on a signal.
#include "http/http_server.hpp"

#include <boost/asio/post.hpp>
#include <csignal>

#include "http/listen_address.hpp"

namespace jobcenter::http_api {
namespace net = boost::asio;
using tcp = net::ip::tcp;

HttpServer::HttpServer(Service& service, const ServerOptions& options, Logger& log)
    : log_(log),
      workers_(std::max(1u, service.config().threads)),
      handler_(service, metrics_, workers_),
      context_{handler_,
               metrics_,
               log,
               options.access_log,
               service.config().max_body_bytes,
               service.config().request_timeout,
               service.config().idle_timeout,
               {},
               {},
               {}},
      acceptor_(io_),
      signals_(io_, SIGINT, SIGTERM),
      deadline_(io_),
      accept_pause_(io_) {
    boost::system::error_code ec;
    acceptor_.open(options.listen.protocol(), ec);
    if (!ec) acceptor_.set_option(tcp::acceptor::reuse_address(true), ec);
    if (!ec) acceptor_.bind(options.listen, ec);
    if (!ec) acceptor_.listen(net::socket_base::max_listen_connections, ec);
    if (ec) throw RefusedError("cannot listen on " + endpoint_text(options.listen) + ": " + ec.message(), "listen");
    context_.on_last_connection_closed = [this] { net::post(io_, [this] { finish_stop(); }); };
}

HttpServer::~HttpServer() {
    context_.on_last_connection_closed = nullptr;  // the connections io_ still holds go with it, unannounced
    io_.stop();
    workers_.join();
}

void HttpServer::run() {
    accept();
    wait_for_signal();
    io_.run();
    workers_.join();
}

void HttpServer::accept() {
    acceptor_.async_accept([this](boost::system::error_code ec, tcp::socket socket) {
        if (ec == net::error::operation_aborted || context_.stopping) return;
        if (!ec) {
            std::make_shared<HttpSession>(std::move(socket), context_)->start();
            return accept();
        }
        // Out of file descriptors or memory: try again shortly instead of spinning.
        log_.warn("accepting a connection failed: " + ec.message());
        accept_pause_.expires_after(std::chrono::milliseconds(100));
        accept_pause_.async_wait([this](boost::system::error_code wait_ec) {
            if (!wait_ec && !context_.stopping) accept();
        });
    });
}

void HttpServer::wait_for_signal() {
    signals_.async_wait([this](boost::system::error_code ec, int) {
        if (ec) return;
        if (!context_.stopping) {
            wait_for_signal();  // armed first: a stop with no connection open cancels it at once
            return begin_stop();
        }
        log_.warn("second signal: closing the connections still open");
        for (const auto& connection : context_.connections.live()) connection->close_now();
        io_.stop();
    });
}

void HttpServer::begin_stop() {
    context_.stopping = true;
    boost::system::error_code ignored;
    acceptor_.close(ignored);
    accept_pause_.cancel();
    const auto live = context_.connections.live();
    log_.info("stopping: no new connections; " + std::to_string(live.size()) + " open");
    for (const auto& connection : live) connection->stop_when_idle();
    deadline_.expires_after(context_.request_timeout);
    deadline_.async_wait([this](boost::system::error_code ec) {
        if (ec) return;
        log_.warn("request_timeout passed while stopping: closing the connections still open");
        for (const auto& connection : context_.connections.live()) connection->close_now();
        io_.stop();
    });
    if (context_.connections.live().empty()) finish_stop();
}

void HttpServer::finish_stop() {
    if (!context_.connections.live().empty()) return;
    deadline_.cancel();
    signals_.cancel();
}

}  // namespace jobcenter::http_api
