// Fuzz target: normalising a phone number from any text, with Finland and North America as the default
// country. A valid number is E.164: a '+' and digits.
#include <algorithm>

#include "fuzz_target.hpp"
#include "register/normalize/normalize.hpp"

JOBCENTER_FUZZ_TARGET(phone) {
    using namespace jobcenter::register_plugin;
    for (std::string_view country : {"358", "1", "FI", "+46"}) {
        NormalizedPhone phone = normalize_phone(input, country);
        bool e164 = phone.e164.size() > 1 && phone.e164[0] == '+' &&
                    std::all_of(phone.e164.begin() + 1, phone.e164.end(), [](char c) { return c >= '0' && c <= '9'; });
        if (phone.valid && !e164) jobcenter::fuzz::finding("phone", "a valid number that is not E.164: " + phone.e164);
    }
}
