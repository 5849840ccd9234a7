// What the C API hands back: the error object it writes itself (the same shape as `--format json` prints), and
// any JSON value as a NUL-terminated text the caller frees with jc_free.
#pragma once

#include <boost/json.hpp>
#include <string_view>

#include "jobcenter/errors.hpp"

namespace jobcenter::capi {

// {"error": {"kind", "message", "where"}}
boost::json::value error_reply(std::string_view kind, std::string_view message, std::string_view where);
// The same for a typed error, its kind named as `--format json` names it, identity codes masked.
boost::json::value error_reply(const Error& error);

// The serialised value in memory from malloc (jc_free frees it); nullptr when there is no memory for it.
char* to_c_text(const boost::json::value& value) noexcept;

}  // namespace jobcenter::capi
