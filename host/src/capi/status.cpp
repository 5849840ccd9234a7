// The C API's status codes: what each call outcome and each typed error becomes, and each code's name.
#include "capi/status.hpp"

namespace jobcenter::capi {

jc_status status_of(CallOutcome outcome) {
    switch (outcome) {
        case CallOutcome::ok: return JC_OK;
        case CallOutcome::bad_request: return JC_BAD_REQUEST;
        case CallOutcome::forbidden: return JC_FORBIDDEN;
        case CallOutcome::not_found: return JC_NOT_FOUND;
        case CallOutcome::refused: return JC_REFUSED;
        case CallOutcome::busy: return JC_BUSY;
        case CallOutcome::script_failed: return JC_SCRIPT_FAILED;
        case CallOutcome::internal: return JC_INTERNAL;
    }
    return JC_INTERNAL;
}

jc_status status_of(const Error& error) {
    if (dynamic_cast<const DatabaseBusyError*>(&error)) return JC_BUSY;
    if (dynamic_cast<const AccessDeniedError*>(&error)) return JC_FORBIDDEN;
    switch (error.code()) {
        case ExitCode::ok: return JC_OK;
        case ExitCode::usage:
        case ExitCode::bad_input: return JC_BAD_REQUEST;
        case ExitCode::not_found: return JC_NOT_FOUND;
        case ExitCode::refused: return JC_REFUSED;
        case ExitCode::script: return JC_SCRIPT_FAILED;
        case ExitCode::internal: return JC_INTERNAL;
    }
    return JC_INTERNAL;
}

const char* status_name(int status) {
    switch (status) {
        case JC_OK: return "JC_OK";
        case JC_BAD_REQUEST: return "JC_BAD_REQUEST";
        case JC_UNAUTHENTICATED: return "JC_UNAUTHENTICATED";
        case JC_FORBIDDEN: return "JC_FORBIDDEN";
        case JC_NOT_FOUND: return "JC_NOT_FOUND";
        case JC_REFUSED: return "JC_REFUSED";
        case JC_TOO_LARGE: return "JC_TOO_LARGE";
        case JC_SCRIPT_FAILED: return "JC_SCRIPT_FAILED";
        case JC_THROTTLED: return "JC_THROTTLED";
        case JC_INTERNAL: return "JC_INTERNAL";
        case JC_BUSY: return "JC_BUSY";
        case JC_INVALID_ARGUMENT: return "JC_INVALID_ARGUMENT";
    }
    return "JC_UNKNOWN_STATUS";
}

}  // namespace jobcenter::capi
