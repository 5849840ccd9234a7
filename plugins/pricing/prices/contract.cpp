// Contract names.
#include "pricing/prices/contract.hpp"

#include <string>

#include "jobcenter/errors.hpp"

namespace jobcenter::pricing {

std::optional<Contract> contract_named(std::string_view text) {
    if (text == "commission") return Contract::commission;
    if (text == "employment") return Contract::employment;
    return std::nullopt;
}

std::string_view contract_name(Contract contract) {
    return contract == Contract::commission ? "commission" : "employment";
}

Contract checked_contract(std::string_view text, std::string_view where) {
    if (auto contract = contract_named(text)) return *contract;
    throw InputError("unknown contract type '" + std::string(text) + "': use commission or employment", std::string(where));
}

}  // namespace jobcenter::pricing
