// A command's request as the body of a POST: one JSON object, parsed with the configured nesting limit.
#pragma once

#include <boost/json.hpp>
#include <string_view>

namespace jobcenter::http_api {

// The body as a JSON object; an empty body is {}. Throws HttpRefusal (400) when it is not JSON, nests deeper
// than `max_depth`, or is not an object.
boost::json::object command_request(std::string_view body, unsigned max_depth);

}  // namespace jobcenter::http_api
