// The JSON replies and error objects of `jobcenter serve`, and the headers every reply carries.
#include "http/http_reply.hpp"

namespace jobcenter::http_api {

std::string_view kind_name(RefusalKind kind) {
    switch (kind) {
        case RefusalKind::usage: return "usage";
        case RefusalKind::bad_input: return "bad_input";
        case RefusalKind::unauthorized: return "unauthorized";
        case RefusalKind::forbidden: return "forbidden";
        case RefusalKind::not_found: return "not_found";
        case RefusalKind::too_large: return "too_large";
        case RefusalKind::throttled: return "throttled";
        case RefusalKind::busy: return "busy";
        case RefusalKind::internal: return "internal";
    }
    return "internal";
}

void add_security_headers(Response& response) {
    response.set("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'");
    response.set("X-Content-Type-Options", "nosniff");
    response.set("Referrer-Policy", "no-referrer");
}

Response json_response(http::status status, const boost::json::value& body) {
    Response response{status, 11};
    response.set(http::field::content_type, "application/json; charset=utf-8");
    response.set(http::field::cache_control, "no-store");
    add_security_headers(response);
    response.body() = boost::json::serialize(body);
    response.body() += '\n';
    response.prepare_payload();
    return response;
}

Response error_response(http::status status, RefusalKind kind, std::string_view message, std::string_view where) {
    return json_response(status, boost::json::object{{"error", boost::json::object{{"kind", kind_name(kind)},
                                                                                   {"message", message},
                                                                                   {"where", where}}}});
}

Response refusal_response(const HttpRefusal& refusal) {
    return error_response(refusal.status, refusal.kind, refusal.message, refusal.where);
}

}  // namespace jobcenter::http_api
