// Loading what matching commands judge with.
#include "matching/commands/matching_data.hpp"

#include <memory>

#include "matching/store/client_store.hpp"

namespace jobcenter::matching {
namespace json = boost::json;

WageLookup wage_from_pricing(Context& ctx) {
    auto cache = std::make_shared<std::map<Day, std::map<Contract, Money>>>();
    return [&ctx, cache](Contract contract, Day day) {
        auto& wages = (*cache)[day];
        if (wages.empty()) {
            auto result = ctx.call("pricing.rates", json::object{{"on", day_text(day)}});
            for (const auto& row : result.at("rows").as_array()) {
                auto parsed = parse_code<Contract>(row.at("contract").as_string());
                if (parsed) wages[*parsed] = Money::parse(row.at("hourly_wage").as_string());
            }
        }
        auto it = wages.find(contract);
        if (it == wages.end())
            throw NotFoundError("no hourly wage for " + std::string(code_of(contract)) + " on " + day_text(day), "pricing rates");
        return it->second;
    };
}

std::map<std::string, Organisation> unit_organisations(Database& db) {
    std::map<std::string, Organisation> out;
    auto q = db.prepare("SELECT name, organisation FROM unit");
    while (q.step()) out.emplace(q.get_text(0), parse_code<Organisation>(q.get_text_view(1)).value_or(Organisation::other));
    return out;
}

Organisation MatchingData::organisation_of(const Client& c) const {
    auto it = organisations.find(c.unit);
    return it == organisations.end() ? Organisation::other : it->second;
}

const ClientGigs* MatchingData::gigs_of(const Client& c) const {
    auto it = gigs.find(c.id);
    return it == gigs.end() ? nullptr : &it->second;
}

MatchingData load_matching_data(Context& ctx, const std::string& unit, std::string_view action, std::string_view subject) {
    MatchingData data;
    data.task_types = task_type_codes(ctx.db());
    data.organisations = unit_organisations(ctx.db());
    data.clients = read_clients(ctx.db(), unit, data.task_types);
    data.gigs = read_client_gigs(ctx.db(), unit);
    data.settings = read_rule_settings(ctx.scripts());
    data.limits = BenefitLimits::load(ctx.db());
    data.areas = PostcodeAreas::load(ctx.db());
    data.wage = wage_from_pricing(ctx);
    ctx.audit(action, "order", subject,
              "read " + std::to_string(data.clients.size()) + " clients of " + (unit.empty() ? std::string("every unit") : "unit " + unit));
    return data;
}

}  // namespace jobcenter::matching
