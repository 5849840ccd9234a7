// Telling namesakes apart (see namesakes.hpp).
#include "register/scoring/namesakes.hpp"

#include "register/normalize/first_names.hpp"

namespace jobcenter::register_plugin {

bool named_after_a_person(const RecordIndex& index, const IndexedRecord& r) {
    if (r.city_of_helsinki || r.token_count < 2 || r.token_count > 3) return false;
    if (r.legal_form != no_value && index.text(r.legal_form) != "tmi") return false;
    for (std::uint32_t t = r.first_token; t < r.first_token + r.token_count; ++t)
        if (is_first_name(index.text(index.tokens[t].token))) return true;
    return false;
}

bool mailbox_says_nothing_between_persons(const IndexedRecord& a) {
    return a.email != no_value && a.email_generic && a.email_domain == no_value;
}

bool personal_contact_agrees(const IndexedRecord& a, const IndexedRecord& b) {
    const bool phone = a.phone != no_value && a.phone == b.phone;
    const bool email = a.email != no_value && a.email == b.email && !a.email_generic;
    return phone || email;
}

}  // namespace jobcenter::register_plugin
