// A row's normalised keys (name, business ID, address, phone, email), made once per row for both its
// stored record and, in an import that links, the in-memory index of the register.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "register/import/import_rows.hpp"
#include "register/index/record_index.hpp"
#include "register/normalize/business_id.hpp"
#include "register/normalize/normalize.hpp"

namespace jobcenter::register_plugin {

struct RowKeys {
    NormalizedName name;
    BusinessId business;
    NormalizedAddress address;
    std::optional<std::string> phone;
    NormalizedEmail email;
};

// The phone as a matching key: E.164 when valid; a local number without its area code ("~3865286") is
// still evidence between records written the same way.
std::optional<std::string> phone_key(const NormalizedPhone& phone);

RowKeys normalize_row(const ImportRow& row, const std::string& phone_country);

// A new record's keys as its stored record holds them, for the in-memory index of an import that links.
StoredKeys stored_keys(std::int64_t id, const RowKeys& keys);

}  // namespace jobcenter::register_plugin
