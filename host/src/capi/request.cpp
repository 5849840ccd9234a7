// A C API call's input as the service takes it: the command name split into plugin and command, and the request
// text checked against the config's limits and parsed into a JSON object.
#include "capi/request.hpp"

#include <string>

#include "jobcenter/errors.hpp"

namespace jobcenter::capi {
namespace json = boost::json;

CommandName split_command_name(std::string_view qualified) {
    const auto dot = qualified.find('.');
    if (dot == std::string_view::npos || dot == 0 || dot + 1 == qualified.size())
        throw UsageError("\"" + std::string(qualified) + "\" is not a command name: write <plugin>.<command>, "
                         "such as register.check",
                         "command");
    return {qualified.substr(0, dot), qualified.substr(dot + 1)};
}

bool exceeds_size_limit(std::string_view text, std::size_t max_bytes) { return text.size() > max_bytes; }

json::object parse_request(std::string_view text, unsigned max_depth) {
    json::parse_options options;
    options.max_depth = max_depth;
    json::parser parser({}, options);
    boost::system::error_code error;
    const std::size_t read = parser.write(text.data(), text.size(), error);
    if (!error && read < text.size()) error = json::error::extra_data;
    if (error == json::error::too_deep)
        throw UsageError("the request nests deeper than max_json_depth (" + std::to_string(max_depth) + ")",
                         "request, byte " + std::to_string(read));
    if (error)
        throw UsageError("the request is not valid JSON: " + error.message(), "request, byte " + std::to_string(read));
    json::value value = parser.release();
    if (!value.is_object())
        throw UsageError("the request must be a JSON object of the command's flags, such as {\"name\": \"Esimerkki Oy\"}",
                         "request");
    return std::move(value.as_object());
}

}  // namespace jobcenter::capi
