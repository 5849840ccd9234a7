// Normalising an imported row: its fields turned into the keys records are matched and indexed by.
#include "register/import/import_keys.hpp"

namespace jobcenter::register_plugin {

std::optional<std::string> phone_key(const NormalizedPhone& phone) {
    if (phone.valid) return phone.e164;
    if (phone.national.size() >= 5) return "~" + phone.national;
    return std::nullopt;
}

RowKeys normalize_row(const ImportRow& row, const std::string& phone_country) {
    return RowKeys{normalize_name(row.field(StoredField::name)), parse_business_id(row.keyed(StoredField::business_id)),
                   normalize_address(row.field(StoredField::street), row.keyed(StoredField::postcode),
                                     row.field(StoredField::city)),
                   phone_key(normalize_phone(row.keyed(StoredField::phone), phone_country)),
                   normalize_email(row.field(StoredField::email))};
}

StoredKeys stored_keys(std::int64_t id, const RowKeys& keys) {
    StoredKeys k;
    k.id = id;
    k.name_key = keys.name.key;
    k.legal_form = keys.name.legal_form;
    k.department_key = keys.name.department_key;
    if (keys.business.valid) k.business_id = keys.business.canonical;
    if (keys.phone) k.phone = *keys.phone;
    if (keys.email.valid) k.email = keys.email.address;
    k.email_free = keys.email.free_mail;
    k.email_generic = keys.email.generic_mailbox;
    k.street_key = keys.address.street_key;
    k.postcode_key = keys.address.postcode;
    k.city_key = keys.address.city_key;
    k.city_of_helsinki = keys.name.city_of_helsinki;
    return k;
}

}  // namespace jobcenter::register_plugin
