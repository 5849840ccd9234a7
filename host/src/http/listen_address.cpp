// Reading and writing "ADDRESS:PORT" for --listen, the config's `listen` and the "listening on" line.
#include "http/listen_address.hpp"

#include <algorithm>
#include <cctype>

#include "jobcenter/errors.hpp"

namespace jobcenter::http_api {
using tcp = boost::asio::ip::tcp;

tcp::endpoint listen_endpoint(std::string_view address, unsigned short port, const std::string& where) {
    if (address.size() >= 2 && address.front() == '[' && address.back() == ']')
        address = address.substr(1, address.size() - 2);
    boost::system::error_code ec;
    const auto ip = boost::asio::ip::make_address(std::string(address), ec);
    if (ec)
        throw UsageError("'" + std::string(address) +
                             "' is not an IP address: give one such as 127.0.0.1 or [::1] (names are not looked up)",
                         where);
    return {ip, port};
}

tcp::endpoint parse_listen(std::string_view text, const std::string& where) {
    const auto colon = text.rfind(':');
    const std::string_view port = colon == std::string_view::npos ? std::string_view{} : text.substr(colon + 1);
    const bool digits = !port.empty() && port.size() <= 5 &&
                        std::all_of(port.begin(), port.end(), [](unsigned char c) { return std::isdigit(c); });
    const unsigned long number = digits ? std::stoul(std::string(port)) : 0;
    if (!digits || number > 65535)
        throw UsageError("'" + std::string(text) + "' is not ADDRESS:PORT such as 127.0.0.1:8080 or [::1]:8080 "
                             "(port 0: any free port)",
                         where);
    return listen_endpoint(text.substr(0, colon), static_cast<unsigned short>(number), where);
}

std::string endpoint_text(const tcp::endpoint& endpoint) {
    const auto address = endpoint.address();
    std::string text;
    if (address.is_v6()) text += '[';
    text += address.to_string();
    if (address.is_v6()) text += ']';
    text += ':';
    text += std::to_string(endpoint.port());
    return text;
}

}  // namespace jobcenter::http_api
