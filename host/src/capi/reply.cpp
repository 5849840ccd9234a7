// What the C API hands back: the error object it writes itself (the same shape as `--format json` prints), and
// any JSON value as a NUL-terminated text the caller frees with jc_free.
#include "capi/reply.hpp"

#include <cstdlib>
#include <cstring>

#include "jobcenter/identity_code.hpp"

namespace jobcenter::capi {
namespace json = boost::json;

namespace {

std::string_view kind_of(ExitCode code) {
    switch (code) {
        case ExitCode::ok: return "ok";
        case ExitCode::usage: return "usage";
        case ExitCode::bad_input: return "bad_input";
        case ExitCode::not_found: return "not_found";
        case ExitCode::refused: return "refused";
        case ExitCode::script: return "script";
        case ExitCode::internal: return "internal";
    }
    return "internal";
}

}  // namespace

json::value error_reply(std::string_view kind, std::string_view message, std::string_view where) {
    return json::object{{"error", json::object{{"kind", kind}, {"message", message}, {"where", where}}}};
}

json::value error_reply(const Error& error) {
    return error_reply(kind_of(error.code()), mask_identity_codes(error.what()), mask_identity_codes(error.where()));
}

char* to_c_text(const json::value& value) noexcept {
    try {
        const std::string text = json::serialize(value);
        auto* copy = static_cast<char*>(std::malloc(text.size() + 1));
        if (copy) std::memcpy(copy, text.c_str(), text.size() + 1);
        return copy;
    } catch (...) {
        return nullptr;
    }
}

}  // namespace jobcenter::capi
