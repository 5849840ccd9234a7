// The JSON form of an error, shared by `--format json`, the HTTP API and the C API.
#include "error_reply.hpp"

#include "jobcenter/identity_code.hpp"

namespace jobcenter {

std::string_view error_kind_name(ExitCode code) {
    switch (code) {
        case ExitCode::ok: return "ok";
        case ExitCode::internal: return "internal";
        case ExitCode::usage: return "usage";
        case ExitCode::bad_input: return "bad_input";
        case ExitCode::not_found: return "not_found";
        case ExitCode::refused: return "refused";
        case ExitCode::script: return "script";
    }
    return "internal";
}

boost::json::object error_reply(const Error& error) {
    return boost::json::object{{"error", boost::json::object{{"kind", error_kind_name(error.code())},
                                                             {"message", mask_identity_codes(error.what())},
                                                             {"where", mask_identity_codes(error.where())}}}};
}

}  // namespace jobcenter
