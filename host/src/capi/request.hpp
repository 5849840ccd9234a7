// A C API call's input as the service takes it: the command name split into plugin and command, and the request
// text checked against the config's limits and parsed into a JSON object.
#pragma once

#include <boost/json.hpp>
#include <cstddef>
#include <string_view>

namespace jobcenter::capi {

struct CommandName {
    std::string_view group;    // "register"
    std::string_view command;  // "contact-add"
};

// "register.contact-add" split at its first dot; a UsageError naming "command" when either side is empty.
CommandName split_command_name(std::string_view qualified);

// True when the request text is longer than the config's max_body_bytes.
bool exceeds_size_limit(std::string_view text, std::size_t max_bytes);

// The request as a JSON object. A UsageError naming "request" (and the byte where parsing stopped) when the text
// is not JSON, nests deeper than `max_depth`, or is not an object.
boost::json::object parse_request(std::string_view text, unsigned max_depth);

}  // namespace jobcenter::capi
