// A connection's life: wait for a request (idle_timeout), read it whole (request_timeout, max_body_bytes),
// answer it, write the reply, and go round again while the client keeps the connection alive.
#include "http/http_session.hpp"

#include <boost/asio/post.hpp>
#include <iomanip>
#include <sstream>

namespace jobcenter::http_api {
namespace beast = boost::beast;
namespace net = boost::asio;
using tcp = net::ip::tcp;

namespace {

constexpr std::size_t header_limit_bytes = 16 * 1024;
constexpr std::size_t first_read_bytes = 4096;

// The method as the metrics label it: one of HTTP's names, or "OTHER", so the label set stays bounded.
std::string method_label(http::verb method) {
    return method == http::verb::unknown ? "OTHER" : std::string(http::to_string(method));
}

Peer peer_of(const tcp::socket& socket) {
    beast::error_code ec;
    const tcp::endpoint remote = socket.remote_endpoint(ec);
    if (ec) return {};
    net::ip::address address = remote.address();
    if (address.is_v6() && address.to_v6().is_v4_mapped())
        address = net::ip::make_address_v4(net::ip::v4_mapped, address.to_v6());
    return {address.to_string(), address.is_loopback()};
}

}  // namespace

void ConnectionSet::add(const std::shared_ptr<HttpSession>& session) {
    std::lock_guard lock(mutex_);
    sessions_[session.get()] = session;
}

std::size_t ConnectionSet::remove(const HttpSession* session) {
    std::lock_guard lock(mutex_);
    sessions_.erase(session);
    return sessions_.size();
}

std::vector<std::shared_ptr<HttpSession>> ConnectionSet::live() const {
    std::lock_guard lock(mutex_);
    std::vector<std::shared_ptr<HttpSession>> out;
    for (const auto& [key, weak] : sessions_)
        if (auto session = weak.lock()) out.push_back(std::move(session));
    return out;
}

HttpSession::HttpSession(tcp::socket socket, SessionContext& context)
    : stream_(std::move(socket)), context_(context), peer_(peer_of(stream_.socket())) {}

HttpSession::~HttpSession() {
    if (context_.connections.remove(this) == 0 && context_.stopping && context_.on_last_connection_closed)
        context_.on_last_connection_closed();
}

void HttpSession::start() {
    context_.connections.add(shared_from_this());
    beast::error_code ignored;
    stream_.socket().set_option(tcp::no_delay(true), ignored);
    wait_for_request();
}

void HttpSession::stop_when_idle() {
    if (phase_ == Phase::waiting || phase_ == Phase::lingering) close_now();
}

void HttpSession::close_now() {
    if (phase_ == Phase::closed) return;
    phase_ = Phase::closed;
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
    stream_.close();
}

// Silence between requests is bounded by idle_timeout; the request_timeout starts with its first byte.
void HttpSession::wait_for_request() {
    phase_ = Phase::waiting;
    if (context_.stopping) return close_now();
    if (buffer_.size() > 0) return read_header();
    stream_.expires_after(context_.idle_timeout);
    stream_.async_read_some(buffer_.prepare(first_read_bytes),
                            [self = shared_from_this()](beast::error_code ec, std::size_t bytes) {
                                if (ec || self->phase_ == Phase::closed) return self->close_now();
                                self->buffer_.commit(bytes);
                                self->read_header();
                            });
}

void HttpSession::read_header() {
    phase_ = Phase::reading;
    stream_.expires_after(context_.request_timeout);
    parser_.emplace();
    parser_->header_limit(header_limit_bytes);
    parser_->body_limit(context_.max_body_bytes);
    http::async_read_header(stream_, buffer_, *parser_,
                            [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_header(ec); });
}

void HttpSession::on_header(beast::error_code ec) {
    if (ec) return on_read_error(ec);
    if (parser_->is_done()) return dispatch();
    const auto expect = parser_->get()[http::field::expect];
    if (beast::iequals(expect, "100-continue")) return send_continue();
    read_body();
}

// A client that asked before sending its body ("Expect: 100-continue") hears that the body fits.
void HttpSession::send_continue() {
    continue_.emplace(http::status::continue_, parser_->get().version());
    http::async_write(stream_, *continue_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
        if (ec) return self->close_now();
        self->read_body();
    });
}

void HttpSession::read_body() {
    http::async_read(stream_, buffer_, *parser_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
        if (ec) return self->on_read_error(ec);
        self->dispatch();
    });
}

