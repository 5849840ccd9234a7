// What the C API hands back: the errors it finds itself, in the shape of error_reply.hpp's, and any JSON value as a
// NUL-terminated text the caller frees with jc_free.
#pragma once

#include <boost/json.hpp>
#include <string_view>

namespace jobcenter::capi {

// {"error": {"kind", "message", "where"}} for a refusal of the C API's own (a null pointer, a token, a size).
boost::json::value error_reply(std::string_view kind, std::string_view message, std::string_view where);

// The serialised value in memory from malloc (jc_free frees it); nullptr when there is no memory for it.
char* to_c_text(const boost::json::value& value) noexcept;

}  // namespace jobcenter::capi
