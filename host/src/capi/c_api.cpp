// The entry points of libjobcenter.so (jobcenter/jobcenter.h): each checks its pointers, hands the call to the
// Service, and turns every outcome, and any exception, into a status code and a JSON text. Nothing is thrown
// across the C boundary.
#include <cstdlib>
#include <cstring>
#include <exception>
#include <optional>
#include <string>

#include "capi/reply.hpp"
#include "capi/request.hpp"
#include "capi/status.hpp"
#include "error_reply.hpp"
#include "jobcenter/jobcenter.h"
#include "service/service.hpp"
#include "service/service_config.hpp"

struct jc_handle {
    explicit jc_handle(jobcenter::ServiceConfig config) : service(std::move(config)) {}
    jobcenter::Service service;
};

namespace {
namespace json = boost::json;
using namespace jobcenter;
using namespace jobcenter::capi;

// Where a call through the C API comes from, as the service counts failed tokens per peer.
constexpr std::string_view c_api_peer = "c-api";

// Hands `reply` to the caller when it gave somewhere to put it; the status, or JC_INTERNAL when out of memory.
jc_status answer(jc_status status, const json::value& reply, char** out) noexcept {
    if (!out) return status;
    *out = to_c_text(reply);
    return *out ? status : JC_INTERNAL;
}

jc_status invalid_argument(std::string_view argument, char** out) noexcept {
    try {
        return answer(JC_INVALID_ARGUMENT,
                      error_reply("usage", std::string(argument) + " is a null pointer where the C API needs one",
                                  argument),
                      out);
    } catch (...) {
        if (out) *out = nullptr;
        return JC_INVALID_ARGUMENT;
    }
}

// The status and error of the exception being handled; JC_INTERNAL and no text when even the error finds no memory.
jc_status answer_exception(char** out) noexcept {
    try {
        try {
            throw;
        } catch (const Error& e) {
            return answer(status_of(e), jobcenter::error_reply(e), out);
        } catch (const std::exception& e) {
            return answer(JC_INTERNAL, error_reply("internal", e.what(), "libjobcenter"), out);
        } catch (...) {
            return answer(JC_INTERNAL, error_reply("internal", "an unknown exception", "libjobcenter"), out);
        }
    } catch (...) {
        if (out) *out = nullptr;
        return JC_INTERNAL;
    }
}

// The identity behind `token`, or the status and error that refuse the call.
struct Authentication {
    std::optional<Identity> identity;
    jc_status status = JC_OK;
    json::value error;
};

Authentication authenticate(Service& service, std::string_view token) {
    AuthResult result = service.authenticate(token, c_api_peer);
    switch (result.outcome) {
        case AuthOutcome::accepted: return {std::move(result.identity), JC_OK, nullptr};
        case AuthOutcome::missing:
            return {std::nullopt, JC_UNAUTHENTICATED, error_reply("unauthenticated", "no token was given", "token")};
        case AuthOutcome::unknown:
            return {std::nullopt, JC_UNAUTHENTICATED,
                    error_reply("unauthenticated", "no token in force has this secret", "token")};
        case AuthOutcome::throttled:
            return {std::nullopt, JC_THROTTLED,
                    error_reply("throttled",
                                "too many failed tokens through the C API lately: try again in " +
                                    std::to_string(result.retry_after.count()) + " s",
                                "token")};
    }
    return {std::nullopt, JC_INTERNAL, error_reply("internal", "an unknown authentication outcome", "token")};
}

jc_status call(Service& service, std::string_view token, std::string_view command, std::string_view request_text,
               char** out) {
    Authentication auth = authenticate(service, token);
    if (!auth.identity) return answer(auth.status, auth.error, out);
    const ServiceConfig& config = service.config();
    const CommandName name = split_command_name(command);
    if (exceeds_size_limit(request_text, config.max_body_bytes))
        return answer(JC_TOO_LARGE,
                      error_reply("too_large",
                                  "the request has " + std::to_string(request_text.size()) +
                                      " bytes, more than max_body_bytes (" + std::to_string(config.max_body_bytes) + ")",
                                  "request"),
                      out);
    const json::object request = parse_request(request_text, config.max_json_depth);
    CallResult result = service.call(*auth.identity, Channel::c_api, name.group, name.command, request);
    return answer(status_of(result.outcome), result.body, out);
}

}  // namespace

extern "C" {

jc_status jc_open(const char* config_file, jc_handle** handle, char** error_json) {
    if (error_json) *error_json = nullptr;
    if (handle) *handle = nullptr;
    if (!config_file) return invalid_argument("config_file", error_json);
    if (!handle) return invalid_argument("handle", error_json);
    try {
        *handle = new jc_handle(read_service_config(config_file));
        return JC_OK;
    } catch (...) {
        return answer_exception(error_json);
    }
}

jc_status jc_call(jc_handle* handle, const char* token, const char* command, const char* request_json,
                  char** reply_json) {
    if (reply_json) *reply_json = nullptr;
    if (!reply_json) return invalid_argument("reply_json", nullptr);
    if (!handle) return invalid_argument("handle", reply_json);
    if (!token) return invalid_argument("token", reply_json);
    if (!command) return invalid_argument("command", reply_json);
    if (!request_json) return invalid_argument("request_json", reply_json);
    try {
        return call(handle->service, token, command, request_json, reply_json);
    } catch (...) {
        return answer_exception(reply_json);
    }
}

void jc_free(char* text) { std::free(text); }

void jc_close(jc_handle* handle) { delete handle; }

// A C caller may pass any int as a jc_status: its bytes are read as a number, never loaded as the C++ enum,
// whose values end at its largest enumerator.
const char* jc_status_name(jc_status status) {
    int number = 0;
    static_assert(sizeof number == sizeof status);
    std::memcpy(&number, &status, sizeof number);
    return status_name(number);
}

const char* jc_version(void) { return JOBCENTER_VERSION; }

}  // extern "C"
