// Fuzz target: normalising a street address, postcode and city from any text (the three fields are the
// input's lines; a street may hold the whole address).
#include <array>

#include "fuzz_target.hpp"
#include "register/normalize/normalize.hpp"

JOBCENTER_FUZZ_TARGET(address) {
    std::array<std::string_view, 3> fields{};
    std::string_view rest = input;
    for (std::size_t i = 0; i < fields.size() && !rest.empty(); ++i) {
        std::size_t end = i + 1 < fields.size() ? rest.find('\n') : std::string_view::npos;
        fields[i] = rest.substr(0, end);
        rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    }
    jobcenter::register_plugin::normalize_address(fields[0], fields[1], fields[2]);
}
