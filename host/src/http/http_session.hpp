// One client connection of `jobcenter serve`: reading requests within the size and time limits, handing each
// to the RequestHandler, writing its reply, keeping the connection alive between requests, and closing it
// when it idles, stalls, misbehaves or the server stops.
#pragma once

#include <atomic>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

#include "http/http_metrics.hpp"
#include "http/request_handler.hpp"
#include "jobcenter/context.hpp"

namespace jobcenter::http_api {

class HttpSession;

// The live connections, so that a stopping server can close the idle ones and, past its deadline, the rest.
class ConnectionSet {
public:
    void add(const std::shared_ptr<HttpSession>& session);
    // Returns how many remain.
    std::size_t remove(const HttpSession* session);
    std::vector<std::shared_ptr<HttpSession>> live() const;

private:
    mutable std::mutex mutex_;
    std::map<const HttpSession*, std::weak_ptr<HttpSession>> sessions_;
};

// What every connection shares with the server.
struct SessionContext {
    RequestHandler& handler;
    HttpMetrics& metrics;
    Logger& log;
    bool access_log = false;  // a line per request on stderr (--verbose)
    std::size_t max_body_bytes = 1 << 20;
    std::chrono::seconds request_timeout{30};
    std::chrono::seconds idle_timeout{15};
    ConnectionSet connections;
    std::atomic<bool> stopping{false};
    std::function<void()> on_last_connection_closed;  // called, from any thread, while stopping
};

class HttpSession : public std::enable_shared_from_this<HttpSession> {
public:
    HttpSession(boost::asio::ip::tcp::socket socket, SessionContext& context);
    ~HttpSession();
    HttpSession(const HttpSession&) = delete;
    HttpSession& operator=(const HttpSession&) = delete;

    void start();
    // The server stops: a connection waiting for its next request closes now; one reading or answering a
    // request finishes that request and then closes.
    void stop_when_idle();
    void close_now();

private:
    enum class Phase { waiting, reading, answering, lingering, closed };

    void wait_for_request();
    void read_header();
    void on_header(boost::beast::error_code ec);
    void send_continue();
    void read_body();
    void on_read_error(boost::beast::error_code ec);
    void refuse(Response response, std::string route);
    void dispatch();
    void write(Reply reply, bool close_after);
    void on_written(boost::beast::error_code ec, bool keep_alive);
    void linger();
    void drain();

    boost::beast::tcp_stream stream_;
    SessionContext& context_;
    Peer peer_;
    Phase phase_ = Phase::waiting;
    boost::beast::flat_buffer buffer_;
    std::optional<http::request_parser<http::string_body>> parser_;
    std::optional<http::response<http::empty_body>> continue_;
    std::optional<Response> reply_;
    std::vector<char> drained_;
    // The request being answered, for the metrics and the access log.
    std::string method_;
    std::string route_;
    std::string token_name_;
    unsigned version_ = 11;
    bool body_unread_ = false;
    std::chrono::steady_clock::time_point started_{};
};

}  // namespace jobcenter::http_api
