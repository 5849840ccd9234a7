// Fuzz target: finding and masking personal identity codes in any text. Every span found lies inside the
// text, after the previous one, and is itself a code; the masked text holds no code at all.
#include "fuzz_target.hpp"
#include "jobcenter/identity_code.hpp"

JOBCENTER_FUZZ_TARGET(identity_code) {
    using namespace jobcenter;
    std::size_t previous_end = 0;
    for (const auto& span : find_identity_codes(input)) {
        if (span.offset < previous_end || span.offset + span.length > input.size())
            fuzz::finding("identity_code", "a span out of order or outside the text");
        if (!contains_identity_code(input.substr(span.offset, span.length)))
            fuzz::finding("identity_code", "a span that is not a code on its own");
        previous_end = span.offset + span.length;
    }
    if (contains_identity_code(mask_identity_codes(input)))
        fuzz::finding("identity_code", "a code left in the masked text");
}
