// An error as every front end reports it: {"error": {"kind", "message", "where"}}, with any personal identity code
// the caller typed masked, and the kind's name ("refused", "not_found", ...).
#pragma once

#include <boost/json.hpp>
#include <string_view>

#include "jobcenter/errors.hpp"

namespace jobcenter {

std::string_view error_kind_name(ExitCode code);

boost::json::object error_reply(const Error& error);

}  // namespace jobcenter
