// Reading the bearer secret of a request and answering a request whose token was not accepted.
#include "http/bearer_auth.hpp"

#include <boost/algorithm/string/predicate.hpp>

namespace jobcenter::http_api {

std::string_view bearer_secret(std::string_view authorization) {
    constexpr std::string_view scheme = "bearer";
    if (authorization.size() <= scheme.size() ||
        !boost::algorithm::iequals(authorization.substr(0, scheme.size()), scheme) ||
        (authorization[scheme.size()] != ' ' && authorization[scheme.size()] != '\t'))
        return {};
    std::string_view secret = authorization.substr(scheme.size());
    const auto begin = secret.find_first_not_of(" \t");
    if (begin == std::string_view::npos) return {};
    secret = secret.substr(begin);
    return secret.substr(0, secret.find_last_not_of(" \t") + 1);
}

Response authentication_refusal(const AuthResult& result) {
    switch (result.outcome) {
        case AuthOutcome::throttled: {
            const auto seconds = std::max<long long>(1, result.retry_after.count());
            Response response = error_response(http::status::too_many_requests, RefusalKind::throttled,
                                               "too many failed sign-ins from this address: try again in " +
                                                   std::to_string(seconds) + " s",
                                               "Authorization");
            response.set(http::field::retry_after, std::to_string(seconds));
            return response;
        }
        case AuthOutcome::unknown: {
            Response response = error_response(http::status::unauthorized, RefusalKind::unauthorized,
                                               "the token is not known or was revoked", "Authorization");
            response.set(http::field::www_authenticate, "Bearer realm=\"jobcenter\", error=\"invalid_token\"");
            return response;
        }
        case AuthOutcome::missing:
        case AuthOutcome::accepted:
            break;
    }
    Response response = error_response(http::status::unauthorized, RefusalKind::unauthorized,
                                       "this needs a token: send the header 'Authorization: Bearer <secret>'",
                                       "Authorization");
    response.set(http::field::www_authenticate, "Bearer realm=\"jobcenter\"");
    return response;
}

}  // namespace jobcenter::http_api
