// Parsing a POST body into the command's JSON request, with Boost.JSON's depth limit.
#include "http/request_body.hpp"

#include "http/http_reply.hpp"

namespace jobcenter::http_api {

boost::json::object command_request(std::string_view body, unsigned max_depth) {
    if (body.find_first_not_of(" \t\r\n") == std::string_view::npos) return {};
    boost::json::parse_options options;
    options.max_depth = max_depth;
    boost::system::error_code ec;
    boost::json::value value = boost::json::parse(body, ec, {}, options);
    if (ec == boost::json::error::too_deep)
        throw HttpRefusal{http::status::bad_request, RefusalKind::bad_input,
                          "the request nests deeper than " + std::to_string(max_depth) +
                              " levels of objects and arrays (max_json_depth)",
                          "body"};
    if (ec)
        throw HttpRefusal{http::status::bad_request, RefusalKind::bad_input,
                          "the request is not valid JSON (" + ec.message() + ")", "body"};
    if (!value.is_object())
        throw HttpRefusal{http::status::bad_request, RefusalKind::bad_input, "the request must be a JSON object", "body"};
    return std::move(value.get_object());
}

}  // namespace jobcenter::http_api
