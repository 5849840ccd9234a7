// Everything a matching command reads once before it judges clients against orders: the clients the
// caller may see and their gigs, the units' organisations, the unit's rule settings, the dated benefit
// limits, postcode centres, and the dated hourly wage (asked of the pricing plugin, once per day).
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "jobcenter/context.hpp"
#include "matching/model/client.hpp"
#include "matching/rules/benefit_limits.hpp"
#include "matching/rules/rule_settings.hpp"
#include "matching/rules/situation.hpp"
#include "matching/scoring/postcode_areas.hpp"
#include "matching/store/gig_times.hpp"

namespace jobcenter::matching {

struct MatchingData {
    std::set<std::string> task_types;
    std::map<std::string, Organisation> organisations;  // by unit name
    std::vector<Client> clients;                        // the visible ones, in id order
    std::map<std::string, ClientGigs> gigs;             // by client id
    RuleSettings settings;
    BenefitLimits limits;
    PostcodeAreas areas;
    WageLookup wage;

    Organisation organisation_of(const Client& c) const;
    const ClientGigs* gigs_of(const Client& c) const;
};

// Reads the data for the clients of `unit` (all units when empty) and audits the read.
MatchingData load_matching_data(Context& ctx, const std::string& unit, std::string_view action, std::string_view subject);

// The hourly wage per contract on a day, asked of `pricing rates` once per day and remembered for the command.
WageLookup wage_from_pricing(Context& ctx);

// The organisations of every unit (VATTI, KUTY, OTHER).
std::map<std::string, Organisation> unit_organisations(Database& db);

}  // namespace jobcenter::matching
