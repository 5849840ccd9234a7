// Fuzz target: reading a Finnish business ID (Y-tunnus) from any text. A valid one reads back as itself.
#include "fuzz_target.hpp"
#include "register/normalize/business_id.hpp"
#include "register/normalize/normalize.hpp"

JOBCENTER_FUZZ_TARGET(business_id) {
    using namespace jobcenter::register_plugin;
    BusinessId id = parse_business_id(input);
    std::string key = business_id_key(input);
    business_id_check_digit(input.substr(0, 7));
    if (id.valid != !key.empty()) jobcenter::fuzz::finding("business_id", "business_id_key disagrees with parse");
    if (id.valid && parse_business_id(id.canonical).canonical != id.canonical)
        jobcenter::fuzz::finding("business_id", "a valid ID does not read back as itself: " + id.canonical);
}
