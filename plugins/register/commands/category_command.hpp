// A person's choice of an orderer's category (register set-category, register add --category): recorded
// with who, when and why, and standing over the category inferred from the orderer's source records.
#pragma once

#include <boost/json.hpp>
#include <cstdint>
#include <string>

#include "jobcenter/context.hpp"
#include "register/clustering/orderer_category.hpp"

namespace jobcenter::register_plugin {

struct CategoryDecision {
    std::string by, unit, role, at, reason;
};

// A category name given with --category, or InputError naming the flag and the categories.
OrdererCategory checked_category(const std::string& given);

// Sets the orderer's category as a person's choice and records the choice; returns the choice's id.
std::int64_t record_category_choice(Database& db, std::int64_t orderer_id, OrdererCategory category,
                                    const CategoryDecision& decision);

// register set-category --orderer N --category C [--by NAME] [--reason TEXT]
boost::json::value set_category_command(Context& ctx, const boost::json::object& request);

}  // namespace jobcenter::register_plugin
