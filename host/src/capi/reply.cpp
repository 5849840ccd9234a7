// What the C API hands back: the errors it finds itself, in the shape of error_reply.hpp's, and any JSON value as a
// NUL-terminated text the caller frees with jc_free.
#include "capi/reply.hpp"

#include <cstdlib>
#include <cstring>

namespace jobcenter::capi {
namespace json = boost::json;

json::value error_reply(std::string_view kind, std::string_view message, std::string_view where) {
    return json::object{{"error", json::object{{"kind", kind}, {"message", message}, {"where", where}}}};
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
