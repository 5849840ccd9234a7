// The address `jobcenter serve` listens on: "ADDRESS:PORT" (an IPv6 address in brackets) read and written.
#pragma once

#include <boost/asio/ip/tcp.hpp>
#include <string>
#include <string_view>

namespace jobcenter::http_api {

// "127.0.0.1:8080", "[::1]:0" -> an endpoint; a UsageError naming `where` for anything else.
boost::asio::ip::tcp::endpoint parse_listen(std::string_view text, const std::string& where);

// The endpoint of an address as ServiceConfig holds it ("127.0.0.1", "::1" or "[::1]") and a port.
boost::asio::ip::tcp::endpoint listen_endpoint(std::string_view address, unsigned short port, const std::string& where);

// "127.0.0.1:8080", "[::1]:8080".
std::string endpoint_text(const boost::asio::ip::tcp::endpoint& endpoint);

}  // namespace jobcenter::http_api
