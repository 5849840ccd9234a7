// Telling a client's earnings report: the refusal of commission work on an unemployment benefit, each gig's
// limits, where planned work crosses a limit, and yearly commission income at the unit's YEL warning share.
#include "pricing/benefits/benefit_watch.hpp"

#include <string>

#include "jobcenter/money.hpp"

namespace jobcenter::pricing {
namespace json = boost::json;
namespace {

std::string text_of(const json::value& v) { return v.is_string() ? std::string(v.get_string()) : json::serialize(v); }

Money money_of(const json::value& v) { return Money::parse(v.as_string()); }

// DOMAIN.md §9 P1: commission work counts as entrepreneurship for unemployment benefit.
std::string commission_refusal(const json::array& unemployment_benefits) {
    std::string benefits;
    for (const auto& b : unemployment_benefits) benefits += (benefits.empty() ? "" : ", ") + text_of(b);
    return "refused: the client is on " + benefits + "; commission work counts as entrepreneurship for unemployment "
           "benefit, which stops while the entrepreneurship report is processed (about 30 days)";
}

json::array gigs_of(const json::object& earnings) {
    const auto& unemployment = earnings.at("unemployment_benefits").as_array();
    json::array out;
    for (const auto& value : earnings.at("gigs").as_array()) {
        const auto& g = value.as_object();
        const bool refused = !unemployment.empty() && g.at("contract").as_string() == "commission";
        out.push_back(json::object{{"gig", g.at("gig")},
                                   {"order", g.at("order")},
                                   {"status", g.at("status")},
                                   {"contract", g.at("contract")},
                                   {"planned", g.at("planned")},
                                   {"refused", refused ? json::value(commission_refusal(unemployment)) : json::value(nullptr)},
                                   {"would_cross", g.at("would_cross")}});
    }
    return out;
}

// Flags: refused commission gigs, planned work crossing a limit, commission income at the YEL warning share.
json::array flags_of(const json::object& earnings, const json::array& gigs) {
    json::array flags;
    for (const auto& g : gigs)
        if (!g.at("refused").is_null())
            flags.emplace_back("gig " + text_of(g.at("gig")) + " (order " + text_of(g.at("order")) + ", commission) is " +
                               text_of(g.at("refused")));
    for (const auto& value : earnings.at("crossings").as_array()) {
        const auto& c = value.as_object();
        flags.emplace_back(text_of(c.at("benefit")) + " " + text_of(c.at("kind")) + ": planned work passes " +
                           text_of(c.at("threshold")) + " in " + text_of(c.at("period")) + " with gig " + text_of(c.at("gig")) +
                           " (order " + text_of(c.at("order")) + ") on " + text_of(c.at("date")) + ", reaching " +
                           text_of(c.at("earnings")));
    }
    const double share = earnings.at("yel_warning_share").to_number<double>();
    for (const auto& value : earnings.at("limits").as_array()) {
        const auto& l = value.as_object();
        if (l.at("kind").as_string() != "yel" || money_of(l.at("earnings")) < money_of(l.at("threshold"))) continue;
        flags.emplace_back("commission income " + text_of(l.at("period")) + ": " + text_of(l.at("earnings")) + " is at or above " +
                           Decimal::from_double(share * 100).to_string() + " % of the YEL minimum " + text_of(l.at("amount")) +
                           " (" + text_of(l.at("threshold")) + "): from the minimum on, a commission worker must take YEL "
                           "insurance");
    }
    return flags;
}

}  // namespace

json::object benefit_watch(const json::object& earnings) {
    json::array gigs = gigs_of(earnings);
    json::array flags = flags_of(earnings, gigs);
    return json::object{{"client", earnings.at("client")},
                        {"name", earnings.at("name")},
                        {"unit", earnings.at("unit")},
                        {"benefits", earnings.at("benefits")},
                        {"on", earnings.at("on")},
                        {"year", earnings.at("year")},
                        {"flags", std::move(flags)},
                        {"months", earnings.at("months")},
                        {"year_total", earnings.at("year_total")},
                        {"limits", earnings.at("limits")},
                        {"crossings", earnings.at("crossings")},
                        {"gigs", std::move(gigs)}};
}

}  // namespace jobcenter::pricing
