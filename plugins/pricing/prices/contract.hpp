// The two contract types work is done and priced under (DOMAIN.md 5.3, 5.5).
#pragma once

#include <optional>
#include <string_view>

namespace jobcenter::pricing {

enum class Contract { commission, employment };

std::optional<Contract> contract_named(std::string_view text);
std::string_view contract_name(Contract contract);
// Throws InputError naming `where` for anything but "commission" or "employment".
Contract checked_contract(std::string_view text, std::string_view where);

}  // namespace jobcenter::pricing
