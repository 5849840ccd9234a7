// Owns the router's identity-code check of a request: a walk over every string it holds, and naming the
// flag or field of the first one that holds a code as the command line or an API caller knows it.
#include "request_identity_codes.hpp"

#include <optional>
#include <string>

#include "jobcenter/errors.hpp"
#include "jobcenter/identity_code.hpp"

namespace jobcenter {
namespace {
namespace json = boost::json;

// The path inside a top-level field to the first string holding a code ("" for the field's own value),
// or nothing. Builds text only once a code is found.
std::optional<std::string> path_to_code(const json::value& value) {
    if (const json::string* text = value.if_string())
        return contains_identity_code(*text) ? std::optional<std::string>("") : std::nullopt;
    if (const json::array* list = value.if_array()) {
        for (std::size_t i = 0; i < list->size(); ++i)
            if (auto inner = path_to_code((*list)[i]))
                return std::string(1, '[').append(std::to_string(i + 1)).append(1, ']').append(*inner);
        return std::nullopt;
    }
    if (const json::object* object = value.if_object()) {
        for (const auto& [key, item] : *object) {
            if (contains_identity_code(key)) return std::optional<std::string>(" (a field name in it)");
            if (auto inner = path_to_code(item)) return std::string(1, '.').append(key).append(*inner);
        }
    }
    return std::nullopt;
}

// How the user named a top-level field: a positional argument by its upper-case name ("FILE"), a flag as
// typed ("--by"); nothing for a field no flag declares (from --input or an API caller).
std::optional<std::string> flag_as_typed(const Command& command, std::string_view field) {
    for (const Flag& flag : command.flags) {
        std::string as_field = flag.name;
        for (char& c : as_field) c = c == '-' ? '_' : c;
        if (as_field != field) continue;
        if (!flag.positional) return "--" + flag.name;
        std::string upper = flag.name;
        for (char& c : upper) c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
        return upper;
    }
    return std::nullopt;
}

// "--notes", "FILE", "--keep[2]" or "field orderers[1].notes": where the code was given.
std::string place_of(const Command& command, std::string_view field, const std::string& inner) {
    if (auto flag = flag_as_typed(command, field)) return *flag + inner;
    return "field " + std::string(field) + inner;
}

}  // namespace

void refuse_identity_codes(const Command& command, const json::object& request) {
    for (const auto& [field, value] : request) {
        std::string where;
        if (contains_identity_code(field)) where = "a field name of the request";
        else if (auto inner = path_to_code(value)) where = place_of(command, field, *inner);
        else continue;
        throw InputError("holds a personal identity code (henkilötunnus), which Jobcenter must not store or "
                         "receive; nothing was done: leave the code out",
                         where);
    }
}

}  // namespace jobcenter