// A request that cannot be read: too large or malformed gets its 4xx; a stalled, cut or closed one is closed.
void HttpSession::on_read_error(beast::error_code ec) {
    if (ec == http::error::body_limit) {
        const std::string route = context_.handler.route_of(parser_->get().target());
        return refuse(error_response(http::status::payload_too_large, RefusalKind::too_large,
                                     "the request body is larger than " + std::to_string(context_.max_body_bytes) +
                                         " bytes (max_body_bytes)",
                                     "body"),
                      route);
    }
    if (ec == http::error::header_limit)
        return refuse(error_response(http::status::request_header_fields_too_large, RefusalKind::too_large,
                                     "the request's header is larger than " + std::to_string(header_limit_bytes) +
                                         " bytes",
                                     "header"),
                      "other");
    const bool malformed = ec.category() == http::make_error_code(http::error::bad_target).category() &&
                           ec != http::error::end_of_stream && ec != http::error::partial_message;
    if (!malformed) return close_now();
    refuse(error_response(http::status::bad_request, RefusalKind::usage,
                          "the request is not well-formed HTTP/1.1 (" + ec.message() + ")", "request"),
           "other");
}

void HttpSession::refuse(Response response, std::string route) {
    phase_ = Phase::answering;
    body_unread_ = true;
    // The request line is read before the header's limits are checked: its method is known for a 413.
    method_ = parser_ ? method_label(parser_->get().method()) : "OTHER";
    version_ = parser_ && parser_->get().version() == 10 ? 10 : 11;
    route_ = std::move(route);
    token_name_.clear();
    started_ = std::chrono::steady_clock::now();
    context_.metrics.request_started();
    write({std::move(response), route_, ""}, true);
}

void HttpSession::dispatch() {
    phase_ = Phase::answering;
    body_unread_ = false;
    stream_.expires_never();
    Request request = parser_->release();
    method_ = method_label(request.method());
    version_ = request.version();
    const bool close_after = !request.keep_alive();
    started_ = std::chrono::steady_clock::now();
    context_.metrics.request_started();
    context_.handler.handle(std::move(request), peer_, [self = shared_from_this(), close_after](Reply reply) {
        net::post(self->stream_.get_executor(), [self, close_after, reply = std::move(reply)]() mutable {
            self->write(std::move(reply), close_after);
        });
    });
}

void HttpSession::write(Reply reply, bool close_after) {
    route_ = std::move(reply.route);
    token_name_ = std::move(reply.token_name);
    reply_.emplace(std::move(reply.message));
    const bool keep_alive = !close_after && !context_.stopping;
    reply_->version(version_);
    reply_->keep_alive(keep_alive);
    if (phase_ == Phase::closed) return on_written(net::error::operation_aborted, false);
    stream_.expires_after(context_.request_timeout);
    http::async_write(stream_, *reply_, [self = shared_from_this(), keep_alive](beast::error_code ec, std::size_t) {
        self->on_written(ec, keep_alive);
    });
}

void HttpSession::on_written(beast::error_code ec, bool keep_alive) {
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
    const unsigned status = reply_->result_int();
    context_.metrics.request_finished(method_, route_, status, seconds);
    if (context_.access_log) {
        std::ostringstream line;
        line << method_ << ' ' << route_ << ' ' << status << ' ' << std::fixed << std::setprecision(1)
             << seconds * 1000 << " ms token " << (token_name_.empty() ? "-" : token_name_);
        context_.log.info(line.str());
    }
    reply_.reset();
    if (ec || phase_ == Phase::closed) return close_now();
    if (body_unread_) return linger();
    if (!keep_alive) return close_now();
    wait_for_request();
}

// After refusing a request whose body was not read, the rest of it is read and dropped (up to the
// request_timeout) before closing, so that the client gets to read the refusal instead of a reset connection.
void HttpSession::linger() {
    phase_ = Phase::lingering;
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream_.expires_after(context_.request_timeout);
    drained_.resize(64 * 1024);
    drain();
}

void HttpSession::drain() {
    stream_.async_read_some(net::buffer(drained_), [self = shared_from_this()](beast::error_code ec, std::size_t) {
        if (ec || self->phase_ == Phase::closed) return self->close_now();
        self->drain();
    });
}

}  // namespace jobcenter::http_api
