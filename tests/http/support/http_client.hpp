// A small blocking HTTP/1.1 client over Boost.Beast for the serve tests: one kept-alive connection to a
// loopback port, requests with an optional bearer token, replies with their status, headers and JSON body,
// and raw bytes for the tests that misbehave on purpose.
#pragma once

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/json.hpp>
#include <string>

namespace jobcenter::testing {

namespace http = boost::beast::http;

struct HttpReply {
    unsigned status = 0;
    http::response<http::string_body> message;
    std::string header(http::field field) const { return std::string(message[field]); }
    std::string header(std::string_view name) const { return std::string(message[name]); }
    const std::string& body() const { return message.body(); }
    boost::json::value json() const { return boost::json::parse(message.body()); }
};

class HttpConnection {
public:
    explicit HttpConnection(unsigned short port) : socket_(io_) {
        socket_.connect({boost::asio::ip::make_address("127.0.0.1"), port});
        socket_.set_option(boost::asio::ip::tcp::no_delay(true));
    }

    HttpReply request(http::verb method, const std::string& target, const std::string& body = {},
                      const std::string& token = {}, const http::fields& extra = {}) {
        http::request<http::string_body> req{method, target, 11};
        req.set(http::field::host, "127.0.0.1");
        for (const auto& field : extra) req.set(field.name_string(), field.value());
        if (!token.empty()) req.set(http::field::authorization, "Bearer " + token);
        if (method == http::verb::post) {
            req.set(http::field::content_type, "application/json");
            req.body() = body;
        }
        req.prepare_payload();
        http::write(socket_, req);
        return read_reply();
    }
    HttpReply get(const std::string& target, const std::string& token = {}) {
        return request(http::verb::get, target, {}, token);
    }
    HttpReply post(const std::string& target, const boost::json::value& body, const std::string& token) {
        return request(http::verb::post, target, boost::json::serialize(body), token);
    }

    // Bytes as they are, for requests no well-behaved client sends.
    void send_raw(std::string_view bytes) { boost::asio::write(socket_, boost::asio::buffer(bytes.data(), bytes.size())); }
    HttpReply read_reply() {
        HttpReply reply;
        http::response_parser<http::string_body> parser;
        parser.body_limit(64 * 1024 * 1024);
        http::read(socket_, buffer_, parser);
        reply.message = parser.release();
        reply.status = reply.message.result_int();
        return reply;
    }
    // True when the server has closed the connection (a read ends at end of file or a reset), waiting for it.
    bool closed_by_server() {
        boost::system::error_code ec;
        char byte = 0;
        socket_.read_some(boost::asio::buffer(&byte, 1), ec);
        return ec == boost::asio::error::eof || ec == boost::asio::error::connection_reset;
    }
    boost::asio::ip::tcp::socket& socket() { return socket_; }

private:
    boost::asio::io_context io_;
    boost::asio::ip::tcp::socket socket_;
    boost::beast::flat_buffer buffer_;
};

}  // namespace jobcenter::testing
