// Fuzz target: normalising an email field (one address or a list) and a website from any text. A valid
// address has its domain after its '@'.
#include "fuzz_target.hpp"
#include "register/normalize/normalize.hpp"

JOBCENTER_FUZZ_TARGET(email) {
    using namespace jobcenter::register_plugin;
    NormalizedEmail email = normalize_email(input);
    if (email.valid && !email.address.ends_with("@" + email.domain))
        jobcenter::fuzz::finding("email", "the domain of a valid address is not after its '@': " + email.address);
    website_key(input);
}
