// The bearer token of a request: its secret taken from the Authorization header, and the reply for a request
// whose token is missing, unknown or throttled (401 with WWW-Authenticate, 429 with Retry-After).
#pragma once

#include <string_view>

#include "http/http_reply.hpp"
#include "service/service.hpp"

namespace jobcenter::http_api {

// The secret of "Authorization: Bearer <secret>" (the scheme in any case); "" when there is none.
std::string_view bearer_secret(std::string_view authorization);

// The refusal for an authentication that was not accepted.
Response authentication_refusal(const AuthResult& result);

}  // namespace jobcenter::http_api
